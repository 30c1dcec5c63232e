import { missingVars, readBaseUrl, readBoolean, readOptional, readPositive, type ConfigResult, type EnvRecord } from '../../core/config.js';

/** The openai-chat summary backend's configuration. */
export interface OpenAiChatConfig {
  /** Base URL without `/v1`; requests go to `{url}/v1/chat/completions`. */
  url: string;
  /** Bearer key; null for servers without auth (Ollama, llama.cpp, vLLM). */
  apiKey: string | null;
  model: string;
  /** Send `response_format: {type: 'json_object'}`. Default true; false for servers that reject it. */
  jsonMode: boolean;
  /** Longest transcript text per request, in characters. Default 24,000 (about 6,000 tokens). */
  maxInputChars: number;
  /** Per-request timeout. Default 120,000 ms. */
  timeoutMs: number;
}

/** Every variable the backend reads. */
export const openAiChatEnvVars = {
  LLM_URL: 'Base URL of an OpenAI-compatible chat API, without /v1 (https://api.openai.com, http://localhost:11434). Required.',
  LLM_MODEL: 'Chat model (gpt-4o-mini, llama3.1, ...). Required.',
  LLM_API_KEY: 'API key, sent as a bearer token. Optional for local servers.',
  LLM_JSON_MODE: "false if the server rejects response_format {type: 'json_object'}. Default true.",
  LLM_MAX_INPUT_CHARS: 'Longest transcript text per request; longer ones are summarized in parts. Default 24000.',
  LLM_TIMEOUT_SECONDS: 'Timeout of one request. Default 120.',
} as const;

/** The variables without which the backend cannot run. */
export const openAiChatRequired = ['LLM_URL', 'LLM_MODEL'] as const;

/** Reads the configuration; unset `LLM_URL`/`LLM_MODEL` → `{ok:false, missing}`. */
export function loadOpenAiChatConfig(env: EnvRecord): ConfigResult<OpenAiChatConfig> {
  const url = readBaseUrl(env, 'LLM_URL', 'https://api.openai.com');
  const rest = {
    apiKey: readOptional(env, 'LLM_API_KEY'),
    jsonMode: readBoolean(env, 'LLM_JSON_MODE', true),
    maxInputChars: Math.floor(readPositive(env, 'LLM_MAX_INPUT_CHARS', 24_000)),
    timeoutMs: Math.round(readPositive(env, 'LLM_TIMEOUT_SECONDS', 120) * 1000),
  };
  const model = readOptional(env, 'LLM_MODEL');
  const missing = missingVars(env, openAiChatRequired);
  if (url === null || model === null) return { ok: false, missing };
  return { ok: true, config: { ...rest, url, model } };
}
