import type { TranscriptionBackendModule } from '../../core/backend.js';
import {
  loadOpenAiTranscriptionConfig,
  openAiTranscriptionEnvVars,
  openAiTranscriptionRequired,
  type OpenAiTranscriptionConfig,
} from './config.js';
import { OPENAI_TRANSCRIPTION_BACKEND, OpenAiTranscriber } from './transcriber.js';

/** OpenAI-compatible speech-to-text (`POST /v1/audio/transcriptions`). */
export const openAiTranscriptionBackend = {
  name: OPENAI_TRANSCRIPTION_BACKEND,
  displayName: 'OpenAI-compatible transcription',
  kind: 'transcription',
  envVars: openAiTranscriptionEnvVars,
  requiredEnv: openAiTranscriptionRequired,
  loadConfig: loadOpenAiTranscriptionConfig,
  create: (config, deps) => new OpenAiTranscriber(config, deps),
} as const satisfies TranscriptionBackendModule<OpenAiTranscriptionConfig>;

export { OpenAiTranscriber, openAiTranscriptionCapabilities, toSegments } from './transcriber.js';
export { loadOpenAiTranscriptionConfig, openAiTranscriptionEnvVars, type OpenAiTranscriptionConfig } from './config.js';
