import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getProvider, webhookEndpoints } from '@meetbridge/platforms';
import { ForbiddenError } from '../../lib/errors.js';
import { errorResponses } from '../../lib/problem-schema.js';
import { requireUser } from '../../plugins/auth.js';
import { MeetingIdParams } from '../meetings/schemas.js';
import type { MeetingService } from '../meetings/service.js';
import type { InboxRepo } from './repo.js';
import type { WebhookIntake } from './service.js';

/** The largest webhook body accepted (real ones are a few kB). */
export const WEBHOOK_BODY_LIMIT = 1_048_576;

/**
 * One `POST` route per path a provider module declares in `webhook.paths`. This scope parses every
 * body as a raw Buffer so the signature is checked over the exact bytes received; nothing is parsed
 * or re-serialized before that.
 * Answers: 200 for everything a provider may send (duplicates, unknown types and rooms included),
 * 401 for a bad signature, 400 for a non-JSON body, 413 over 1 MB, 503 when our database is down.
 */
export const webhookRoutes: FastifyPluginAsync<{ webhooks: WebhookIntake }> = async (app, { webhooks }) => {
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

export const MeetingEventItem = z.object({
  id: z.uuid(),
  platform: z.string(),
  provider_event_id: z.string(),
  type: z.string(),
  received_at: z.iso.datetime(),
  occurred_at: z.iso.datetime(),
  status: z.enum(['pending', 'processed', 'ignored', 'failed']),
  error: z.string().nullable().describe('Why the event was ignored or failed.'),
});
export const MeetingEventList = z.object({ items: z.array(MeetingEventItem) });

/** `GET /v1/meetings/{id}/events`: the inbox rows of one meeting, for its room's owner. */
export const meetingEventRoutes: FastifyPluginAsyncZod<{ meetings: MeetingService; inbox: InboxRepo }> = async (
  app,
  { meetings, inbox },
) => {
  app.get('/meetings/:meeting_id/events', {
    schema: {
      tags: ['meetings'],
      security: [{ bearer: [] }],
      summary: 'The provider webhooks received for a meeting, with their processing status (room owner only)',
      params: MeetingIdParams,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: { 200: MeetingEventList, ...errorResponses },
    },
    handler: async (request) => {
      const user = requireUser(request);
      const found = await meetings.get(request.params.meeting_id);
      if (!meetings.isOwner(found.room, user)) throw new ForbiddenError("Only the room owner may read a meeting's events.");
      const rows = await inbox.forMeeting(found.meeting.id, request.query.limit);
      return {
        items: rows.map((r) => ({
          id: r.id,
          platform: r.platform,
          provider_event_id: r.providerEventId,
          type: r.type,
          received_at: r.receivedAt.toISOString(),
          occurred_at: r.occurredAt.toISOString(),
          status: r.status as 'pending' | 'processed' | 'ignored' | 'failed',
          error: r.error,
        })),
      };
    },
  });
};
