import type { ConfigResult, EnvRecord } from './config.js';
import type { BackendDeps } from './http.js';
import type { Summarizer } from './summarizer.js';
import type { Transcriber } from './transcriber.js';

/**
 * What a backend folder exports (`backends/<name>/index.ts`): its name, the variables it reads,
 * a loader that reports missing ones, and a factory. The registry lists these, one line each.
 */
export interface BackendModule<Kind extends 'transcription' | 'summary', Config, Instance> {
  readonly name: string;
  readonly displayName: string;
  readonly kind: Kind;
  /** Every variable the backend reads, with its description (docs and `.env.example`). */
  readonly envVars: Readonly<Record<string, string>>;
  /** The variables without which it cannot run (named in the "not configured" message). */
  readonly requiredEnv: readonly string[];
  /** Reads the configuration; `{ok:false, missing}` when required variables are unset; throws `config` errors for invalid values. */
  loadConfig(env: EnvRecord): ConfigResult<Config>;
  create(config: Config, deps?: BackendDeps): Instance;
}

/** A transcription backend module. */
export type TranscriptionBackendModule<Config> = BackendModule<'transcription', Config, Transcriber>;
/** A summary backend module. */
export type SummaryBackendModule<Config> = BackendModule<'summary', Config, Summarizer>;
