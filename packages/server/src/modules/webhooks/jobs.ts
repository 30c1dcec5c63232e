import type { Clock, LoggerLike } from '@meetbridge/platforms';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define.js';
import type { JobSender } from '../../jobs/types.js';
import type { InboxDrain } from './drain.js';
import type { InboxRepo } from './repo.js';
import type { RecordingPoller } from './poller.js';

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
const PrunePayload = z.object({});

/** Rows one prune statement deletes (short transactions; a big backlog takes several). */
const PRUNE_BATCH = 1000;

/** How often old deliveries are pruned. */
const PRUNE_EVERY_SECONDS = 3600;
const PollPayload = z.object({});

declare module '../../jobs/types.js' {
  interface JobPayloads {
    /** Processes pending inbox rows until none is left. One queued + one running at most. */
    'webhook.drain': z.input<typeof DrainPayload>;
    /** Deletes processed deliveries older than WEBHOOK_RETENTION_DAYS. Periodic. */
    'webhook.prune': z.input<typeof PrunePayload>;
    /** Periodic: lists the providers' recordings (capability `recordingPolling`) into the inbox. */
    'recording.poll': z.input<typeof PollPayload>;
  }
}

/** Deletes processed/ignored deliveries older than `retentionDays`, in batches; returns how many. */
export async function pruneInbox(inbox: InboxRepo, clock: Clock, retentionDays: number, logger?: LoggerLike): Promise<number> {
  const before = new Date(clock.now().getTime() - retentionDays * 86_400_000);
  let deleted = 0;
  for (;;) {
    const n = await inbox.prune(before, PRUNE_BATCH);
    deleted += n;
    if (n < PRUNE_BATCH) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (deleted > 0) logger?.info({ deleted, before: before.toISOString() }, 'pruned old webhook deliveries');
  return deleted;
}

/** The webhooks module's queues. */
export function webhookJobs(deps: {
  drain: InboxDrain;
  inbox: InboxRepo;
  jobs: JobSender;
  clock: Clock;
  logger: LoggerLike;
  drainEverySeconds: number;
  retentionDays: number;
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
    defineJob({
      name: 'webhook.prune',
      schema: PrunePayload,
      queue: { policy: 'stately', retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
      everySeconds: PRUNE_EVERY_SECONDS,
      handle: async () => {
        await pruneInbox(deps.inbox, deps.clock, deps.retentionDays, deps.logger);
      },
    }),
  ];
}
