import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The last health check of each provider's webhook registration (where the provider has a webhook
 * API, capability `webhookAdmin`): its state at the provider, and when it was last re-activated.
 * Written by the periodic `webhook.health-check` job, read by `GET /status/webhooks`.
 */
export const webhookHealth = pgTable('webhook_health', {
  platform: text('platform').primaryKey(),
  /** `active`, `failed` (the provider stopped sending), `missing` (none registered) or `error` (the check failed). */
  state: text('state').notNull(),
  webhookId: text('webhook_id'),
  url: text('url'),
  /** Consecutive failed deliveries the provider counted. */
  failedCount: integer('failed_count'),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  /** When the check last found it failed and re-activated it. */
  reactivatedAt: timestamp('reactivated_at', { withTimezone: true }),
  /** What went wrong, for `error` (or a failed re-activation). */
  error: text('error'),
});

export type WebhookHealthRow = typeof webhookHealth.$inferSelect;
