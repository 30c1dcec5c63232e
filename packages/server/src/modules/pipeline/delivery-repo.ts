import { count, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { outboundWebhookDelivery, type OutboundWebhookDeliveryRow } from '../../db/schema/index.js';

type NewDelivery = typeof outboundWebhookDelivery.$inferInsert;

/** The `outbound_webhook_delivery` table: the only reader and writer. */
export class DeliveryRepo {
  constructor(private readonly db: Db) {}

  async insert(tx: Executor, values: NewDelivery): Promise<OutboundWebhookDeliveryRow> {
    const [row] = await tx.insert(outboundWebhookDelivery).values(values).returning();
    return row!;
  }

  async byId(id: string): Promise<OutboundWebhookDeliveryRow | undefined> {
    const [row] = await this.db.select().from(outboundWebhookDelivery).where(eq(outboundWebhookDelivery.id, id));
    return row;
  }

  async update(id: string, values: Partial<NewDelivery>, tx: Executor = this.db): Promise<OutboundWebhookDeliveryRow | undefined> {
    const [row] = await tx.update(outboundWebhookDelivery).set(values).where(eq(outboundWebhookDelivery.id, id)).returning();
    return row;
  }

  /** A room's deliveries, newest first. */
  async listForRoom(roomId: string, page: number, pageSize: number): Promise<{ rows: OutboundWebhookDeliveryRow[]; total: number }> {
    const where = eq(outboundWebhookDelivery.roomId, roomId);
    const rows = await this.db
      .select()
      .from(outboundWebhookDelivery)
      .where(where)
      .orderBy(desc(outboundWebhookDelivery.createdAt), desc(outboundWebhookDelivery.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [totals] = await this.db.select({ n: count() }).from(outboundWebhookDelivery).where(where);
    return { rows, total: totals?.n ?? 0 };
  }

  /** Runs `fn` in a transaction. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
