import type { ProviderModule } from '../../core/adapter.js';
import { DailyAdapter, dailyCapabilities } from './adapter.js';
import { dailyEnvVars, loadDailyConfig, type DailyConfig } from './config.js';
import { dailySignatureScheme } from './webhooks.js';

/** Daily (daily.co): rooms with meeting tokens, live presence, server-side and raw-tracks recording. */
export const dailyProvider = {
  name: 'daily',
  displayName: 'Daily',
  capabilities: dailyCapabilities,
  webhook: { paths: ['/v1/daily/webhook'], redactHeaders: dailySignatureScheme.signatureHeaders },
  envVars: dailyEnvVars,
  loadConfig: loadDailyConfig,
  create: (config, deps) => new DailyAdapter(config, deps),
} as const satisfies ProviderModule<DailyConfig>;

export {
  DailyAdapter,
  buildCreateRoomBody,
  buildMeetingTokenBody,
  dailyRateBudget,
  toWebhookRegistration,
  DAILY_WEBHOOK_EVENT_TYPES,
  parseDailyTrackKey,
} from './adapter.js';
export { DailyClient, type ListRecordingsOptions, type StartRecordingBody } from './client.js';
export {
  dailySignatureScheme,
  dailyWebhookReceiver,
  signDailyWebhook,
  verifyDailyWebhook,
  parseDailyWebhook,
  isDailyVerificationPing,
  dailyEventKey,
  dailyRecordingReadyKey,
  dailyEventTime,
  DAILY_SIGNATURE_HEADER,
  DAILY_TIMESTAMP_HEADER,
} from './webhooks.js';
export type { DailyConfig } from './config.js';
export { parseDailyListedRecording, listDailyRecordings, DAILY_POLLED_TYPE } from './recordings.js';
