import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define.js';
import type { JobSender } from '../../jobs/types.js';
import type { InboxDrain } from './drain.js';

/** Deliveries one drain job applies before handing over to the next job. */
const DRAIN_SLICE = 2000;

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
      queue: { policy: 'stately', retryLimit: 5, retryDelay: 1, retryBackoff: true },
      // Also sent periodically, so rows whose nudge was lost (a crash between insert and send) are applied.
      everySeconds: deps.drainEverySeconds,
      handle: async () => {
        // A job drains a bounded slice, then hands over to a fresh job, so one job never runs for long.
        if ((await deps.drain.drain(DRAIN_SLICE)) >= DRAIN_SLICE) await deps.jobs.send('webhook.drain', {});
      },
    }),
  ];
}
