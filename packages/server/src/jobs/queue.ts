import { EventEmitter } from 'node:events';
import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { LoggerLike } from '@meetbridge/platforms';
import { isDatabaseUnavailable, type Database, type Executor } from '../db/client.js';
import type { JobDefinition } from './define.js';
import type { JobInspector, JobName, JobPayloads, JobSender, QueuedJob, SendOptions } from './types.js';

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

/** Delays between attempts of a pg-boss statement that lost its connection (about 3 s in all). */
const RECONNECT_DELAYS_MS = [50, 200, 500, 1000, 1500];

/**
 * pg-boss's `db` adapter over our pg pool, so the queue shares the app's connections. A statement
 * whose connection PostgreSQL dropped (restart, failover, `pg_terminate_backend`) is tried again on
 * a fresh connection: each is a single statement (rolled back with its connection), and pg-boss
 * does not await some of them (`complete` after a handler), so a rejection there would go unhandled.
 */
function poolDb(database: Database): PgBoss.Db {
  const pool = database.pool!;
  const run = (text: string, values?: unknown[]) => (values && values.length > 0 ? pool.query(text, values) : pool.query(text));
  return {
    async executeSql(text, values) {
      for (let attempt = 0; ; attempt++) {
        try {
          return await run(text, values);
        } catch (error) {
          const delay = RECONNECT_DELAYS_MS[attempt];
          if (delay === undefined || !isDatabaseUnavailable(error)) throw error;
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    },
  };
}

/**
 * pg-boss's `db` adapter over a Drizzle transaction (either driver): pg-boss's `$n` placeholders
 * become Drizzle parameters, so its INSERT runs on the transaction's connection and commits or
 * rolls back with the caller's rows.
 */
export function executorDb(tx: Executor): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = [];
      let last = 0;
      for (const match of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, match.index)), sql`${sql.param(values[Number(match[1]) - 1])}`);
        last = match.index + match[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      const result = await tx.execute(sql.join(chunks));
      return { rows: (result as { rows?: unknown[] }).rows ?? [] };
    },
  };
}

/** How often pg-boss's maintenance runs: it expires jobs left `active` by a process that died. */
export const MAINTENANCE_INTERVAL_SECONDS = 10;

/** What happened to one job, for tests and metrics (`queue.events.on('settled', …)`). */
export interface JobSettled {
  name: string;
  id: string;
  data: unknown;
  state: 'completed' | 'failed';
  error?: unknown;
}

/** Thrown by `send` without a transaction once the queue is stopping. */
export class QueueStoppedError extends Error {
  constructor() {
    super('The job queue is stopped; nothing more is enqueued from this process.');
  }
}

/**
 * The job queue: pg-boss on the app's own database (PGlite embedded, PostgreSQL in production).
 * Queues and their policies come from the modules' job definitions (`jobs/registry.ts`).
 */
export class JobQueue implements JobSender, JobInspector {
  readonly boss: PgBoss;
  private readonly db: PgBoss.Db;
  /** Emits `settled` (`JobSettled`) after every handled job of this process. */
  readonly events = new EventEmitter();
  private state: 'new' | 'started' | 'stopping' = 'new';
  /** Queue name → this process's worker id, to wake it right after a send. */
  private readonly localWorkers = new Map<string, string>();

  constructor(
    private readonly database: Database,
    private readonly logger: LoggerLike,
  ) {
    this.db = database.kind === 'pglite' ? pgliteDb(database) : poolDb(database);
    this.boss = new PgBoss({
      db: this.db,
      schema: 'pgboss',
      // Schedules are ours (`everySeconds`, throttled sends), not pg-boss cron: it cannot go below a minute.
      schedule: false,
      supervise: true,
      // Expired jobs (their process died) are found within 10 s of expiring, not pg-boss's 2 min.
      maintenanceIntervalSeconds: MAINTENANCE_INTERVAL_SECONDS,
      migrate: true,
    });
    this.boss.on('error', (err) => this.logger.error({ err }, 'job queue error'));
  }

  /** Installs pg-boss's schema (first run) and creates the queues. Idempotent. */
  async start(definitions: readonly JobDefinition[]): Promise<void> {
    if (this.state !== 'new') return;
    await this.database.withSchemaLock(async () => {
      await this.boss.start();
      for (const d of definitions) {
        await this.boss.createQueue(d.name, { name: d.name, ...d.queue });
        // createQueue leaves an existing queue as it was: apply policy changes (expiry) to it too.
        await this.boss.updateQueue(d.name, { name: d.name, ...d.queue });
      }
    });
    // Jobs left active past their expiry by a process that died (SIGKILL mid-download) are retried
    // now, not at the next maintenance (every 2 minutes).
    await this.boss.expire();
    this.state = 'started';
  }

  /** Stops taking new work and waits (up to 10 s) for pg-boss's own loops; sends without `tx` throw after this. */
  async stop(): Promise<void> {
    if (this.state !== 'started') return;
    this.state = 'stopping';
    this.localWorkers.clear();
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
  }

  async send<N extends JobName>(name: N, payload: JobPayloads[N], options: SendOptions = {}): Promise<string | null> {
    const { tx, ...rest } = options;
    if (!tx && this.state !== 'started') throw new QueueStoppedError();
    const id = await this.boss.send(name, payload as object, { ...rest, ...(tx ? { db: executorDb(tx) } : {}) });
    // A job sent outside a transaction is visible now: wake this process's worker instead of waiting for its poll.
    const worker = this.localWorkers.get(name);
    if (id && !tx && worker) this.boss.notifyWorker(worker);
    return id;
  }

  async sendMany(jobs: readonly QueuedJob[], options: { tx: Executor }): Promise<void> {
    if (jobs.length === 0) return;
    await this.boss.insert(
      jobs.map((j) => ({
        name: j.name,
        data: j.payload as object,
        ...(j.singletonKey === undefined ? {} : { singletonKey: j.singletonKey }),
      })),
      { db: executorDb(options.tx) },
    );
  }

  async liveKeys(name: JobName, singletonKeys: readonly string[]): Promise<Set<string>> {
    if (singletonKeys.length === 0) return new Set();
    // pg-boss's job_state enum is ordered: created < retry < active < completed < cancelled < failed.
    const result = await this.db.executeSql(
      `SELECT DISTINCT singleton_key FROM pgboss.job WHERE name = $1 AND singleton_key = ANY($2::text[]) AND state < 'completed'`,
      [name, [...singletonKeys]],
    );
    return new Set((result.rows as { singleton_key: string }[]).map((r) => r.singleton_key));
  }

  /** Records this process's worker of a queue (see `send`). */
  registerLocalWorker(name: string, workerId: string): void {
    this.localWorkers.set(name, workerId);
  }

  /** Called by the worker loop after each job. */
  settled(event: JobSettled): void {
    this.events.emit('settled', event);
  }
}
