import { z } from 'zod';
import type { HeaderBag, VerifiedWebhook } from '../../core/adapter.js';
import { WebhookVerificationError } from '../../core/errors.js';
import type { MeetingEvent } from '../../core/events.js';
import { checkTimestamp, DEFAULT_TOLERANCE_SECONDS, hmacSha256, readHeader, requireSecrets, safeEqual } from '../../core/signature.js';

/**
 * The mock provider signs its webhooks the Standard Webhooks way (standardwebhooks.com):
 * `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256>`
 * over `id + "." + timestamp + "." + rawBody`, keyed with the base64 part of a `whsec_…` secret.
 */
export const MOCK_SIGNATURE_HEADERS = ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const;

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

/** Signs a mock webhook body; returns the headers to send with it. */
export function signMockWebhook(secret: string, id: string, timestampSeconds: number, rawBody: Uint8Array): Record<string, string> {
  const sig = hmacSha256(secretKey(secret), `${id}.${timestampSeconds}.`, rawBody).toString('base64');
  return { 'webhook-id': id, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': `v1,${sig}` };
}

export const MockWebhookWire = z.object({
  type: z.string(),
  timestamp: z.string(),
  data: z
    .object({
      room_name: z.string().optional(),
      meeting_id: z.string().optional(),
      session_id: z.string().optional(),
      user_id: z.string().nullable().optional(),
      user_name: z.string().nullable().optional(),
      recording_id: z.string().optional(),
      message: z.string().optional(),
    })
    .passthrough(),
});
export type MockWebhookWire = z.infer<typeof MockWebhookWire>;

export function verifyMockWebhook(
  rawBody: Buffer,
  headers: HeaderBag,
  now: Date,
  secrets: readonly string[],
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerifiedWebhook {
  requireSecrets('mock', secrets, 'MOCK_WEBHOOK_SECRET');
  const id = readHeader(headers, 'webhook-id');
  const ts = readHeader(headers, 'webhook-timestamp');
  const sigHeader = readHeader(headers, 'webhook-signature');
  if (!id || !ts || !sigHeader) {
    throw new WebhookVerificationError('missing_header', 'The webhook-id, webhook-timestamp and webhook-signature headers are required.');
  }
  const occurredAt = checkTimestamp(ts, now, toleranceSeconds);
  const candidates = sigHeader
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => Buffer.from(part.slice(3), 'base64'));
  const ok = secrets.some((secret) => {
    const expected = hmacSha256(secretKey(secret), `${id}.${ts}.`, rawBody);
    return candidates.some((got) => safeEqual(got, expected));
  });
  if (!ok) throw new WebhookVerificationError('bad_signature', 'The webhook signature does not match the body and any configured secret.');
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    body = undefined;
  }
  const type = MockWebhookWire.safeParse(body);
  return { eventId: id, type: type.success ? type.data.type : 'unknown', occurredAt, body };
}

export function parseMockWebhook(webhook: VerifiedWebhook): MeetingEvent[] {
  const parsed = MockWebhookWire.safeParse(webhook.body);
  const base = {
    eventId: webhook.eventId,
    providerType: webhook.type,
    occurredAt: webhook.occurredAt,
    providerRoomName: parsed.success ? (parsed.data.data.room_name ?? null) : null,
    providerMeetingId: parsed.success ? (parsed.data.data.meeting_id ?? null) : null,
  };
  if (!parsed.success) return [{ ...base, kind: 'unhandled' }];
  const { type, data } = parsed.data;
  switch (type) {
    case 'participant.joined':
    case 'participant.left':
      if (!data.session_id) return [{ ...base, kind: 'unhandled' }];
      return [
        {
          ...base,
          kind: type,
          sessionId: data.session_id,
          userId: data.user_id ?? null,
          userName: data.user_name ?? null,
          numClients: null,
          role: null,
        },
      ];
    case 'meeting.started':
    case 'meeting.ended':
      return [{ ...base, kind: type, providerSessionId: null }];
    case 'recording.error':
      return [
        {
          ...base,
          kind: 'recording.error',
          recordingId: data.recording_id ?? null,
          instanceId: null,
          message: data.message ?? 'unknown error',
        },
      ];
    default:
      return [{ ...base, kind: 'unhandled' }];
  }
}
