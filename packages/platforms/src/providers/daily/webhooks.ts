import type { HeaderBag, VerifiedWebhook, WebhookReceiver } from '../../core/adapter.js';
import { WebhookVerificationError } from '../../core/errors.js';
import type { EventBase, MeetingEvent, RecordingReadyEvent, RecordingTrack } from '../../core/events.js';
import {
  bodyDigest,
  computeSignature,
  parseJsonBody,
  readHeader,
  verifyWithScheme,
  type SignatureScheme,
  type SignedFields,
  type VerifySignatureOptions,
  type WebhookSecrets,
} from '../../core/signature.js';
import {
  DailyMeetingPayloadWire,
  DailyParticipantPayloadWire,
  DailyRecordingErrorPayloadWire,
  DailyRecordingReadyPayloadWire,
  DailyRecordingStartedPayloadWire,
  DailyWebhookWire,
} from './wire.js';

export const DAILY_SIGNATURE_HEADER = 'x-webhook-signature';
export const DAILY_TIMESTAMP_HEADER = 'x-webhook-timestamp';

/**
 * Daily's webhook signature (https://docs.daily.co/reference/rest-api/webhooks):
 * `X-Webhook-Signature = base64(HMAC-SHA256(key = base64-DECODED secret, X-Webhook-Timestamp + "." + body))`.
 * The timestamp's unit is undocumented, so seconds and milliseconds are both accepted. Daily's own
 * snippet signs `JSON.stringify(event)`, so the compact re-serialization is tried after the raw bytes.
 */
export const dailySignatureScheme: SignatureScheme<typeof DAILY_SIGNATURE_HEADER | typeof DAILY_TIMESTAMP_HEADER> = {
  provider: 'Daily',
  secretVariable: 'DAILY_WEBHOOK_SECRET',
  format: 'X-Webhook-Signature: <base64 HMAC-SHA256> with X-Webhook-Timestamp: <unix time>',
  signatureHeaders: [DAILY_SIGNATURE_HEADER],
  encoding: 'base64',
  compactJson: true,
  read(headers) {
    const signature = readHeader(headers, DAILY_SIGNATURE_HEADER)?.trim();
    const timestamp = readHeader(headers, DAILY_TIMESTAMP_HEADER)?.trim();
    if (!signature || !timestamp) {
      throw new WebhookVerificationError(
        'missing_header',
        'The X-Webhook-Signature and X-Webhook-Timestamp headers are required on Daily webhooks.',
      );
    }
    return { timestamp, id: null, signatures: [signature] };
  },
  write: (fields, signature) => ({ [DAILY_SIGNATURE_HEADER]: signature, [DAILY_TIMESTAMP_HEADER]: fields.timestamp }),
  prefix: (fields) => `${fields.timestamp}.`,
  key: (secret) => Buffer.from(secret, 'base64'),
};

/**
 * Signs `rawBody` like Daily does and returns the `X-Webhook-Signature` value; send it with
 * `X-Webhook-Timestamp: <timestamp>` (the exact same string).
 */
export function signDailyWebhook(secretB64: string, timestamp: number | string, rawBody: Uint8Array | string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const fields: SignedFields = { timestamp: String(timestamp), id: null };
  return computeSignature(dailySignatureScheme, secretB64, fields, body).toString(dailySignatureScheme.encoding);
}

/** True for Daily's webhook-creation ping: a body that is exactly the JSON object `{"test":"test"}`. */
export function isDailyVerificationPing(rawBody: Buffer): boolean {
  const body = parseJsonBody(rawBody);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const keys = Object.keys(body);
  return keys.length === 1 && keys[0] === 'test' && (body as { test: unknown }).test === 'test';
}

/**
 * The key a delivery is deduplicated on. Daily's ids have documented shapes such as
 * `rec-rtd-<instance_id>-<unix s>` (https://docs.daily.co/reference/rest-api/webhooks/events/recording-ready-to-download):
 * two rooms whose recordings finish in the same second with the default instance id send the same
 * id, so recording events are keyed by their recording (or, without one, their room) as well.
 */
export function dailyEventKey(envelope: { id: string; type: string; payload: Record<string, unknown> }): string {
  if (!envelope.type.startsWith('recording.')) return envelope.id;
  const { recording_id: recordingId, room_name: roomName } = envelope.payload;
  // The poller (`GET /recordings`) finds the same recording under the same key: stored once.
  if (envelope.type === 'recording.ready-to-download' && typeof recordingId === 'string' && recordingId)
    return dailyRecordingReadyKey(recordingId);
  const subject = typeof recordingId === 'string' && recordingId ? recordingId : typeof roomName === 'string' ? `room:${roomName}` : null;
  return subject === null ? envelope.id : `${envelope.id}#${subject}`;
}

/**
 * The inbox key of a finished Daily recording, from its webhook (`recording.ready-to-download`) or
 * from polling `GET /recordings`: `recording:<recording id>:ready`.
 */
export function dailyRecordingReadyKey(recordingId: string): string {
  return `recording:${recordingId}:ready`;
}

const seconds = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
};

/**
 * When the event happened, from its payload: `event_ts` is when the webhook was sent, which can be
 * much later (`meeting.ended` comes up to 20 s after the end, retries minutes later)
 * (https://docs.daily.co/reference/rest-api/webhooks/events/meeting-ended). `null` when the payload
 * has no time.
 */
export function dailyEventTime(type: string, payload: Record<string, unknown>): Date | null {
  let at: number | null = null;
  if (type === 'participant.joined' || type.startsWith('waiting-participant.')) at = seconds(payload.joined_at);
  else if (type === 'participant.left') {
    const joined = seconds(payload.joined_at);
    const duration = typeof payload.duration === 'number' && payload.duration >= 0 ? payload.duration : null;
    at = joined !== null && duration !== null ? joined + duration : null;
  } else if (type === 'meeting.started' || type === 'recording.started') at = seconds(payload.start_ts);
  else if (type === 'meeting.ended') at = seconds(payload.end_ts);
  else if (type === 'recording.error') at = seconds(payload.timestamp);
  return at === null ? null : new Date(Math.round(at * 1000));
}

/**
 * Verifies a Daily delivery with `dailySignatureScheme` and returns its deduplication key
 * (`dailyEventKey`), type and the time the event happened (`dailyEventTime`, else `event_ts`). A
 * signed body that is not an envelope gets its digest as id and the signed time.
 */
export function verifyDailyWebhook(rawBody: Buffer, headers: HeaderBag, options: VerifySignatureOptions): VerifiedWebhook {
  const { signedAt } = verifyWithScheme(dailySignatureScheme, rawBody, headers, options);
  return describeDailyBody(rawBody, signedAt);
}

/** The id, type and time of an authentic Daily body. */
function describeDailyBody(rawBody: Buffer, signedAt: Date): VerifiedWebhook {
  const body = parseJsonBody(rawBody);
  const envelope = DailyWebhookWire.safeParse(body);
  if (!envelope.success) {
    return { eventId: bodyDigest(rawBody), type: 'unknown', occurredAt: signedAt, body };
  }
  const { type, payload, event_ts: eventTs } = envelope.data;
  return { eventId: dailyEventKey(envelope.data), type, occurredAt: dailyEventTime(type, payload) ?? eventTs ?? signedAt, body };
}

function base(webhook: VerifiedWebhook, providerRoomName: string | null | undefined): EventBase {
  const envelope = DailyWebhookWire.safeParse(webhook.body);
  return {
    eventId: webhook.eventId,
    providerType: webhook.type,
    occurredAt: (envelope.success ? dailyEventTime(envelope.data.type, envelope.data.payload) : null) ?? webhook.occurredAt,
    providerRoomName: providerRoomName ?? null,
    providerMeetingId: null,
  };
}

function participant(webhook: VerifiedWebhook, kind: 'participant.joined' | 'participant.left', payload: unknown): MeetingEvent {
  const parsed = DailyParticipantPayloadWire.safeParse(payload);
  if (!parsed.success) return { ...base(webhook, null), kind: 'unhandled' };
  const p = parsed.data;
  return {
    ...base(webhook, p.room ?? p.room_name),
    kind,
    sessionId: p.session_id,
    userId: p.user_id ?? null,
    userName: p.user_name ?? null,
    numClients: null,
    role: null,
  };
}

function meeting(webhook: VerifiedWebhook, kind: 'meeting.started' | 'meeting.ended', payload: unknown): MeetingEvent {
  const parsed = DailyMeetingPayloadWire.safeParse(payload);
  if (!parsed.success) return { ...base(webhook, null), kind: 'unhandled' };
  return { ...base(webhook, parsed.data.room), kind, providerSessionId: parsed.data.meeting_id ?? null };
}

const RECORDING_TYPES = ['cloud', 'raw-tracks', 'cloud-audio-only'] as const;

export function recordingType(type: string | null | undefined): RecordingReadyEvent['recordingType'] {
  return RECORDING_TYPES.find((t) => t === type) ?? 'unknown';
}

export function tracksOf(tracks: { type: string; s3Key: string; size?: number | null }[] | null | undefined): RecordingTrack[] {
  return (tracks ?? []).flatMap((t) =>
    t.type === 'audio' || t.type === 'video' ? [{ type: t.type, key: t.s3Key, sizeBytes: t.size ?? null }] : [],
  );
}

function recordingReady(webhook: VerifiedWebhook, payload: unknown): MeetingEvent {
  const parsed = DailyRecordingReadyPayloadWire.safeParse(payload);
  if (!parsed.success) return { ...base(webhook, null), kind: 'unhandled' };
  const p = parsed.data;
  return {
    ...base(webhook, p.room_name),
    kind: 'recording.ready',
    recordingId: p.recording_id,
    recordingType: recordingType(p.type),
    key: p.s3_key ?? null,
    filename: null,
    tracks: tracksOf(p.tracks),
    startedAt: p.start_ts ?? null,
    durationSeconds: p.duration ?? null,
  };
}

function recordingStarted(webhook: VerifiedWebhook, payload: unknown): MeetingEvent {
  const parsed = DailyRecordingStartedPayloadWire.safeParse(payload);
  if (!parsed.success) return { ...base(webhook, null), kind: 'unhandled' };
  const p = parsed.data;
  return {
    ...base(webhook, p.room_name),
    kind: 'recording.started',
    recordingId: p.recording_id ?? null,
    instanceId: p.instance_id ?? null,
  };
}

function recordingError(webhook: VerifiedWebhook, payload: unknown): MeetingEvent {
  const parsed = DailyRecordingErrorPayloadWire.safeParse(payload);
  if (!parsed.success) return { ...base(webhook, null), kind: 'unhandled' };
  const p = parsed.data;
  return {
    ...base(webhook, p.room_name),
    kind: 'recording.error',
    recordingId: p.recording_id ?? null,
    instanceId: p.instance_id ?? null,
    message: p.error_msg ?? 'Daily reported a recording error without a message.',
  };
}

/** Turns a verified Daily webhook into normalized events; never throws (unknown → `unhandled`). */
export function parseDailyWebhook(webhook: VerifiedWebhook): MeetingEvent[] {
  const envelope = DailyWebhookWire.safeParse(webhook.body);
  if (!envelope.success) return [{ ...base(webhook, null), kind: 'unhandled' }];
  const { type, payload } = envelope.data;
  switch (type) {
    case 'participant.joined':
    case 'participant.left':
      return [participant(webhook, type, payload)];
    case 'meeting.started':
    case 'meeting.ended':
      return [meeting(webhook, type, payload)];
    case 'recording.started':
      return [recordingStarted(webhook, payload)];
    case 'recording.ready-to-download':
      return [recordingReady(webhook, payload)];
    case 'recording.error':
      return [recordingError(webhook, payload)];
    default: {
      // Keep the room for the audit trail; meeting events say `room`, recording events `room_name`.
      const room = typeof payload.room === 'string' ? payload.room : payload.room_name;
      return [{ ...base(webhook, typeof room === 'string' ? room : null), kind: 'unhandled' }];
    }
  }
}

/** Daily's webhook intake bound to the configured secrets (Daily's `{"test":"test"}` creation ping is a ping). */
export function dailyWebhookReceiver(secrets: WebhookSecrets): WebhookReceiver {
  return {
    isPing: (rawBody) => isDailyVerificationPing(rawBody),
    verify: (rawBody, headers, now, options) =>
      verifyDailyWebhook(rawBody, headers, { ...secrets, now, ...(options?.allowStale ? { toleranceSeconds: Infinity } : {}) }),
    parse: parseDailyWebhook,
  };
}
