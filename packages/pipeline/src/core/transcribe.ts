import { PipelineError } from './errors.js';
import type { Ffmpeg } from './ffmpeg.js';
import { splitForUpload, type AudioChunk, type SplitOptions } from './split.js';
import type { Transcriber } from './transcriber.js';
import type { PreparedFormat } from './formats.js';
import { shiftSegment, sortSegments, type TranscriptSegment } from './transcript.js';

/**
 * Transcribing one prepared file with any backend: split at silences to fit the backend's upload
 * limit, send the chunks one after another, and shift each chunk's segment times back by the
 * chunk's start so they are times in the meeting.
 */

/** Options of `transcribeFile`. */
export interface TranscribeFileOptions extends Omit<SplitOptions, 'maxBytes' | 'format' | 'signal'> {
  language?: string | null;
  prompt?: string | null;
  signal?: AbortSignal;
  /** Called after each chunk with the number done and the total, for progress reporting. */
  onProgress?: (done: number, total: number) => void;
}

/** The transcript of one file. */
export interface FileTranscript {
  /** Sorted, in the file's time (the meeting's, for a placed track). */
  segments: TranscriptSegment[];
  /** The chunks that were sent; empty when the file is silent throughout. */
  chunks: AudioChunk[];
  /** The first language a backend reported, or null. */
  language: string | null;
}

/** The first container of ours the backend accepts. */
export function uploadFormat(transcriber: Transcriber): PreparedFormat {
  const format = transcriber.capabilities.formats.find((f): f is PreparedFormat => f === 'flac' || f === 'wav');
  if (!format) {
    throw new PipelineError({
      code: 'config',
      permanent: true,
      backend: transcriber.backend,
      message: `The ${transcriber.backend} backend accepts none of flac or wav; the pipeline produces only those.`,
    });
  }
  return format;
}

/**
 * Transcribes `file` (a placed track or a prepared composite) with `transcriber`: splits it for the
 * backend's upload limit and format, then `transcribeChunks`.
 */
export async function transcribeFile(
  ff: Ffmpeg,
  transcriber: Transcriber,
  file: string,
  options: TranscribeFileOptions,
): Promise<FileTranscript> {
  const format = uploadFormat(transcriber);
  const chunks = await splitForUpload(ff, file, { ...options, maxBytes: transcriber.capabilities.maxUploadBytes, format });
  return transcribeChunks(transcriber, chunks, options);
}

/** Refuses a chunk the backend cannot take (made for another backend's limits). */
function assertFits(transcriber: Transcriber, chunk: AudioChunk): void {
  const { maxUploadBytes, formats } = transcriber.capabilities;
  if (chunk.bytes <= maxUploadBytes && formats.includes(chunk.format)) return;
  throw new PipelineError({
    code: 'config',
    permanent: true,
    backend: transcriber.backend,
    message: `${chunk.file} (${chunk.format}, ${chunk.bytes} bytes) does not fit the ${transcriber.backend} backend; split again for its capabilities.`,
  });
}

/**
 * Sends chunks (from `prepareAudio` with `upload`, or `splitForUpload`) one after another and shifts
 * each chunk's segments back by its start. Diarization labels are per request, so with several
 * chunks they are prefixed `c<chunk>:` to keep speakers of different chunks apart (the backend
 * cannot tell us whether its `A` in two requests is one person).
 */
export async function transcribeChunks(
  transcriber: Transcriber,
  chunks: readonly AudioChunk[],
  options: Pick<TranscribeFileOptions, 'language' | 'prompt' | 'signal' | 'onProgress'> = {},
): Promise<FileTranscript> {
  chunks.forEach((chunk) => assertFits(transcriber, chunk));
  const segments: TranscriptSegment[] = [];
  let language: string | null = null;
  for (const [index, chunk] of chunks.entries()) {
    const result = await transcriber.transcribe({
      file: chunk.file,
      format: chunk.format,
      durationSec: chunk.endSec - chunk.startSec,
      language: options.language ?? null,
      prompt: options.prompt ?? null,
      signal: options.signal,
    });
    language ??= result.language;
    for (const segment of result.segments) {
      if (segment.text.trim() === '') continue;
      const shifted = shiftSegment(segment, chunk.startSec, chunk.startSec, chunk.endSec);
      const speaker = segment.speaker !== null && chunks.length > 1 ? `c${index + 1}:${segment.speaker}` : segment.speaker;
      segments.push({ ...shifted, text: segment.text.trim(), speaker });
    }
    options.onProgress?.(index + 1, chunks.length);
  }
  return { segments: sortSegments(segments), chunks: [...chunks], language };
}
