import { sortSegments, type AttributedSegment, type TranscriptSegment } from './transcript.js';

/**
 * Speaker attribution. With one track per participant, each track's segments belong to that
 * participant and the tracks merge in time order. A composite recording (everyone in one file)
 * gets the backend's diarized speakers when it has them, else one speaker.
 */

/** The transcript of one participant's track. */
export interface TrackTranscript {
  /** Display name of the track's participant (see `speakerName`). */
  speaker: string;
  segments: readonly TranscriptSegment[];
}

/**
 * The display name of a track's speaker: the first non-blank candidate, in the order given (the
 * server passes the participant session's name, then the provider's user name), else
 * `Speaker <index + 1>`.
 */
export function speakerName(candidates: readonly (string | null | undefined)[], index: number): string {
  for (const candidate of candidates) {
    const name = candidate?.trim();
    if (name) return name;
  }
  return `Speaker ${index + 1}`;
}

/**
 * Merges the tracks' segments in time order, each tagged with its track's speaker (any
 * diarization label a backend put on a single-speaker track is replaced). Ties keep track order.
 */
export function mergeTrackSegments(tracks: readonly TrackTranscript[]): AttributedSegment[] {
  return sortSegments(tracks.flatMap((track) => track.segments.map((segment) => ({ ...segment, speaker: track.speaker }))));
}

/** Options of `attributeComposite`. */
export interface CompositeOptions {
  /** Whether the backend diarized (its `capabilities.diarization`). */
  diarized: boolean;
  /** Speaker of every segment when there is no diarization. Default `Speaker 1`. */
  singleSpeaker?: string;
  /** Speaker of a segment a diarizing backend left unlabeled. Default `Unknown speaker`. */
  unknownSpeaker?: string;
}

/**
 * Speakers for a composite recording. Diarized: each distinct label becomes `Speaker N`, numbered
 * in order of first appearance. Otherwise (or with no labels at all) everything is one speaker.
 */
export function attributeComposite(segments: readonly TranscriptSegment[], options: CompositeOptions): AttributedSegment[] {
  const sorted = sortSegments(segments);
  const single = options.singleSpeaker ?? 'Speaker 1';
  if (!options.diarized || !sorted.some((s) => s.speaker)) return sorted.map((s) => ({ ...s, speaker: single }));
  const names = new Map<string, string>();
  return sorted.map((segment) => {
    if (!segment.speaker) return { ...segment, speaker: options.unknownSpeaker ?? 'Unknown speaker' };
    let name = names.get(segment.speaker);
    if (name === undefined) {
      name = `Speaker ${names.size + 1}`;
      names.set(segment.speaker, name);
    }
    return { ...segment, speaker: name };
  });
}
