import type { PreparedFormat } from './formats.js';
import { PipelineError } from './errors.js';
import type { TimeSpan } from './probe.js';

/**
 * Pure planning of upload chunks: from the silences ffmpeg found to the spans to cut. Kept apart
 * from the ffmpeg calls (`split.ts`) so the rules are unit-tested on numbers.
 */

/** Options of `planChunks`. */
export interface ChunkPlanOptions {
  /** Longest chunk, in seconds (from the backend's upload limit: `maxChunkSeconds`). */
  maxChunkSec: number;
  /** Kept around each stretch of speech so words at its edges are not clipped. Default 0.25 s. */
  paddingSec?: number;
  /**
   * A silence longer than this ends the chunk even when the next speech would fit: long silences
   * cost upload time and per-minute billing and invite recognizers to invent text. Default 30 s.
   */
  maxInnerSilenceSec?: number;
}

/** Default padding around speech. */
export const DEFAULT_PADDING_SEC = 0.25;
/** Default longest silence kept inside a chunk. */
export const DEFAULT_MAX_INNER_SILENCE_SEC = 30;

/** The complement of `silences` within [0, durationSec]: where there is sound. */
export function speechSpans(silences: readonly TimeSpan[], durationSec: number): TimeSpan[] {
  const spans: TimeSpan[] = [];
  let cursor = 0;
  for (const silence of [...silences].sort((a, b) => a.startSec - b.startSec)) {
    if (silence.startSec > cursor) spans.push({ startSec: cursor, endSec: Math.min(silence.startSec, durationSec) });
    cursor = Math.max(cursor, silence.endSec);
  }
  if (cursor < durationSec) spans.push({ startSec: cursor, endSec: durationSec });
  return spans.filter((s) => s.endSec > s.startSec);
}

/** Speech widened by the padding, clamped to the file, overlapping spans merged. */
function padAndMerge(speech: readonly TimeSpan[], durationSec: number, paddingSec: number): TimeSpan[] {
  const merged: TimeSpan[] = [];
  for (const span of [...speech].sort((a, b) => a.startSec - b.startSec)) {
    const padded = { startSec: Math.max(0, span.startSec - paddingSec), endSec: Math.min(durationSec, span.endSec + paddingSec) };
    const last = merged[merged.length - 1];
    if (last && padded.startSec <= last.endSec) last.endSec = Math.max(last.endSec, padded.endSec);
    else merged.push(padded);
  }
  return merged;
}

/**
 * Groups speech into chunks of at most `maxChunkSec`, cut only in silences. A chunk starts just
 * before speech and ends just after it, so silences between chunks (a late joiner's first minutes,
 * a muted stretch) are never uploaded. Speech longer than `maxChunkSec` without any silence is cut
 * hard at `maxChunkSec`: the only case where a word can be split.
 */
export function planChunks(speech: readonly TimeSpan[], durationSec: number, options: ChunkPlanOptions): TimeSpan[] {
  const { maxChunkSec, paddingSec = DEFAULT_PADDING_SEC, maxInnerSilenceSec = DEFAULT_MAX_INNER_SILENCE_SEC } = options;
  const pieces: TimeSpan[] = [];
  for (const span of padAndMerge(speech, durationSec, paddingSec)) {
    for (let start = span.startSec; start < span.endSec; start += maxChunkSec) {
      pieces.push({ startSec: start, endSec: Math.min(span.endSec, start + maxChunkSec) });
    }
  }
  const chunks: TimeSpan[] = [];
  for (const piece of pieces) {
    const current = chunks[chunks.length - 1];
    const fits = current && piece.endSec - current.startSec <= maxChunkSec && piece.startSec - current.endSec <= maxInnerSilenceSec;
    if (fits) current.endSec = piece.endSec;
    else chunks.push({ ...piece });
  }
  return chunks;
}

/** Header, seek table and frame overhead allowance per chunk file. */
const CONTAINER_ALLOWANCE_BYTES = 64 * 1024;
/** FLAC falls back to verbatim frames on noise; its frames add headers on top of raw PCM. */
const FLAC_WORST_CASE_FACTOR = 1.02;

/**
 * The longest chunk, in seconds, whose 16-bit mono file at `sampleRate` cannot exceed `maxBytes`.
 * FLAC usually compresses speech to about half, but its worst case is raw PCM, and the limit must
 * hold for every chunk. Throws a `config` error for a limit too small for one second of audio.
 */
export function maxChunkSeconds(maxBytes: number, format: PreparedFormat, sampleRate: number): number {
  const bytesPerSec = sampleRate * 2 * (format === 'flac' ? FLAC_WORST_CASE_FACTOR : 1);
  const seconds = Math.floor((maxBytes - CONTAINER_ALLOWANCE_BYTES) / bytesPerSec);
  if (seconds < 1) {
    throw new PipelineError({
      code: 'config',
      permanent: true,
      message: `An upload limit of ${maxBytes} bytes cannot hold one second of ${sampleRate} Hz audio; raise the backend's maxUploadBytes.`,
    });
  }
  return seconds;
}
