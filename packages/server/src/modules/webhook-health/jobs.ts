import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define.js';
import type { WebhookHealth } from './service.js';

const CheckPayload = z.object({});

declare module '../../jobs/types.js' {
  interface JobPayloads {
    /** Periodic: checks every managed provider webhook and re-activates a stopped one. */
    'webhook.health-check': z.input<typeof CheckPayload>;
  }
}

/** The webhook-health module's queue. */
export function webhookHealthJobs(deps: { health: WebhookHealth; everySeconds: number }): JobDefinition[] {
  return [
    defineJob({
      name: 'webhook.health-check',
      schema: CheckPayload,
      queue: { policy: 'stately', retryLimit: 0 },
      everySeconds: deps.everySeconds,
      handle: async () => {
        await deps.health.check();
      },
    }),
  ];
}
