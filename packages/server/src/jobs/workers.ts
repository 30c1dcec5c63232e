import type PgBoss from 'pg-boss';
import { z } from 'zod';
import type { Container } from '../container.js';
import { QUEUES, type JobQueue } from './queue.js';

/** Deliveries one drain job applies before handing over to the next job. */
const DRAIN_SLICE = 2000;

const ReconcileJob = z.object({ meetingId: z.uuid(), countEmpty: z.boolean().default(false) });

/** Handle to the running workers of this process. */
export interface Workers {
  /** Wakes this process's drain worker now (instead of at its next poll). */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Starts this process's job workers: webhook inbox draining, per-meeting reconciliation and the
 * periodic sweep (sent every `intervalSeconds`, throttled to one per interval across all workers).
 */
export async function startWorkers(c: Container, queue: JobQueue, intervalSeconds: number): Promise<Workers> {
  const boss: PgBoss = queue.boss;
  // pg-boss's stop() does not wait for handlers of workers it has taken off; we do, so no handler
  // touches the database after the process closed it.
  const running = new Set<Promise<unknown>>();
  const tracked =
    <T>(handler: (jobs: T) => Promise<void>) =>
    (jobs: T): Promise<void> => {
      const run = handler(jobs);
      running.add(run);
      return run.finally(() => running.delete(run));
    };
  const drainId = await boss.work(
    QUEUES.webhookDrain.name,
    { pollingIntervalSeconds: 0.5 },
    tracked(async () => {
      // A job drains a bounded slice, then hands over to a fresh job, so one job never runs for long.
      if ((await c.webhooks.drain(DRAIN_SLICE)) >= DRAIN_SLICE) await queue.send('webhookDrain', {});
    }),
  );
  await boss.work<unknown>(
    QUEUES.meetingReconcile.name,
    { pollingIntervalSeconds: 0.5, batchSize: 5 },
    tracked(async (jobs: PgBoss.Job<unknown>[]) => {
      for (const job of jobs) {
        const data = ReconcileJob.parse(job.data);
        await c.participants.reconcile(data.meetingId, data.countEmpty);
      }
    }),
  );
  await boss.work(
    QUEUES.meetingSweep.name,
    { pollingIntervalSeconds: 1 },
    tracked(async () => {
      await sweep(c, queue);
    }),
  );
  const tick = () =>
    queue
      .send('meetingSweep', {}, { singletonKey: 'sweep', singletonSeconds: intervalSeconds })
      .catch((err: unknown) => c.logger.warn({ err }, 'could not schedule the sweep'));
  let stopped = false;
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  void tick();
  return {
    wake: () => {
      if (!stopped) boss.notifyWorker(drainId);
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const queueName of Object.values(QUEUES)) await boss.offWork(queueName.name);
      await Promise.allSettled([...running]);
    },
  };
}

/** The periodic sweep: end due meetings, reconcile every active one, drain forgotten inbox rows. */
export async function sweep(c: Container, queue: JobQueue): Promise<void> {
  await c.lifecycle.endDueMeetings();
  await c.participantRepo.purgeReservations(c.database.db, new Date(c.clock.now().getTime() - 3_600_000));
  for (const row of await c.lifecycle.activeMeetings()) {
    const adapter = c.catalog.adapterForExisting(row.platform);
    if (!adapter || !(adapter.capabilities.presence || adapter.capabilities.sessions)) continue;
    await queue.send('meetingReconcile', { meetingId: row.id, countEmpty: true }, { singletonKey: row.id });
  }
  if ((await c.inbox.pendingCount()) > 0) await queue.send('webhookDrain', {});
}
