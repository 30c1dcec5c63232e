import { isoMillis, randomHex } from '../core/ids.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';

/** Whereby webhook event types the fake emits. */
export type WherebyEventType =
  'room.client.joined' | 'room.client.left' | 'room.session.started' | 'room.session.ended' | 'recording.finished';

/** The envelope of every Whereby webhook (https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/webhooks.md). */
export interface WherebyEnvelope {
  readonly id: string;
  readonly apiVersion: '1.0';
  readonly createdAt: string;
  readonly type: WherebyEventType;
  readonly data: Record<string, unknown>;
}

/** Wraps `data` in Whereby's envelope with a fresh 64-hex-digit id. */
export function wherebyEvent(type: WherebyEventType, data: Record<string, unknown>, nowMs: number): OutgoingWebhook {
  const envelope: WherebyEnvelope = { id: randomHex(32), apiVersion: '1.0', createdAt: isoMillis(nowMs), type, data };
  return { id: envelope.id, type, envelope };
}
