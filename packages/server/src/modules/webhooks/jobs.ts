import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define.js';
import type { JobSender } from '../../jobs/types.js';
import type { InboxDrain } from './drain.js';

/** Deliveries one drain job applies before handing over to the next job. */
const DRAIN_SLICE = 2000;

/** Longest a drain job works before handing over (well within its expiry). */
const DRAIN_BUDGET_MS = 10_000;

/**
 * A drain job left `active` by a process that died is expired after this long and retried (pg-boss
 * checks every 10 s), so processing resumes within a minute of a crash instead of 15 minutes.
 */
export const DRAIN_EXPIRE_SECONDS = 30;

const DrainPayload = z.object({});

declare module '../../jobs/types.js' {
  interface JobPayloads {
    /** Processes pending inbox rows until none is left. One queued + one running at most. */
    'webhook.drain': z.input<typeof DrainPayload>;
  }
}

/** The webhooks module's queues. */
export function webhookJobs(deps: { drain: InboxDrain; jobs: JobSender; drainEverySeconds: number }): JobDefinition[] {
  return [
    defineJob({
      name: 'webhook.drain',
      schema: DrainPayload,
      queue: { policy: 'stately', retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: DRAIN_EXPIRE_SECONDS },
      // Also sent periodically, so rows whose nudge was lost (a crash between insert and send) are applied.
      everySeconds: deps.drainEverySeconds,
      handle: async () => {
        // A job drains a bounded slice (rows and time), then hands over to a fresh job, so one job
        // never runs for long and never outlives its expiry.
        const started = Date.now();
        const handled = await deps.drain.drain(DRAIN_SLICE, undefined, DRAIN_BUDGET_MS);
        if (handled >= DRAIN_SLICE || (handled > 0 && Date.now() - started >= DRAIN_BUDGET_MS)) await deps.jobs.send('webhook.drain', {});
      },
    }),
  ];
}
