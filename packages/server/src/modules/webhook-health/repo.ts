import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { webhookHealth, type WebhookHealthRow } from '../../db/schema/index.js';

/** The `webhook_health` table: the last check of each provider's webhook registration. */
export class WebhookHealthRepo {
  constructor(private readonly db: Db) {}

  /** Stores a platform's latest check; `reactivatedAt` is kept unless the check re-activated it. */
  async record(row: WebhookHealthRow): Promise<void> {
    const { platform: _platform, ...rest } = row;
    await this.db
      .insert(webhookHealth)
      .values(row)
      .onConflictDoUpdate({
        target: webhookHealth.platform,
        set: { ...rest, reactivatedAt: row.reactivatedAt ?? undefined },
      });
  }

  async list(): Promise<WebhookHealthRow[]> {
    return this.db.select().from(webhookHealth).orderBy(asc(webhookHealth.platform));
  }
}
