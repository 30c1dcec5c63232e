import type { FastifyPluginAsync } from 'fastify';
import { getProvider, webhookEndpoints } from '@meetbridge/platforms';
import type { WebhookService } from './service.js';

/** The largest webhook body accepted (real ones are a few kB). */
export const WEBHOOK_BODY_LIMIT = 1_048_576;

/**
 * One `POST` route per path a provider module declares in `webhook.paths`. This scope parses every
 * body as a raw Buffer so the signature is checked over the exact bytes received; nothing is parsed
 * or re-serialized before that.
 * Answers: 200 for everything a provider may send (duplicates, unknown types and rooms included),
 * 401 for a bad signature, 400 for a non-JSON body, 413 over 1 MB, 503 when our database is down.
 */
export const webhookRoutes: FastifyPluginAsync<{ webhooks: WebhookService }> = async (app, { webhooks }) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
  for (const endpoint of webhookEndpoints()) {
    const provider = getProvider(endpoint.provider);
    app.post<{ Body: Buffer | undefined }>(endpoint.path, {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      config: { auth: false },
      schema: {
        tags: ['webhooks'],
        summary: `Receive a ${provider.displayName} webhook`,
        description:
          "Verified over the raw body with the provider's signature algorithm, then stored once in the inbox and processed asynchronously.",
      },
      handler: async (request) => {
        const result = await webhooks.receive(provider.name, request.body, request.headers);
        return { status: result };
      },
    });
  }
};
