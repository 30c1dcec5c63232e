import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';

/** Every queue Meetbridge uses, with its policy. Names follow `<domain>.<verb>`. */
export const QUEUES = {
  /** Processes pending webhook inbox rows until none is left. One queued + one running at most. */
  webhookDrain: { name: 'webhook.drain', policy: 'stately', retryLimit: 5, retryDelay: 1, retryBackoff: true },
  /** Reconciles one meeting with its provider (presence/sessions); coalesced per meeting id. */
  meetingReconcile: { name: 'meeting.reconcile', policy: 'stately', retryLimit: 2, retryDelay: 2, retryBackoff: true },
  /** The periodic sweep: expiry, provider-ended meetings, reconciliation of every active meeting. */
  meetingSweep: { name: 'meeting.sweep', policy: 'stately', retryLimit: 0 },
} as const satisfies Record<string, PgBoss.Queue>;

/** pg-boss's `db` adapter over PGlite: multi-statement DDL goes through `exec`, the rest through `query`. */
function pgliteDb(database: Database): PgBoss.Db {
  const pglite = database.pglite!;
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) return pglite.query(text, values);
      const results = await pglite.exec(text);
      return { rows: results.flatMap((r) => r.rows) };
    },
  };
}

/** pg-boss's `db` adapter over our pg pool, so the queue shares the app's connections. */
function poolDb(database: Database): PgBoss.Db {
  const pool = database.pool!;
  return {
    executeSql: (text, values) => (values && values.length > 0 ? pool.query(text, values) : pool.query(text)),
  };
}

/** The job queue: pg-boss on the app's own database (PGlite embedded, PostgreSQL in production). */
export class JobQueue {
  readonly boss: PgBoss;
  private started = false;

  constructor(
    private readonly database: Database,
    private readonly logger: Logger,
  ) {
    this.boss = new PgBoss({
      db: database.kind === 'pglite' ? pgliteDb(database) : poolDb(database),
      schema: 'pgboss',
      // Schedules are ours (a throttled sweep), not pg-boss cron: it cannot go below one minute.
      schedule: false,
      supervise: true,
      migrate: true,
    });
    this.boss.on('error', (err) => this.logger.error({ err }, 'job queue error'));
  }

  /** Installs pg-boss's schema (first run) and creates our queues. Idempotent. */
  async start(): Promise<void> {
    if (this.started) return;
    await this.database.withSchemaLock(async () => {
      await this.boss.start();
      for (const queue of Object.values(QUEUES)) await this.boss.createQueue(queue.name, queue);
    });
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }

  /** Enqueues a job; `null` when coalesced into one already queued (stately queues). */
  async send(queue: keyof typeof QUEUES, data: object, options: PgBoss.SendOptions = {}): Promise<string | null> {
    return this.boss.send(QUEUES[queue].name, data, options);
  }
}
