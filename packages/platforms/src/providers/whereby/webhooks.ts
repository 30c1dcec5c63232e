import type { HeaderBag, VerifiedWebhook } from '../../core/adapter.js';
import { WebhookVerificationError } from '../../core/errors.js';
import type { EventBase, MeetingEvent } from '../../core/events.js';
import {
  bodyDigest,
  checkTimestamp,
  DEFAULT_TOLERANCE_SECONDS,
  hmacSha256,
  parseJsonBody,
  readHeader,
  requireSecrets,
  safeEqual,
  signedBodyCandidates,
} from '../../core/signature.js';
import { WherebyClientEventDataWire, WherebyRecordingFinishedDataWire, WherebyRoomEventDataWire, WherebyWebhookWire } from './wire.js';

/**
 * Whereby webhook signatures (docs: insights-suite-and-api/webhooks.md):
 * `Whereby-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret as UTF-8, t + "." + body)>`.
 * Verified over the raw bytes, then over compact `JSON.stringify(JSON.parse(raw))`, because
 * Whereby's reference code signs the re-serialized body.
 */
export const WHEREBY_SIGNATURE_HEADER = 'whereby-signature';

/** Signs `rawBody` like Whereby does; returns the `Whereby-Signature` header value. */
export function signWherebyWebhook(secret: string, timestampSeconds: number, rawBody: Uint8Array | string): string {
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  const v1 = hmacSha256(Buffer.from(secret, 'utf8'), `${timestampSeconds}.`, body).toString('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}

/** Splits `t=…,v1=…[,v1=…]`; several `v1` entries are accepted (one per secret while Whereby rotates). */
function parseSignatureHeader(header: string): { t: string; signatures: Buffer[] } {
  let t: string | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (rest.length > 0 || value === undefined) {
      t = undefined;
      break;
    }
    if (key === 't') t = value;
    else if (key === 'v1' && /^[0-9a-fA-F]{64}$/.test(value)) signatures.push(Buffer.from(value, 'hex'));
  }
  if (t === undefined || signatures.length === 0) {
    throw new WebhookVerificationError(
      'malformed_header',
      'The Whereby-Signature header must look like "t=<unix seconds>,v1=<64 hex chars>".',
    );
  }
  return { t, signatures };
}

/**
 * Verifies a Whereby delivery: header present → well-formed → timestamp within ±`toleranceSeconds`
 * → HMAC with any of `secrets` (constant-time). Returns the envelope's id, type and `createdAt`.
 */
export function verifyWherebyWebhook(
  rawBody: Buffer,
  headers: HeaderBag,
  now: Date,
  secrets: readonly string[],
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerifiedWebhook {
  requireSecrets('Whereby', secrets, 'WHEREBY_WEBHOOK_SECRET');
  const header = readHeader(headers, WHEREBY_SIGNATURE_HEADER);
  if (!header) {
    throw new WebhookVerificationError('missing_header', 'The Whereby-Signature header is missing; is the request really from Whereby?');
  }
  const { t, signatures } = parseSignatureHeader(header);
  const signedAt = checkTimestamp(t, now, toleranceSeconds);
  const bodies = signedBodyCandidates(rawBody);
  const ok = secrets.some((secret) => {
    const key = Buffer.from(secret, 'utf8');
    return bodies.some((body) => {
      const expected = hmacSha256(key, `${t}.`, body);
      return signatures.some((got) => safeEqual(got, expected));
    });
  });
  if (!ok) {
    throw new WebhookVerificationError(
      'bad_signature',
      'The Whereby-Signature does not match the body with any configured WHEREBY_WEBHOOK_SECRET; pass the raw request body.',
    );
  }
  const body = parseJsonBody(rawBody);
  const envelope = WherebyWebhookWire.safeParse(body);
  if (!envelope.success) return { eventId: bodyDigest(rawBody), type: 'unknown', occurredAt: signedAt, body };
  return { eventId: envelope.data.id, type: envelope.data.type, occurredAt: envelope.data.createdAt, body };
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
    numClients: d.numClients ?? null,
    role: d.roleName ?? null,
  };
}

/** Recording file names end in `-YYYY-MM-DDTHH:MM:SS(.sss)Z.<ext>`: the start time. */
function startFromFilename(filename: string | null | undefined): Date | null {
  const match = /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)\.[a-z0-9]+$/i.exec(filename ?? '');
  return match?.[1] ? new Date(match[1]) : null;
}

function recordingEvent(base: EventBase, data: unknown): MeetingEvent {
  const parsed = WherebyRecordingFinishedDataWire.safeParse(data);
  if (!parsed.success) return { ...base, kind: 'unhandled' };
  const d = parsed.data;
  return {
    ...base,
    kind: 'recording.ready',
    recordingId: d.recordingId,
    recordingType: 'cloud',
    key: null,
    filename: d.filename ?? null,
    tracks: [],
    startedAt: startFromFilename(d.filename),
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
    case 'room.session.started':
    case 'room.session.ended': {
      const kind = envelope.data?.type === 'room.session.started' ? 'meeting.started' : 'meeting.ended';
      const room = WherebyRoomEventDataWire.safeParse(data);
      return [{ ...base, kind, providerSessionId: room.success ? (room.data.roomSessionId ?? null) : null }];
    }
    case 'recording.finished':
      return [recordingEvent(base, data)];
    default:
      return [{ ...base, kind: 'unhandled' }];
  }
}
