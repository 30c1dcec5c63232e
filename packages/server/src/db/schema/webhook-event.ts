import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { meeting } from './meeting.js';

/**
 * The webhook inbox: every verified delivery is stored here first, once per provider event id, and
 * processed afterwards. Unknown types and unknown rooms are kept (status `ignored`) for audit.
 */
export const webhookEvent = pgTable(
  'webhook_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    platform: text('platform').notNull(),
    providerEventId: text('provider_event_id').notNull(),
    type: text('type').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    payload: jsonb('payload').notNull(),
    /** `pending` → `processed` | `ignored` | `failed`. */
    status: text('status').notNull().default('pending'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    meetingId: uuid('meeting_id').references(() => meeting.id, { onDelete: 'set null' }),
    /** How it reached the inbox: `webhook` (provider delivery), `s3` (bucket notice via SQS), `poll` (provider API poll). */
    source: text('source').$type<WebhookEventSource>().notNull().default('webhook'),
  },
  (t) => [
    uniqueIndex('webhook_event_platform_event_key').on(t.platform, t.providerEventId),
    index('webhook_event_pending_idx').on(t.status, t.receivedAt),
    index('webhook_event_meeting_idx').on(t.meetingId, t.receivedAt),
  ],
);

/** How an inbox row arrived. */
export type WebhookEventSource = 'webhook' | 's3' | 'poll';

export type WebhookEventRow = typeof webhookEvent.$inferSelect;
