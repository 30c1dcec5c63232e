import type { ProviderModule } from '../../core/adapter.js';
import { DailyAdapter, dailyCapabilities } from './adapter.js';
import { dailyEnvVars, loadDailyConfig, type DailyConfig } from './config.js';

/** Daily (daily.co): rooms with meeting tokens, live presence, server-side and raw-tracks recording. */
export const dailyProvider = {
  name: 'daily',
  displayName: 'Daily',
  capabilities: dailyCapabilities,
  webhookPath: '/v1/daily/webhook',
  envVars: dailyEnvVars,
  loadConfig: loadDailyConfig,
  create: (config, deps) => new DailyAdapter(config, deps),
} as const satisfies ProviderModule<DailyConfig>;

export { DailyAdapter, buildCreateRoomBody, buildMeetingTokenBody } from './adapter.js';
export { DailyClient, type ListRecordingsOptions, type StartRecordingBody } from './client.js';
export {
  signDailyWebhook,
  verifyDailyWebhook,
  parseDailyWebhook,
  isDailyVerificationPing,
  DAILY_SIGNATURE_HEADER,
  DAILY_TIMESTAMP_HEADER,
} from './webhooks.js';
export type { DailyConfig } from './config.js';
