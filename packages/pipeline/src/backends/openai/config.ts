import { missingVars, readBaseUrl, readBoolean, readOptional, readPositive, type ConfigResult, type EnvRecord } from '../../core/config.js';
import { PipelineError } from '../../core/errors.js';

/** The openai transcription backend's configuration. */
export interface OpenAiTranscriptionConfig {
  /** Base URL without `/v1` (`https://api.openai.com`); requests go to `{url}/v1/audio/transcriptions`. */
  url: string;
  /** Sent as `Authorization: Bearer`; null for servers without auth (self-hosted whisper). */
  apiKey: string | null;
  model: string;
  /** Ask for `diarized_json` (speakers) instead of `verbose_json`. Default false. */
  diarization: boolean;
  /** Ask for word timestamps (verbose_json only). Default true. */
  wordTimestamps: boolean;
  /** Upload container. Default `flac`; `wav` for servers that decode only WAV (whisper.cpp without --convert). */
  uploadFormat: 'flac' | 'wav';
  /** Largest upload in bytes. Default 25,000,000 (OpenAI's limit is 25 MiB). */
  maxUploadBytes: number;
  /** Per-request timeout. Default 600,000 ms. */
  timeoutMs: number;
  /** ISO-639-1 language code sent with every request, or null (auto-detect). */
  language: string | null;
}

/** Every variable the backend reads. */
export const openAiTranscriptionEnvVars = {
  TRANSCRIPTION_URL: 'Base URL of an OpenAI-compatible API, without /v1 (https://api.openai.com, http://localhost:8000). Required.',
  TRANSCRIPTION_MODEL: 'Transcription model (whisper-1, Systran/faster-whisper-small, ...). Required.',
  TRANSCRIPTION_API_KEY: 'API key, sent as a bearer token. Optional: self-hosted servers usually need none.',
  TRANSCRIPTION_DIARIZATION: 'true to request diarized_json (speaker labels) from a diarizing model. Default false.',
  TRANSCRIPTION_WORD_TIMESTAMPS: 'false to skip word timestamps. Default true.',
  TRANSCRIPTION_UPLOAD_FORMAT: 'flac or wav. Default flac (use wav for whisper.cpp without --convert).',
  TRANSCRIPTION_MAX_UPLOAD_MB: 'Largest upload in MB (10^6 bytes); longer audio is split at silences. Default 25.',
  TRANSCRIPTION_TIMEOUT_SECONDS: 'Timeout of one request. Default 600.',
  TRANSCRIPTION_LANGUAGE: 'ISO-639-1 code (en, de, ...) to skip language detection. Optional.',
} as const;

/** The variables without which the backend cannot run. */
export const openAiTranscriptionRequired = ['TRANSCRIPTION_URL', 'TRANSCRIPTION_MODEL'] as const;

/**
 * Reads the configuration. Unset `TRANSCRIPTION_URL`/`TRANSCRIPTION_MODEL` → `{ok:false, missing}`;
 * invalid values throw a `config` `PipelineError` naming the variable.
 */
export function loadOpenAiTranscriptionConfig(env: EnvRecord): ConfigResult<OpenAiTranscriptionConfig> {
  const url = readBaseUrl(env, 'TRANSCRIPTION_URL', 'https://api.openai.com');
  const missing = missingVars(env, openAiTranscriptionRequired);
  const uploadFormat = readOptional(env, 'TRANSCRIPTION_UPLOAD_FORMAT') ?? 'flac';
  if (uploadFormat !== 'flac' && uploadFormat !== 'wav') {
    throw new PipelineError({ code: 'config', permanent: true, message: 'TRANSCRIPTION_UPLOAD_FORMAT must be flac or wav.' });
  }
  const config = {
    apiKey: readOptional(env, 'TRANSCRIPTION_API_KEY'),
    diarization: readBoolean(env, 'TRANSCRIPTION_DIARIZATION', false),
    wordTimestamps: readBoolean(env, 'TRANSCRIPTION_WORD_TIMESTAMPS', true),
    uploadFormat,
    maxUploadBytes: Math.floor(readPositive(env, 'TRANSCRIPTION_MAX_UPLOAD_MB', 25) * 1_000_000),
    timeoutMs: Math.round(readPositive(env, 'TRANSCRIPTION_TIMEOUT_SECONDS', 600) * 1000),
    language: readOptional(env, 'TRANSCRIPTION_LANGUAGE'),
  } as const;
  const model = readOptional(env, 'TRANSCRIPTION_MODEL');
  if (url === null || model === null || missing.length > 0) return { ok: false, missing };
  return { ok: true, config: { ...config, url, model } };
}
