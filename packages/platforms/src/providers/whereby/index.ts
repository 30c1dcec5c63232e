import type { ProviderModule } from '../../core/adapter.js';
import { WherebyAdapter, wherebyCapabilities } from './adapter.js';
import { loadWherebyConfig, wherebyEnvVars, type WherebyConfig } from './config.js';
import { wherebySignatureScheme } from './webhooks.js';

/** Whereby Embedded (REST API v1): transient meetings with host URLs, signed webhooks. */
export const wherebyProvider = {
  name: 'whereby',
  displayName: 'Whereby',
  capabilities: wherebyCapabilities,
  webhook: { paths: ['/v1/whereby'], redactHeaders: wherebySignatureScheme.signatureHeaders },
  envVars: wherebyEnvVars,
  loadConfig: loadWherebyConfig,
  create: (config, deps) => new WherebyAdapter(config, deps),
} as const satisfies ProviderModule<WherebyConfig>;

export { WherebyAdapter, buildCreateMeetingBody, wherebyRoomNamePrefix, wherebyRateBudget } from './adapter.js';
export { WherebyClient } from './client.js';
export {
  wherebySignatureScheme,
  wherebyWebhookReceiver,
  signWherebyWebhook,
  verifyWherebyWebhook,
  parseWherebyWebhook,
  WHEREBY_SIGNATURE_HEADER,
} from './webhooks.js';
export type { WherebyConfig } from './config.js';
export { parseRecordingFilename, wherebyNoticeReader, wherebyRecordingEventId } from './notices.js';
