import type { Clock, LoggerLike, MeetingEvent, PlatformCatalog } from '@meetbridge/platforms';
import { isDatabaseUnavailable, type Db, type Executor } from '../../db/client.js';
import type { WebhookEventRow } from '../../db/schema/index.js';
import { ignored, type BatchEvent, type EventBatch, type EventContext, type EventOutcome } from '../../events/handler.js';
import type { JobName, JobPayloads, JobSender, QueuedJob } from '../../jobs/types.js';
import type { EventRouter } from './dispatch.js';
import type { InboxRepo } from './repo.js';
import { eventsOfRow } from './sources.js';

export interface InboxDrainDeps {
  db: Db;
  inbox: InboxRepo;
  router: EventRouter;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  jobs: JobSender;
}

/** Deliveries claimed per batch (one transaction) unless the caller says otherwise. */
export const DEFAULT_BATCH_SIZE = 200;

/** One batch's shared state, deferred writes and follow-up jobs. */
class Batch implements EventBatch {
  private readonly values = new Map<string, unknown>();
  private readonly flushes = new Map<string, (tx: Executor) => Promise<void>>();
  /** Follow-ups by name and singleton key: each is queued once per batch. */
  readonly followUps = new Map<string, QueuedJob>();

  state<T>(key: string, init: () => T): T {
    if (!this.values.has(key)) this.values.set(key, init());
    return this.values.get(key) as T;
  }

  beforeCommit(key: string, flush: (tx: Executor) => Promise<void>): void {
    if (!this.flushes.has(key)) this.flushes.set(key, flush);
  }

  followUp<N extends JobName>(name: N, payload: JobPayloads[N], singletonKey: string | undefined): void {
    const key = `${name}\u0000${singletonKey ?? `#${this.followUps.size}`}`;
    if (!this.followUps.has(key)) this.followUps.set(key, { name, payload, ...(singletonKey === undefined ? {} : { singletonKey }) });
  }

  /** Runs the deferred writes, then queues the follow-ups (one statement, in a fixed order). */
  async close(tx: Executor, jobs: JobSender): Promise<void> {
    for (const flush of this.flushes.values()) await flush(tx);
    const ordered = [...this.followUps.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, job]) => job);
    await jobs.sendMany(ordered, { tx });
  }
}

/**
 * Applies stored deliveries to state. Rows are claimed in batches (`SKIP LOCKED`, so replicas drain
 * side by side), each batch in one transaction: every row is parsed by its platform's adapter into
 * normalized events, the modules prepare for all of the batch's events at once (the meetings module
 * locks every meeting they name in one statement), then each event is handed to the module that owns
 * its kind (`dispatch.ts`). Writes the modules deferred to the end of the batch, the rows' outcomes
 * and the follow-up jobs the handlers asked for are written in a few statements in the same
 * transaction. When a batch fails (a bad row, or a deadlock between workers) its rows are retried one
 * per transaction, so only the bad row is set aside.
 */
export class InboxDrain {
  constructor(private readonly deps: InboxDrainDeps) {}

  /**
   * Processes pending deliveries until none is left, `max` were handled or `budgetMs` has passed;
   * returns how many. Between batches it yields to the event loop, so an in-process drain never
   * holds up HTTP requests for longer than one batch.
   */
  async drain(max = 5000, batchSize = DEFAULT_BATCH_SIZE, budgetMs = Infinity): Promise<number> {
    const started = Date.now();
    let handled = 0;
    while (handled < max && Date.now() - started < budgetMs) {
      let done: number;
      const size = Math.min(batchSize, max - handled);
      try {
        done = await this.applyBatch(size);
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        this.deps.logger.warn({ err: error }, 'webhook batch failed; retrying its rows one by one');
        done = await this.applyOneByOne(size);
      }
      if (done === 0) break;
      handled += done;
      await yieldToEventLoop();
    }
    return handled;
  }

  /** One batch in one transaction; returns how many rows it handled. */
  private applyBatch(limit: number): Promise<number> {
    return this.deps.db.transaction(async (tx) => {
      const rows = await this.deps.inbox.claim(tx, limit);
      if (rows.length === 0) return 0;
      await this.apply(tx, rows);
      return rows.length;
    });
  }

  private async applyOneByOne(count: number): Promise<number> {
    let handled = 0;
    for (let i = 0; i < count; i++) {
      if (!(await this.applyOne())) break;
      handled++;
    }
    return handled;
  }

  /** One row in its own transaction; a failure is recorded on the row. False = inbox empty. */
  private async applyOne(): Promise<boolean> {
    let claimed: WebhookEventRow | undefined;
    try {
      return await this.deps.db.transaction(async (tx) => {
        [claimed] = await this.deps.inbox.claim(tx, 1);
        if (!claimed) return false;
        await this.apply(tx, [claimed]);
        return true;
      });
    } catch (error) {
      // Our database going away is not the row's fault: no attempt is counted, the job is retried.
      if (!claimed || isDatabaseUnavailable(error)) throw error;
      this.deps.logger.error({ err: error, eventId: claimed.id }, 'webhook processing failed');
      await this.deps.inbox.fail(claimed.id, error instanceof Error ? error.message : String(error), this.deps.clock.now());
      return true;
    }
  }

  /** Applies claimed rows in `tx`, in their order: prepare, route every event, flush, finish, follow-ups. */
  private async apply(tx: Executor, rows: readonly WebhookEventRow[]): Promise<void> {
    const batch = new Batch();
    const parsed = rows.map((row) => {
      const adapter = this.deps.catalog.adapterForExisting(row.platform);
      return { row, adapter, events: adapter ? eventsOfRow(adapter, row) : [] };
    });
    const all: BatchEvent[] = parsed.flatMap(({ row, events }) => events.map((event) => ({ platform: row.platform, event })));
    await this.deps.router.prepare(all, batch, tx);
    const finished: { id: string; outcome: EventOutcome }[] = [];
    for (const { row, adapter, events } of parsed) {
      if (!adapter) {
        finished.push({ id: row.id, outcome: ignored(null, `the ${row.platform} platform is not configured`) });
        continue;
      }
      const ctx: EventContext = {
        tx,
        platform: row.platform,
        adapter,
        batch,
        followUp: (name, payload, options = {}) => batch.followUp(name, payload, options.singletonKey),
      };
      finished.push({ id: row.id, outcome: await this.process(ctx, events) });
    }
    await batch.close(tx, this.deps.jobs);
    await this.deps.inbox.finishMany(tx, finished, this.deps.clock.now());
  }

  /** The row's outcome: the most relevant of its events' outcomes. */
  private async process(ctx: EventContext, events: readonly MeetingEvent[]): Promise<EventOutcome> {
    let result: EventOutcome = ignored(null, 'no event Meetbridge acts on');
    for (const event of events) {
      const next = await this.deps.router.route(event, ctx);
      if (next.status === 'processed' || result.status === 'ignored') result = next;
    }
    return result;
  }
}

/** Lets pending I/O (HTTP requests, timers) run before the next batch. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
