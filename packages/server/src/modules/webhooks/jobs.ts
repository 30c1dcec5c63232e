import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define.js';
import type { JobSender } from '../../jobs/types.js';
import type { InboxDrain } from './drain.js';
import type { RecordingPoller } from './poller.js';

/** Deliveries one drain job applies before handing over to the next job. */
const DRAIN_SLICE = 2000;

const DrainPayload = z.object({});
const PollPayload = z.object({});

declare module '../../jobs/types.js' {
  interface JobPayloads {
    /** Processes pending inbox rows until none is left. One queued + one running at most. */
    'webhook.drain': z.input<typeof DrainPayload>;
    /** Periodic: lists the providers' recordings (capability `recordingPolling`) into the inbox. */
    'recording.poll': z.input<typeof PollPayload>;
  }
}

/** The webhooks module's queues. */
export function webhookJobs(deps: {
  drain: InboxDrain;
  jobs: JobSender;
  drainEverySeconds: number;
  poller: RecordingPoller;
}): JobDefinition[] {
  const pollEvery = deps.poller.intervalSeconds();
  const poll = defineJob({
    name: 'recording.poll',
    schema: PollPayload,
    // One poll at a time across every worker; a failed poll is simply the next one's work.
    queue: { policy: 'stately', retryLimit: 0, expireInSeconds: 300 },
    everySeconds: pollEvery ?? undefined,
    handle: async () => {
      await deps.poller.poll();
    },
  });
  return [
    // Only when a configured platform polls its recordings (the shortest interval; each platform keeps its own).
    ...(pollEvery === null ? [] : [poll]),
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
