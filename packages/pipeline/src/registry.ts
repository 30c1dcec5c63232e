import type { SummaryBackendModule, TranscriptionBackendModule } from './core/backend.js';
import type { EnvRecord } from './core/config.js';
import { PipelineError } from './core/errors.js';
import type { BackendDeps } from './core/http.js';
import type { Summarizer } from './core/summarizer.js';
import type { Transcriber } from './core/transcriber.js';
import { openAiChatBackend } from './backends/openai-chat/index.js';
import { openAiTranscriptionBackend } from './backends/openai/index.js';

/**
 * Every backend, one line each. Adding one = its folder under `backends/` + one line here (+ a
 * harness in the contract suite). The first of each list is the default.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module has its own config type
export const transcriptionBackends = [openAiTranscriptionBackend] as const satisfies readonly TranscriptionBackendModule<any>[];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module has its own config type
export const summaryBackends = [openAiChatBackend] as const satisfies readonly SummaryBackendModule<any>[];

/** The name of a registered transcription backend. */
export type TranscriptionBackendName = (typeof transcriptionBackends)[number]['name'];
/** The name of a registered summary backend. */
export type SummaryBackendName = (typeof summaryBackends)[number]['name'];

/** A backend built from the environment, or why not: the required variables that are unset. */
export type LoadedBackend<T> = { ok: true; backend: T } | { ok: false; missing: string[]; message: string };

function pick<M extends { name: string }>(list: readonly M[], env: EnvRecord, variable: string): M {
  const wanted = env[variable]?.trim();
  const found = wanted ? list.find((m) => m.name === wanted) : list[0];
  if (!found) {
    throw new PipelineError({
      code: 'config',
      permanent: true,
      message: `${variable} must be one of ${list.map((m) => m.name).join(', ')}.`,
    });
  }
  return found;
}

function notConfigured(what: string, missing: string[], optional: string): string {
  return `${what} is not configured: set ${missing.join(' and ')}${optional ? ` (and ${optional} if your server needs a key)` : ''}.`;
}

/**
 * The transcription backend chosen by `TRANSCRIPTION_BACKEND` (default `openai`), built from `env`.
 * `{ok:false}` names the variables to set, for an "awaiting backend" message; invalid values throw
 * a `config` `PipelineError`.
 */
export function loadTranscriber(env: EnvRecord, deps: BackendDeps = {}): LoadedBackend<Transcriber> {
  const module = pick(transcriptionBackends, env, 'TRANSCRIPTION_BACKEND');
  const result = module.loadConfig(env);
  if (!result.ok)
    return { ok: false, missing: result.missing, message: notConfigured('Transcription', result.missing, 'TRANSCRIPTION_API_KEY') };
  return { ok: true, backend: module.create(result.config, deps) };
}

/** The summary backend chosen by `SUMMARY_BACKEND` (default `openai-chat`), like `loadTranscriber`. */
export function loadSummarizer(env: EnvRecord, deps: BackendDeps = {}): LoadedBackend<Summarizer> {
  const module = pick(summaryBackends, env, 'SUMMARY_BACKEND');
  const result = module.loadConfig(env);
  if (!result.ok) return { ok: false, missing: result.missing, message: notConfigured('Summarization', result.missing, 'LLM_API_KEY') };
  return { ok: true, backend: module.create(result.config, deps) };
}
