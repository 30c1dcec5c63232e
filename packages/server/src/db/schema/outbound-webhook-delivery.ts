import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { room } from './room.js';
import { transcript } from './transcript.js';

/** `pending` (attempts left), `delivered` (a 2xx), `failed` (gave up: 24 h passed, or the target is not allowed). */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One outbound webhook event and its delivery to a room's `webhook_url`. The body and the event id
 * are fixed when the event is created, so every retry sends the same bytes under the same
 * `webhook-id` (receivers deduplicate on it); only the timestamp and signature change per attempt.
 */
export const outboundWebhookDelivery = pgTable(
  'outbound_webhook_delivery',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `msg_<uuid>`, sent as `webhook-id`; the same on every attempt. */
    eventId: text('event_id').notNull(),
    eventType: text('event_type').notNull(),
    transcriptId: uuid('transcript_id').references(() => transcript.id, { onDelete: 'cascade' }),
    roomId: uuid('room_id').references(() => room.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    /** The JSON body, exactly as sent. */
    body: text('body').notNull(),
    status: text('status').$type<DeliveryStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** HTTP status of the last attempt; null when it got no answer. */
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbound_webhook_delivery_event_key').on(t.eventId),
    index('outbound_webhook_delivery_room_idx').on(t.roomId, t.createdAt),
  ],
);

export type OutboundWebhookDeliveryRow = typeof outboundWebhookDelivery.$inferSelect;
