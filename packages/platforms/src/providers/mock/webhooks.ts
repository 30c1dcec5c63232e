import { z } from 'zod';
import type { HeaderBag, VerifiedWebhook, WebhookReceiver } from '../../core/adapter.js';
import type { MeetingEvent } from '../../core/events.js';
import {
  parseJsonBody,
  signWithScheme,
  verifyWithScheme,
  type SignatureScheme,
  type VerifySignatureOptions,
  type WebhookSecrets,
} from '../../core/signature.js';
import { STANDARD_WEBHOOK_HEADERS, standardWebhooksScheme, type StandardWebhookHeader } from '../../core/standard-webhooks.js';

/** The headers a mock delivery carries. */
export const MOCK_SIGNATURE_HEADERS = STANDARD_WEBHOOK_HEADERS;

/**
 * The mock provider signs its webhooks the Standard Webhooks way (https://www.standardwebhooks.com/):
 * `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256>`
 * (space-separated, one per secret while rotating) over `id + "." + timestamp + "." + rawBody`,
 * keyed with the base64 part of a `whsec_…` secret. Only the raw bytes are signed. The scheme is
 * shared (`core/standard-webhooks.ts`) with the server's outbound webhooks.
 */
export const mockSignatureScheme: SignatureScheme<StandardWebhookHeader> = standardWebhooksScheme('mock', 'MOCK_WEBHOOK_SECRET');

/** Signs a mock webhook body; returns the headers to send with it. */
export function signMockWebhook(secret: string, id: string, timestampSeconds: number, rawBody: Uint8Array): Record<string, string> {
  return signWithScheme(mockSignatureScheme, secret, { timestamp: String(timestampSeconds), id }, rawBody);
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

/** Verifies a mock delivery with `mockSignatureScheme`; the signed `webhook-id` is the event id. */
export function verifyMockWebhook(rawBody: Buffer, headers: HeaderBag, options: VerifySignatureOptions): VerifiedWebhook {
  const { signedAt, id } = verifyWithScheme(mockSignatureScheme, rawBody, headers, options);
  const body = parseJsonBody(rawBody);
  const type = MockWebhookWire.safeParse(body);
  return { eventId: id ?? '', type: type.success ? type.data.type : 'unknown', occurredAt: signedAt, body };
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

/** Mock's webhook intake bound to the configured secrets (Mock sends no verification ping). */
export function mockWebhookReceiver(secrets: WebhookSecrets): WebhookReceiver {
  return {
    isPing: () => false,
    verify: (rawBody, headers, now, options) =>
      verifyMockWebhook(rawBody, headers, { ...secrets, now, ...(options?.allowStale ? { toleranceSeconds: Infinity } : {}) }),
    parse: parseMockWebhook,
  };
}
