import type { Clock, LoggerLike, MeetingEvent, PlatformCatalog } from '@meetbridge/platforms';
import { isDatabaseUnavailable, type Db, type Executor } from '../../db/client.js';
import type { WebhookEventRow } from '../../db/schema/index.js';
import { ignored, type EventContext, type EventOutcome } from '../../events/handler.js';
import type { JobName, JobPayloads, JobSender } from '../../jobs/types.js';
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

/** A follow-up job collected while a batch is applied, sent in the batch's transaction. */
interface FollowUp {
  name: JobName;
  payload: JobPayloads[JobName];
  singletonKey: string | undefined;
}

/**
 * Applies stored deliveries to state. Rows are claimed in batches (`SKIP LOCKED`, so replicas drain
 * side by side), each batch in one transaction; each row is parsed by its platform's adapter into
 * normalized events, and each event is handed to the module that owns its kind (`dispatch.ts`).
 * Follow-up jobs the handlers ask for are queued in the same transaction. When a batch fails (a bad
 * row, or a deadlock between workers) its rows are retried one per transaction, so only the bad row
 * is set aside.
 */
export class InboxDrain {
  constructor(private readonly deps: InboxDrainDeps) {}

  /**
   * Processes pending deliveries until none is left, `max` were handled or `budgetMs` has passed;
   * returns how many. Between batches it yields to the event loop, so an in-process drain never
   * holds up HTTP requests for longer than one batch.
   */
  async drain(max = 5000, batchSize = 50, budgetMs = Infinity): Promise<number> {
    const started = Date.now();
    let handled = 0;
    while (handled < max && Date.now() - started < budgetMs) {
      let done: number;
      try {
        done = await this.applyBatch(batchSize);
      } catch (error) {
        if (isDatabaseUnavailable(error)) throw error;
        this.deps.logger.warn({ err: error }, 'webhook batch failed; retrying its rows one by one');
        done = await this.applyOneByOne(batchSize);
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
      const followUps = new Map<string, FollowUp>();
      for (const row of rows) {
        const outcome = await this.process(tx, row, followUps);
        await this.deps.inbox.finish(tx, row.id, outcome, this.deps.clock.now());
      }
      await this.sendFollowUps(tx, followUps);
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
        const followUps = new Map<string, FollowUp>();
        const outcome = await this.process(tx, claimed, followUps);
        await this.deps.inbox.finish(tx, claimed.id, outcome, this.deps.clock.now());
        await this.sendFollowUps(tx, followUps);
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

  private async process(tx: Executor, row: WebhookEventRow, followUps: Map<string, FollowUp>): Promise<EventOutcome> {
    const adapter = this.deps.catalog.adapterForExisting(row.platform);
    if (!adapter) return ignored(null, `the ${row.platform} platform is not configured`);
    const ctx: EventContext = {
      tx,
      platform: row.platform,
      adapter,
      followUp: (name, payload, options = {}) => {
        const key = `${name}\u0000${options.singletonKey ?? `#${followUps.size}`}`;
        if (!followUps.has(key)) followUps.set(key, { name, payload, singletonKey: options.singletonKey });
      },
    };
    const events: MeetingEvent[] = eventsOfRow(adapter, row);
    let result: EventOutcome = ignored(null, 'no event Meetbridge acts on');
    for (const event of events) {
      const next = await this.deps.router.route(event, ctx);
      if (next.status === 'processed' || result.status === 'ignored') result = next;
    }
    return result;
  }

  /** Sends the batch's follow-ups in a fixed order, so concurrent batches take singleton locks alike. */
  private async sendFollowUps(tx: Executor, followUps: Map<string, FollowUp>): Promise<void> {
    const ordered = [...followUps.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, f] of ordered) await this.deps.jobs.send(f.name, f.payload, { tx, singletonKey: f.singletonKey });
  }
}

/** Lets pending I/O (HTTP requests, timers) run before the next batch. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
