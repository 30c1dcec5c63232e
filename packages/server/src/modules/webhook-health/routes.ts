import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { WebhookHealth } from './service.js';

export const WebhookHealthItem = z.object({
  platform: z.string(),
  state: z
    .enum(['active', 'failed', 'inactive', 'unknown', 'missing', 'error'])
    .describe(
      '"active": deliveries flow; "failed"/"inactive": the provider stopped sending (re-activation is attempted); "missing": no webhook registered; "error": the check itself failed.',
    ),
  webhook_id: z.string().nullable(),
  url: z.string().nullable(),
  failed_count: z.number().int().nullable(),
  checked_at: z.iso.datetime(),
  reactivated_at: z.iso.datetime().nullable().describe('When the periodic check last re-activated it.'),
  error: z.string().nullable(),
});
export const WebhookHealthList = z.object({ webhooks: z.array(WebhookHealthItem) });

/** `GET /status/webhooks`: the last health check of each provider webhook managed through an API. */
export const webhookHealthRoutes: FastifyPluginAsyncZod<{ health: WebhookHealth }> = async (app, { health }) => {
  app.get('/status/webhooks', {
    schema: {
      tags: ['ops'],
      summary: 'Whether each provider still sends its webhooks (the last periodic check)',
      description:
        'One entry per platform whose webhook is managed through its API (capability webhookAdmin; such a provider may stop sending after failed deliveries). Updated every WEBHOOK_HEALTH_CHECK_SECONDS by the `webhook.health-check` job.',
      response: { 200: WebhookHealthList },
    },
    config: { auth: false },
    handler: async () => ({
      webhooks: (await health.status()).map((r) => ({
        platform: r.platform,
        state: r.state as z.infer<typeof WebhookHealthItem>['state'],
        webhook_id: r.webhookId,
        url: r.url,
        failed_count: r.failedCount,
        checked_at: r.checkedAt.toISOString(),
        reactivated_at: r.reactivatedAt?.toISOString() ?? null,
        error: r.error,
      })),
    }),
  });
};
