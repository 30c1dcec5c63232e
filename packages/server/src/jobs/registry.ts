import type { Container } from '../container.js';
import { meetingJobs } from '../modules/meetings/jobs.js';
import { recordingJobs } from '../modules/recordings/jobs.js';
import { pipelineJobs } from '../modules/pipeline/jobs.js';
import { webhookJobs } from '../modules/webhooks/jobs.js';
import { webhookHealthJobs } from '../modules/webhook-health/jobs.js';
import type { JobDefinition } from './define.js';

/**
 * Every queue of the app, one line per module that has background work. Each module declares its
 * queues (name, policy, payload schema, handler) in its own `jobs.ts`.
 */
export function jobDefinitions(c: Container): JobDefinition[] {
  const every = c.config.reconcileIntervalSeconds;
  return [
    ...webhookJobs({
      drain: c.webhooks.drain,
      inbox: c.webhooks.inbox,
      jobs: c.jobs,
      clock: c.clock,
      logger: c.logger,
      drainEverySeconds: every,
      retentionDays: c.config.webhookRetentionDays,
      poller: c.webhooks.poller,
    }),
    ...meetingJobs({ lifecycle: c.meetings.lifecycle, reconciler: c.meetings.reconciler, sweepEverySeconds: every }),
    ...recordingJobs({ handlers: c.recordings.handlers, downloadTimeoutSeconds: c.config.recordings.downloadTimeoutSeconds }),
    ...pipelineJobs({ stages: c.pipeline.stages, webhooks: c.pipeline.webhooks, retryDelaySeconds: c.config.pipeline.retryDelaySeconds }),
    ...webhookHealthJobs({ health: c.webhookHealth, everySeconds: c.config.webhookHealthCheckSeconds }),
  ];
}
