import { desc, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db, type Executor } from '../../db/client.js';
import { webhookEvent, type WebhookEventRow, type WebhookEventSource } from '../../db/schema/index.js';

/** Attempts after which a row that keeps failing is set aside as `failed`. */
export const MAX_ATTEMPTS = 5;

/** The webhook inbox table. */
export class InboxRepo {
  constructor(private readonly db: Db) {}

  /**
   * Stores a verified delivery; returns `false` for a duplicate (same platform and event id). The
   * raw JSON text goes straight into the jsonb column: the hot path never re-serializes the body.
   */
  async insert(
    values: {
      platform: string;
      providerEventId: string;
      type: string;
      occurredAt: Date;
      rawJson: string;
      /** How it arrived: `webhook` (default), `s3` (a bucket notice through SQS), `poll` (the provider's list). */
      source?: WebhookEventSource;
    },
    tx: Executor = this.db,
  ): Promise<boolean> {
    const result = await tx.execute(sql`
      insert into webhook_event (platform, provider_event_id, type, occurred_at, payload, source)
      values (${values.platform}, ${values.providerEventId}, ${values.type}, ${values.occurredAt.toISOString()}, ${values.rawJson}::jsonb, ${values.source ?? 'webhook'})
      on conflict (platform, provider_event_id) do nothing
      returning id`);
    return rowsOf(result).length > 0;
  }

  /** Whether a delivery with this key is already stored. */
  async exists(platform: string, providerEventId: string): Promise<boolean> {
    const result = await this.db.execute(
      sql`select 1 from webhook_event where platform = ${platform} and provider_event_id = ${providerEventId} limit 1`,
    );
    return rowsOf(result).length > 0;
  }

  /**
   * Takes up to `limit` of the oldest pending rows and locks them for this transaction; other
   * workers skip them (`SKIP LOCKED`), so replicas drain side by side without double work.
   */
  async claim(tx: Executor, limit: number): Promise<WebhookEventRow[]> {
    const result = await tx.execute(sql`
      select * from webhook_event where status = 'pending'
      order by received_at, id limit ${limit} for update skip locked`);
    return rowsOf<Record<string, unknown>>(result).map((raw) => ({
      id: raw.id as string,
      platform: raw.platform as string,
      providerEventId: raw.provider_event_id as string,
      type: raw.type as string,
      receivedAt: new Date(raw.received_at as string),
      occurredAt: new Date(raw.occurred_at as string),
      payload: raw.payload,
      status: raw.status as string,
      error: (raw.error as string | null) ?? null,
      attempts: Number(raw.attempts),
      processedAt: null,
      meetingId: (raw.meeting_id as string | null) ?? null,
      source: (raw.source as WebhookEventRow['source'] | undefined) ?? 'webhook',
    }));
  }

  async finish(
    tx: Executor,
    id: string,
    outcome: { status: 'processed' | 'ignored'; error: string | null; meetingId: string | null },
    at: Date,
  ): Promise<void> {
    await tx
      .update(webhookEvent)
      .set({
        status: outcome.status,
        error: outcome.error,
        meetingId: outcome.meetingId,
        processedAt: at,
        attempts: sql`${webhookEvent.attempts} + 1`,
      })
      .where(eq(webhookEvent.id, id));
  }

  /** `finish` for a whole batch in one statement. */
  async finishMany(
    tx: Executor,
    rows: readonly { id: string; outcome: { status: 'processed' | 'ignored'; error: string | null; meetingId: string | null } }[],
    at: Date,
  ): Promise<void> {
    if (rows.length === 0) return;
    const values = sql.join(
      rows.map(({ id, outcome }) => sql`(${id}::uuid, ${outcome.status}::text, ${outcome.error}::text, ${outcome.meetingId}::uuid)`),
      sql`, `,
    );
    await tx.execute(sql`
      update webhook_event set status = v.status, error = v.error, meeting_id = v.meeting_id,
        processed_at = ${at.toISOString()}::timestamptz, attempts = webhook_event.attempts + 1
      from (values ${values}) as v(id, status, error, meeting_id)
      where webhook_event.id = v.id`);
  }

  /** Records a processing failure; the row is retried until `MAX_ATTEMPTS`, then set aside. */
  async fail(id: string, message: string, at: Date): Promise<void> {
    await this.db
      .update(webhookEvent)
      .set({
        attempts: sql`${webhookEvent.attempts} + 1`,
        error: message.slice(0, 500),
        status: sql`case when ${webhookEvent.attempts} + 1 >= ${MAX_ATTEMPTS} then 'failed' else 'pending' end`,
        processedAt: at,
      })
      .where(eq(webhookEvent.id, id));
  }

  /**
   * Deletes up to `limit` processed or ignored deliveries received before `before` (pending and
   * failed ones are kept); returns how many. Uses the (status, received_at) index.
   */
  async prune(before: Date, limit: number): Promise<number> {
    const result = await this.db.execute(sql`
      delete from webhook_event where id in (
        select id from webhook_event
        where status in ('processed', 'ignored') and received_at < ${before.toISOString()}
        limit ${limit})
      returning id`);
    return rowsOf(result).length;
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(webhookEvent)
      .where(eq(webhookEvent.status, 'pending'));
    return row?.n ?? 0;
  }

  async forMeeting(meetingId: string, limit: number): Promise<WebhookEventRow[]> {
    return this.db
      .select()
      .from(webhookEvent)
      .where(eq(webhookEvent.meetingId, meetingId))
      .orderBy(desc(webhookEvent.receivedAt))
      .limit(limit);
  }
}
