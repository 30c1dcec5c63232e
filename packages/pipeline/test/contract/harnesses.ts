import { startOpenAiFake, type OpenAiFake } from '@meetbridge/fakes';
import type { EnvRecord } from '../../src/core/config.js';
import type { BackendDeps } from '../../src/core/http.js';
import type { Transcriber } from '../../src/core/transcriber.js';
import { openAiTranscriptionBackend } from '../../src/backends/openai/index.js';

/**
 * One transcription backend wired to its stand-in over real HTTP, with the hooks the contract
 * suite needs to act as the server's side. The suite branches only on `capabilities`.
 */
export interface TranscriptionHarness {
  /** The registry name of the backend under test. */
  readonly backend: string;
  /** Builds the backend as the server does (from env), optionally with a smaller upload limit. */
  create(overrides?: { maxUploadBytes?: number }): Transcriber;
  /** The backend pointed at a port where nothing listens. */
  unreachable(): Transcriber;
  /** The next `times` requests fail with `status` (and `Retry-After` when given). */
  failNext(fault: { status: number; times?: number; retryAfterSeconds?: number }): void;
  /** Bytes of each file the server received, in order. */
  uploads(): number[];
  reset(): void;
  close(): Promise<void>;
}

/** Backend deps for the suite: no waiting between retries. */
export const contractDeps: BackendDeps = { sleep: async () => {} };

function build(env: EnvRecord): Transcriber {
  const loaded = openAiTranscriptionBackend.loadConfig(env);
  if (!loaded.ok) throw new Error(`harness env misses ${loaded.missing.join(', ')}`);
  return openAiTranscriptionBackend.create(loaded.config, contractDeps);
}

/** The openai backend against the OpenAI fake, configured by `extraEnv` (model, diarization). */
function openAiHarness(label: string, extraEnv: EnvRecord): { label: string; start: () => Promise<TranscriptionHarness> } {
  return {
    label,
    start: async () => {
      const fake: OpenAiFake = await startOpenAiFake({ apiKey: 'sk-contract' });
      const env = { TRANSCRIPTION_URL: fake.url, TRANSCRIPTION_API_KEY: 'sk-contract', ...extraEnv };
      return {
        backend: openAiTranscriptionBackend.name,
        create: (overrides = {}) =>
          build({
            ...env,
            ...(overrides.maxUploadBytes ? { TRANSCRIPTION_MAX_UPLOAD_MB: String(overrides.maxUploadBytes / 1_000_000) } : {}),
          }),
        unreachable: () => build({ ...env, TRANSCRIPTION_URL: 'http://127.0.0.1:9' }),
        failNext: (fault) => fake.control.setFault({ path: '/v1/audio/transcriptions', ...fault }),
        uploads: () => fake.control.requests().flatMap((r) => (r.file ? [r.file.bytes] : [])),
        reset: () => fake.control.reset(),
        close: () => fake.close(),
      };
    },
  };
}

/** Every harness; the suite checks that each registered backend has at least one. */
export const harnesses = [
  openAiHarness('openai: whisper-1, verbose_json with words', { TRANSCRIPTION_MODEL: 'whisper-1' }),
  openAiHarness('openai: diarizing model, diarized_json', {
    TRANSCRIPTION_MODEL: 'gpt-4o-transcribe-diarize',
    TRANSCRIPTION_DIARIZATION: 'true',
  }),
];
