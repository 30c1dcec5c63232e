import type { SummaryBackendModule } from '../../core/backend.js';
import { loadOpenAiChatConfig, openAiChatEnvVars, openAiChatRequired, type OpenAiChatConfig } from './config.js';
import { OPENAI_CHAT_BACKEND, OpenAiChatSummarizer } from './summarizer.js';

/** Summaries from an OpenAI-compatible chat completions API. */
export const openAiChatBackend = {
  name: OPENAI_CHAT_BACKEND,
  displayName: 'OpenAI-compatible chat',
  kind: 'summary',
  envVars: openAiChatEnvVars,
  requiredEnv: openAiChatRequired,
  loadConfig: loadOpenAiChatConfig,
  create: (config, deps) => new OpenAiChatSummarizer(config, deps),
} as const satisfies SummaryBackendModule<OpenAiChatConfig>;

export { OpenAiChatSummarizer, extractJson, readSummary } from './summarizer.js';
export { loadOpenAiChatConfig, openAiChatEnvVars, type OpenAiChatConfig } from './config.js';
