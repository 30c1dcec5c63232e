/**
 * Contract-faithful HTTP emulators of the Whereby and Daily REST APIs and their webhooks, for tests,
 * benchmarks and local development. See the package README for the control API.
 */
export { startWherebyFake } from './whereby/server.js';
export type { WherebyFake, WherebyFakeOptions } from './whereby/server.js';
export { WherebyControl } from './whereby/control.js';
export type { WherebyMeetingSnapshot, WherebyRecordingSnapshot, WherebyStateSnapshot } from './whereby/control.js';
export type { WherebyFinishRecordingParams, WherebyJoinParams } from './whereby/presence.js';
export { ROOM_CAPACITY as WHEREBY_ROOM_CAPACITY } from './whereby/presence.js';
export type { WherebyParticipant, WherebyRoleName, WherebySession } from './whereby/state.js';
export { WHEREBY_SIGNATURE_HEADER, signWhereby, wherebySignatureHeaders } from './whereby/sign.js';

export { startDailyFake } from './daily/server.js';
export type { DailyFake, DailyFakeOptions } from './daily/server.js';
export { DailyControl } from './daily/control.js';
export type { DailyRecordingSnapshot, DailyStateSnapshot } from './daily/control.js';
export type { DailyAccess, DailyJoinParams } from './daily/presence.js';
export type { DailyFinishRecordingParams, DailyRecordingRef, DailyStartRecordingParams, DailyTrackKind } from './daily/recordings.js';
export type { DailyIssuedToken, DailyParticipant, DailyWaitingParticipant } from './daily/state.js';
export { DEFAULT_INSTANCE_ID } from './daily/state.js';
export { decodeTokenClaims } from './daily/tokens.js';
export { DAILY_SIGNATURE_HEADER, DAILY_TIMESTAMP_HEADER, dailySignatureHeaders, signDaily } from './daily/sign.js';
export type { DailyTimestampUnit } from './daily/sign.js';

export { FakeControlError } from './core/base-control.js';
export { ObjectStore } from './core/object-store.js';
export type { ObjectStoreOptions, WrittenObject } from './core/object-store.js';
export { S3NoticeSender, encodeNotificationKey, objectCreatedRecord, testEventMessage } from './core/s3-notices.js';
export type { S3NoticeFaults, S3NoticeOptions, SentNotice } from './core/s3-notices.js';
export type { DailyRecordingContents } from './daily/bucket-writer.js';
export type { FaultRule } from './core/faults.js';
export type { ScheduledTask } from './core/scheduler.js';
export type { RecordedRequest } from './core/request-log.js';
export type { WebhookCircuit } from './core/webhook-sender.js';
export type { WebhookAttempt, WebhookDelivery, WebhookDeliveryOptions, WebhookDeliveryState, WebhookOrder } from './core/webhook-types.js';

export { startOpenAiFake, OPENAI_FAKE_TRANSCRIPTION_MODELS } from './openai/server.js';
export type { OpenAiFake, OpenAiFakeOptions } from './openai/server.js';
export { OpenAiControl } from './openai/control.js';
export type { InvalidChatKind, OpenAiFaultRule, OpenAiRecordedRequest, TranscriptionScript } from './openai/control.js';
export { deriveSummary } from './openai/routes-chat.js';
export type { OpenAiErrorBody } from './openai/errors.js';
export { EMULATOR_CREDENTIALS, startS3, startSqs, useEmulatorCredentials } from './emulators.js';
export type { Emulator } from './emulators.js';
