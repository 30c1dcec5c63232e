import type { TranscriptSegment } from './transcript.js';

/**
 * The contract every transcription backend implements. What a backend can do is data
 * (`capabilities`), read by the pipeline before it calls; there are no optional methods.
 */

/** Audio containers a backend may accept (OpenAI's list). The pipeline produces `flac` or `wav`. */
export type AudioFormat = 'flac' | 'wav' | 'mp3' | 'mp4' | 'mpeg' | 'mpga' | 'm4a' | 'ogg' | 'webm';

/** What a transcription backend offers. */
export interface TranscriberCapabilities {
  /** Words carry their own start and end times. */
  wordTimestamps: boolean;
  /** Segments carry speaker labels (diarized output): used for composite recordings. */
  diarization: boolean;
  /** Largest file one request may carry, in bytes; longer audio is split at silences to fit. */
  maxUploadBytes: number;
  /** Containers the backend accepts, most preferred first. */
  formats: readonly AudioFormat[];
}

/** One file to transcribe. */
export interface TranscribeRequest {
  /** Path of the audio file; it fits `maxUploadBytes`. */
  file: string;
  format: AudioFormat;
  /** Length of the file in seconds, when known (bounds segments for backends that omit times). */
  durationSec?: number | null;
  /** ISO-639-1 language code; null lets the backend detect it. */
  language?: string | null;
  /** Vocabulary or context to prime the recognizer (names, jargon). */
  prompt?: string | null;
  signal?: AbortSignal;
}

/** A backend's answer, times relative to the uploaded file. */
export interface TranscriptionResult {
  /** Sorted by start; `speaker` set only when the backend diarized. */
  segments: TranscriptSegment[];
  /** The language the backend reported (`en`, `english`), or null. */
  language: string | null;
}

/** A transcription backend. Failures throw `PipelineError` (4xx permanent; 5xx, 429, network transient). */
export interface Transcriber {
  /** The backend's registry name (`openai`). */
  readonly backend: string;
  readonly capabilities: TranscriberCapabilities;
  transcribe(request: TranscribeRequest): Promise<TranscriptionResult>;
}
