import type { HeaderBag, VerifiedWebhook, WebhookReceiver } from '../../core/adapter.js';
import { WebhookVerificationError } from '../../core/errors.js';
import { participantCount, type EventBase, type MeetingEvent } from '../../core/events.js';
import {
  bodyDigest,
  parseJsonBody,
  readHeader,
  signWithScheme,
  verifyWithScheme,
  type SignatureScheme,
  type VerifySignatureOptions,
  type WebhookSecrets,
} from '../../core/signature.js';
import { parseRecordingFilename, wherebyRecordingEventId } from './notices.js';
import { WherebyClientEventDataWire, WherebyRecordingFinishedDataWire, WherebyRoomEventDataWire, WherebyWebhookWire } from './wire.js';

export const WHEREBY_SIGNATURE_HEADER = 'whereby-signature';

const MALFORMED = 'The Whereby-Signature header must look like "t=<unix seconds>,v1=<64 hex chars>".';

/**
 * Whereby's webhook signature
 * (https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/webhooks.md):
 * `Whereby-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret as UTF-8, t + "." + body)>`. Several
 * `v1` entries are accepted (one per secret while Whereby rotates). Whereby's reference code signs
 * the re-serialized body, so compact `JSON.stringify(JSON.parse(raw))` is tried after the raw bytes.
 */
export const wherebySignatureScheme: SignatureScheme<typeof WHEREBY_SIGNATURE_HEADER> = {
  provider: 'Whereby',
  secretVariable: 'WHEREBY_WEBHOOK_SECRET',
  format: 'Whereby-Signature: t=<unix seconds>,v1=<64 hex chars>',
  signatureHeaders: [WHEREBY_SIGNATURE_HEADER],
  encoding: 'hex',
  compactJson: true,
  read(headers) {
    const header = readHeader(headers, WHEREBY_SIGNATURE_HEADER);
    if (!header) {
      throw new WebhookVerificationError('missing_header', 'The Whereby-Signature header is missing; is the request really from Whereby?');
    }
    let timestamp: string | undefined;
    const signatures: string[] = [];
    for (const part of header.split(',')) {
      const [key, value, ...rest] = part.trim().split('=');
      if (rest.length > 0 || value === undefined) throw new WebhookVerificationError('malformed_header', MALFORMED);
      if (key === 't') timestamp = value;
      else if (key === 'v1') signatures.push(value);
    }
    if (timestamp === undefined) throw new WebhookVerificationError('malformed_header', MALFORMED);
    return { timestamp, id: null, signatures };
  },
  write: (fields, signature) => ({ [WHEREBY_SIGNATURE_HEADER]: `t=${fields.timestamp},v1=${signature}` }),
  prefix: (fields) => `${fields.timestamp}.`,
  key: (secret) => Buffer.from(secret, 'utf8'),
};

/** Signs `rawBody` like Whereby does; returns the `Whereby-Signature` header value. */
export function signWherebyWebhook(secret: string, timestampSeconds: number, rawBody: Uint8Array | string): string {
  return signWithScheme(wherebySignatureScheme, secret, { timestamp: String(timestampSeconds), id: null }, rawBody)[
    WHEREBY_SIGNATURE_HEADER
  ];
}

/**
 * Verifies a Whereby delivery with `wherebySignatureScheme` and returns the envelope's id, type and
 * `createdAt` (a signed body that is not an envelope gets its digest as id and the signed time).
 */
export function verifyWherebyWebhook(rawBody: Buffer, headers: HeaderBag, options: VerifySignatureOptions): VerifiedWebhook {
  const { signedAt } = verifyWithScheme(wherebySignatureScheme, rawBody, headers, options);
  const body = parseJsonBody(rawBody);
  const envelope = WherebyWebhookWire.safeParse(body);
  if (!envelope.success) return { eventId: bodyDigest(rawBody), type: 'unknown', occurredAt: signedAt, body };
  return { eventId: wherebyEventKey(envelope.data), type: envelope.data.type, occurredAt: envelope.data.createdAt, body };
}

/**
 * The key a delivery is deduplicated on: the envelope id, except for `recording.finished`, which is
 * keyed by its file name (`recording:<filename>:ready`) like the bucket notice of the same file
 * (`notices.ts`), so a recording announced both ways is stored once.
 */
export function wherebyEventKey(envelope: { id: string; type: string; data?: unknown }): string {
  if (envelope.type !== 'recording.finished') return envelope.id;
  const data = WherebyRecordingFinishedDataWire.safeParse(envelope.data);
  return data.success && data.data.filename ? wherebyRecordingEventId(data.data.filename) : envelope.id;
}

function baseOf(webhook: VerifiedWebhook, data: unknown): EventBase {
  const room = WherebyRoomEventDataWire.safeParse(data);
  return {
    eventId: webhook.eventId,
    providerType: webhook.type,
    occurredAt: webhook.occurredAt,
    providerRoomName: room.success ? (room.data.roomName ?? null) : null,
    providerMeetingId: room.success ? (room.data.meetingId ?? null) : null,
  };
}

function participantEvent(kind: 'participant.joined' | 'participant.left', base: EventBase, data: unknown): MeetingEvent {
  const parsed = WherebyClientEventDataWire.safeParse(data);
  if (!parsed.success) return { ...base, kind: 'unhandled' };
  const d = parsed.data;
  return {
    ...base,
    kind,
    // Whereby's own example omits participantId; the event is still worth keeping for numClients.
    sessionId: d.participantId ?? `event:${base.eventId}`,
    userId: d.externalId || null,
    userName: d.displayName ?? null,
    numClients: participantCount(d.numClients),
    role: d.roleName ?? null,
  };
}

function recordingEvent(base: EventBase, data: unknown): MeetingEvent {
  const parsed = WherebyRecordingFinishedDataWire.safeParse(data);
  if (!parsed.success) return { ...base, kind: 'unhandled' };
  const d = parsed.data;
  return {
    ...base,
    kind: 'recording.ready',
    // The file name identifies the recording: the bucket notice of the same file knows nothing else.
    recordingId: d.filename || d.recordingId,
    recordingType: 'cloud',
    key: null,
    filename: d.filename ?? null,
    tracks: [],
    startedAt: d.filename ? (parseRecordingFilename(d.filename)?.startedAt ?? null) : null,
    durationSeconds: null,
  };
}

/** Turns a verified Whereby webhook into normalized events; never throws (unknown → `unhandled`). */
export function parseWherebyWebhook(webhook: VerifiedWebhook): MeetingEvent[] {
  const envelope = WherebyWebhookWire.safeParse(webhook.body);
  const data = envelope.success ? envelope.data.data : undefined;
  const base = baseOf(webhook, data);
  switch (envelope.success ? envelope.data.type : undefined) {
    case 'room.client.joined':
      return [participantEvent('participant.joined', base, data)];
    case 'room.client.left':
      return [participantEvent('participant.left', base, data)];
    case 'room.session.started': {
      const room = WherebyRoomEventDataWire.safeParse(data);
      return [{ ...base, kind: 'meeting.started', providerSessionId: room.success ? (room.data.roomSessionId ?? null) : null }];
    }
    case 'room.session.ended': {
      // Sent once fewer than 2 participants have been in the room "for some time": one may still be
      // inside, so this is a session end, never "the meeting ended" (webhooks.md).
      const room = WherebyRoomEventDataWire.safeParse(data);
      return [{ ...base, kind: 'session.ended', providerSessionId: room.success ? (room.data.roomSessionId ?? null) : null }];
    }
    case 'recording.finished':
      return [recordingEvent(base, data)];
    default:
      return [{ ...base, kind: 'unhandled' }];
  }
}

/** Whereby's webhook intake bound to the configured secrets (Whereby sends no verification ping). */
export function wherebyWebhookReceiver(secrets: WebhookSecrets): WebhookReceiver {
  return {
    isPing: () => false,
    verify: (rawBody, headers, now, options) =>
      verifyWherebyWebhook(rawBody, headers, { ...secrets, now, ...(options?.allowStale ? { toleranceSeconds: Infinity } : {}) }),
    parse: parseWherebyWebhook,
  };
}
