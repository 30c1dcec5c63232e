import type { JobQueue, JobSettled } from '../../src/jobs/queue.js';

/**
 * Resolves when this process settles a job of `name` (completed or failed) that matches `predicate`;
 * start waiting before triggering the work. Rejects after `timeoutMs`.
 */
export function waitForJob(
  queue: JobQueue,
  name: string,
  predicate: (job: JobSettled) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<JobSettled> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      queue.events.off('settled', listener);
      reject(new Error(`no ${name} job settled within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (job: JobSettled) => {
      if (job.name !== name || !predicate(job)) return;
      clearTimeout(timer);
      queue.events.off('settled', listener);
      resolve(job);
    };
    queue.events.on('settled', listener);
  });
}
