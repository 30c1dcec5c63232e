import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import { PipelineError } from '../../core/errors.js';
import { DEFAULT_RETRY_POLICY, callBackend, parseJsonBody, type BackendDeps, type RetryPolicy } from '../../core/http.js';
import type { TranscribeRequest, Transcriber, TranscriberCapabilities, TranscriptionResult } from '../../core/transcriber.js';
import type { TranscriptSegment, TranscriptWord } from '../../core/transcript.js';
import type { OpenAiTranscriptionConfig } from './config.js';
import { TranscriptionWire, type TranscriptionWordWire } from './wire.js';

/** The backend's name in the registry. */
export const OPENAI_TRANSCRIPTION_BACKEND = 'openai';

const MIME = { flac: 'audio/flac', wav: 'audio/wav' } as const;

/** Capabilities follow the configuration: diarized output has no word timings. */
export function openAiTranscriptionCapabilities(config: OpenAiTranscriptionConfig): TranscriberCapabilities {
  return {
    wordTimestamps: config.wordTimestamps && !config.diarization,
    diarization: config.diarization,
    maxUploadBytes: config.maxUploadBytes,
    formats: [config.uploadFormat],
  };
}

/** Each word goes to the segment containing its midpoint (OpenAI lists words apart from segments). */
function wordsWithin(words: readonly TranscriptionWordWire[], start: number, end: number, last: boolean): TranscriptWord[] {
  return words
    .filter((w) => {
      const mid = (w.start + w.end) / 2;
      return mid >= start && (mid < end || (last && mid <= end));
    })
    .map((w) => ({ word: w.word.trim(), start: w.start, end: w.end }));
}

/** Maps a reply to segments; a reply with text but no segments becomes one segment over the file. */
export function toSegments(wire: TranscriptionWire, durationSec: number | null): TranscriptSegment[] {
  const words = wire.words ?? [];
  const segments = wire.segments ?? [];
  if (segments.length === 0) {
    const text = wire.text.trim();
    if (!text) return [];
    const end = durationSec ?? wire.duration ?? words.at(-1)?.end ?? 0;
    return [{ start: 0, end, text, speaker: null, words: wordsWithin(words, 0, end, true) }];
  }
  const sorted = [...segments].sort((a, b) => a.start - b.start || a.end - b.end);
  return sorted.map((s, i) => ({
    start: s.start,
    end: s.end,
    text: s.text.trim(),
    speaker: s.speaker ?? null,
    words: s.words
      ? s.words.map((w) => ({ word: w.word.trim(), start: w.start, end: w.end }))
      : wordsWithin(words, s.start, s.end, i === sorted.length - 1),
  }));
}

/**
 * Any OpenAI-compatible `POST /v1/audio/transcriptions`: OpenAI (whisper-1, gpt-4o-transcribe-diarize),
 * Groq, faster-whisper-server/speaches, whisper.cpp's server. Asks for `verbose_json` with segment
 * and word timestamps, or `diarized_json` when configured for diarization.
 */
export class OpenAiTranscriber implements Transcriber {
  readonly backend = OPENAI_TRANSCRIPTION_BACKEND;
  readonly capabilities: TranscriberCapabilities;

  constructor(
    private readonly config: OpenAiTranscriptionConfig,
    private readonly deps: BackendDeps = {},
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.capabilities = openAiTranscriptionCapabilities(config);
  }

  /** The multipart fields sent besides the file, in order. */
  fields(request: Pick<TranscribeRequest, 'language' | 'prompt'>): [string, string][] {
    const { config } = this;
    const fields: [string, string][] = [['model', config.model]];
    if (config.diarization) {
      // Diarizing models need a chunking strategy for inputs over 30 s.
      fields.push(['response_format', 'diarized_json'], ['chunking_strategy', 'auto']);
    } else {
      fields.push(['response_format', 'verbose_json'], ['timestamp_granularities[]', 'segment']);
      if (config.wordTimestamps) fields.push(['timestamp_granularities[]', 'word']);
    }
    const language = request.language ?? config.language;
    if (language) fields.push(['language', language]);
    if (request.prompt && !config.diarization) fields.push(['prompt', request.prompt]);
    return fields;
  }

  async transcribe(request: TranscribeRequest): Promise<TranscriptionResult> {
    if (!this.capabilities.formats.includes(request.format)) {
      throw new PipelineError({
        code: 'config',
        permanent: true,
        backend: this.backend,
        message: `The openai backend is configured for ${this.config.uploadFormat} uploads, not ${request.format}.`,
      });
    }
    const operation = `transcribing ${basename(request.file)}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.config.apiKey) headers.authorization = `Bearer ${this.config.apiKey}`;
    const { text } = await callBackend(
      {
        backend: this.backend,
        operation,
        url: `${this.config.url}/v1/audio/transcriptions`,
        timeoutMs: this.config.timeoutMs,
        retry: this.retry,
        secrets: this.config.apiKey ? [this.config.apiKey] : [],
        signal: request.signal,
        // The file is streamed from disk (openAsBlob), never read into memory.
        init: async () => {
          const form = new FormData();
          for (const [name, value] of this.fields(request)) form.append(name, value);
          form.append('file', await openAsBlob(request.file, { type: MIME[request.format as 'flac' | 'wav'] }), basename(request.file));
          return { method: 'POST', headers, body: form };
        },
      },
      this.deps,
    );
    const parsed = TranscriptionWire.safeParse(parseJsonBody(this.backend, operation, text));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new PipelineError({
        code: 'backend_invalid_output',
        permanent: true,
        backend: this.backend,
        message: `${this.backend}: ${operation} answered an unexpected shape (${issue?.path.join('.') || 'body'}: ${issue?.message}).`,
        cause: parsed.error,
      });
    }
    return { segments: toSegments(parsed.data, request.durationSec ?? null), language: parsed.data.language ?? null };
  }
}
