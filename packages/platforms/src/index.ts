/**
 * @meetbridge/platforms: every video provider behind one typed interface.
 * No database and no HTTP server here: the server injects clock, logger and fetch.
 */
export type * from './core/adapter.js';
export type * from './core/events.js';
export * from './core/errors.js';
export { systemClock, type Clock } from './core/clock.js';
export { silentLogger, type LoggerLike } from './core/logger.js';
export {
  DEFAULT_TOLERANCE_SECONDS,
  splitSecrets,
  computeSignature,
  signWithScheme,
  verifyWithScheme,
  type SignatureScheme,
  type SignedFields,
  type SignatureHeaders,
  type SignatureCheck,
  type VerifySignatureOptions,
  type WebhookSecrets,
} from './core/signature.js';
export {
  STANDARD_WEBHOOK_HEADERS,
  signStandardWebhook,
  standardWebhookKey,
  standardWebhooksScheme,
  type StandardWebhookHeader,
} from './core/standard-webhooks.js';
export {
  HttpClient,
  createHttpClient,
  pathSegment,
  parseRetryAfter,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  DEFAULT_MAX_INTERACTIVE_WAIT_MS,
  type HttpRequest,
  type HttpClientOptions,
  type HttpMethod,
} from './core/http.js';
export {
  bearerAuth,
  signedJwtAuth,
  signHs256Jwt,
  DEFAULT_JWT_TTL_SECONDS,
  type HttpAuth,
  type AuthRequest,
  type SignedJwtAuthOptions,
} from './core/auth.js';
export { RateBudget, DEFAULT_BACKGROUND_SHARE, type RateBudgetSpec, type RatePool, type RateCharge } from './core/rate-budget.js';
export { noErrorBody, jsonErrorParser, type ErrorBodyParser, type ProviderErrorBody } from './core/error-body.js';
export { recordingRefOf, splitBucketPath } from './core/recording.js';
export { readObjectCreated, decodeNoticeKey, type S3ObjectCreated } from './core/s3-notice.js';
export { noRecordingNotices } from './core/recording-notices.js';
export { stableUserId, uuidV5, PROVIDER_USER_ID_NAMESPACE } from './core/naming.js';
export {
  providers,
  platformNames,
  isPlatformName,
  getProvider,
  webhookEndpoints,
  webhookUrl,
  redactedWebhookHeaders,
  type PlatformName,
  type WebhookEndpoint,
} from './registry.js';
export { PlatformCatalog, type SelectionFlags } from './catalog.js';
export {
  mockProvider,
  MockAdapter,
  MockProviderState,
  defaultMockState,
  mockSignatureScheme,
  mockWebhookReceiver,
  signMockWebhook,
  signMockJoinToken,
  verifyMockJoinToken,
  type MockJoinGrant,
  type MockConfig,
  type MockRoom,
} from './providers/mock/index.js';
export {
  wherebyProvider,
  WherebyAdapter,
  WherebyClient,
  buildCreateMeetingBody,
  wherebyRoomNamePrefix,
  wherebyRateBudget,
  wherebySignatureScheme,
  wherebyWebhookReceiver,
  signWherebyWebhook,
  verifyWherebyWebhook,
  parseWherebyWebhook,
  parseRecordingFilename,
  wherebyNoticeReader,
  wherebyRecordingEventId,
  WHEREBY_SIGNATURE_HEADER,
  type WherebyConfig,
} from './providers/whereby/index.js';
export {
  dailyProvider,
  DailyAdapter,
  DailyClient,
  buildCreateRoomBody,
  buildMeetingTokenBody,
  dailyRateBudget,
  DAILY_WEBHOOK_EVENT_TYPES,
  dailySignatureScheme,
  dailyWebhookReceiver,
  signDailyWebhook,
  verifyDailyWebhook,
  parseDailyWebhook,
  isDailyVerificationPing,
  dailyEventKey,
  dailyRecordingReadyKey,
  parseDailyListedRecording,
  listDailyRecordings,
  DAILY_POLLED_TYPE,
  dailyEventTime,
  DAILY_SIGNATURE_HEADER,
  DAILY_TIMESTAMP_HEADER,
  type DailyConfig,
  type ListRecordingsOptions,
  type StartRecordingBody,
} from './providers/daily/index.js';
