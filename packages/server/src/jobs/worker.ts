import type PgBoss from 'pg-boss';
import type { LoggerLike } from '@meetbridge/platforms';
import { PermanentJobError, type JobDefinition } from './define.js';
import type { JobQueue } from './queue.js';

/** Handle to this process's running workers. */
export interface Workers {
  /** The queues this process works. */
  readonly queues: readonly string[];
  stop(): Promise<void>;
}

/**
 * True when `name` matches one of the patterns (`*` = any run of characters, so `recordings.*` or
 * `*`); no patterns = every queue.
 */
export function queueMatches(name: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return true;
  return patterns.some((p) => new RegExp(`^${p.split('*').map(escapeRegExp).join('.*')}$`).test(name));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Starts a worker for every definition whose queue matches `patterns` (all when empty): each job's
 * payload is parsed with the definition's schema and handed to its handler. Queues with
 * `everySeconds` are also sent periodically from here (throttled to one per period across processes).
 * `stop()` waits for running handlers, so none touches the database after the process closed it.
 */
export async function startWorkers(
  queue: JobQueue,
  definitions: readonly JobDefinition[],
  options: { patterns?: readonly string[]; logger: LoggerLike },
): Promise<Workers> {
  const selected = definitions.filter((d) => queueMatches(d.name, options.patterns ?? []));
  const running = new Set<Promise<unknown>>();
  const timers: NodeJS.Timeout[] = [];
  for (const d of selected) {
    // Each job of a batch succeeds or fails on its own: a failure is recorded on that job (retried
    // by its policy) and the rest of the batch goes on; pg-boss completes the ones left active.
    const handler = async (jobs: PgBoss.JobWithMetadata<unknown>[]): Promise<void> => {
      for (const job of jobs) {
        const run = handleOne(queue, d, job).catch(async (error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          if (error instanceof PermanentJobError) {
            options.logger.error({ err: error, queue: d.name, jobId: job.id }, 'job failed permanently; not retried');
            await queue.boss.cancel(d.name, job.id);
          } else {
            options.logger.warn({ err: error, queue: d.name, jobId: job.id }, 'job failed; retried per its policy');
            await queue.boss.fail(d.name, job.id, { message });
          }
        });
        running.add(run);
        try {
          await run;
        } finally {
          running.delete(run);
        }
      }
    };
    const id = await queue.boss.work<unknown>(
      d.name,
      { pollingIntervalSeconds: d.pollingIntervalSeconds ?? 0.5, batchSize: d.batchSize ?? 1, includeMetadata: true },
      handler,
    );
    queue.registerLocalWorker(d.name, id);
    if (d.everySeconds) timers.push(schedule(queue, d.name, d.everySeconds, options.logger, d.atStart ?? false));
  }
  return {
    queues: selected.map((d) => d.name),
    async stop() {
      for (const timer of timers) clearInterval(timer);
      for (const d of selected) await queue.boss.offWork(d.name);
      await Promise.allSettled([...running]);
    },
  };
}

async function handleOne(queue: JobQueue, d: JobDefinition, job: PgBoss.JobWithMetadata<unknown>): Promise<void> {
  const parsed = d.schema.safeParse(job.data);
  if (!parsed.success) {
    const error = new PermanentJobError(
      `Invalid ${d.name} payload: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
    queue.settled({ name: d.name, id: job.id, data: job.data, state: 'failed', error });
    throw error;
  }
  try {
    await d.handle(parsed.data, { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
    queue.settled({ name: d.name, id: job.id, data: job.data, state: 'completed' });
  } catch (error) {
    queue.settled({ name: d.name, id: job.id, data: job.data, state: 'failed', error });
    throw error;
  }
}

function schedule(queue: JobQueue, name: string, everySeconds: number, logger: LoggerLike, atStart: boolean): NodeJS.Timeout {
  const tick = (throttled: boolean) => {
    // Periodic payloads are `{}` by definition, so this goes to pg-boss directly rather than the typed sender.
    queue.boss
      .send(name, {}, throttled ? { singletonKey: name, singletonSeconds: everySeconds } : { singletonKey: name })
      .catch((err: unknown) => logger.warn({ err, queue: name }, 'could not schedule a periodic job'));
  };
  const timer = setInterval(() => tick(true), everySeconds * 1000);
  timer.unref();
  tick(!atStart);
  return timer;
}
