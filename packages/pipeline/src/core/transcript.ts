/**
 * The transcript's domain types. Times are seconds from the start of the meeting (or, inside a
 * backend, from the start of the uploaded file), as floats: the unit every backend and the API use.
 */

/** One recognized word with its own timing (backends with capability `wordTimestamps`). */
export interface TranscriptWord {
  word: string;
  start: number;
  end: number;
}

/** One stretch of recognized speech. */
export interface TranscriptSegment {
  start: number;
  end: number;
  text: string;
  /**
   * Who spoke: from a backend, its diarization label (`A`, `SPEAKER_01`) or null; after
   * attribution, the speaker's display name.
   */
  speaker: string | null;
  /** Empty when the backend gives no word timings. */
  words: TranscriptWord[];
}

/** A segment whose speaker is known (after `mergeTrackSegments` or `attributeComposite`). */
export interface AttributedSegment extends TranscriptSegment {
  speaker: string;
}

/** Shifts a backend segment from file time to meeting time and clamps it into [min, max]. */
export function shiftSegment(segment: TranscriptSegment, offsetSec: number, min: number, max: number): TranscriptSegment {
  const clamp = (t: number): number => Math.min(max, Math.max(min, t + offsetSec));
  const start = clamp(segment.start);
  return {
    ...segment,
    start,
    end: Math.max(start, clamp(segment.end)),
    words: segment.words.map((w) => {
      const wordStart = clamp(w.start);
      return { word: w.word, start: wordStart, end: Math.max(wordStart, clamp(w.end)) };
    }),
  };
}

/** Orders segments by start, then end; stable, so equal times keep their input order. */
export function sortSegments<T extends TranscriptSegment>(segments: readonly T[]): T[] {
  return [...segments].sort((a, b) => a.start - b.start || a.end - b.end);
}
