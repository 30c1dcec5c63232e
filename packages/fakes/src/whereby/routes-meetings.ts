import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultInjector } from '../core/faults.js';
import { installFaultHooks, rawBodyOf } from '../core/http-app.js';
import type { FaultRenderer } from '../core/http-app.js';
import { cursorPage, intParam, stringParam } from '../core/paginate.js';
import { dispatch } from './context.js';
import type { WherebyContext } from './context.js';
import { registerWherebyInsightsRoutes } from './routes-insights.js';
import { validateCreateMeeting } from './validate.js';

/** Whereby's 401 body. The OpenAPI only says "Access token is missing or invalid"; the body text is an estimate. */
export const WHEREBY_UNAUTHORIZED_BODY = { error: 'Access token is missing or invalid' } as const;

/** Renders Whereby's 429 (https://github.com/whereby/docs/blob/main/reference/whereby-rest-api-reference/README.md, rate limits) and generic error bodies for injected faults. */
export const wherebyFaults: FaultRenderer = {
  errorBody: (status) => ({ error: status >= 500 ? 'Internal Server Error' : `Request failed with status ${status}` }),
  rateLimit: (reply, retryAfterSeconds) =>
    reply
      .code(429)
      .header('retry-after', String(retryAfterSeconds))
      .header('x-ratelimit-limit', '1000')
      .header('x-ratelimit-remaining', '0')
      .header('x-ratelimit-reset', new Date(Date.now() + retryAfterSeconds * 1000).toUTCString())
      .send({ error: 'Rate limit active for throttle key: organization:1', data: { msLeft: retryAfterSeconds * 1000 } }),
};

/** Splits `fields=hostRoomUrl,viewerRoomUrl` (form style, explode=false) or repeated `fields`. */
export function fieldsParam(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  return list
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Charges each authenticated call against the organisation's point budget and answers 429 with
 * `Retry-After` once it is spent (https://github.com/whereby/docs/blob/main/reference/whereby-rest-api-reference/README.md).
 * A refused call costs nothing.
 */
function budgetHook(ctx: WherebyContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (reply.sent) return;
    const now = ctx.now();
    const path = req.url.split('?')[0] ?? req.url;
    const refused = ctx.budget.charge(ctx.budget.cost(req.method, path), now);
    void reply.header('x-ratelimit-limit', String(ctx.budget.limit));
    if (!refused) {
      void reply.header('x-ratelimit-remaining', String(ctx.budget.remaining(now)));
      return;
    }
    await reply
      .code(429)
      .header('retry-after', String(Math.max(1, Math.ceil(refused.msLeft / 1000))))
      .header('x-ratelimit-remaining', String(refused.remaining))
      .header('x-ratelimit-reset', new Date(now + refused.msLeft).toUTCString())
      .send({ error: 'Rate limit active for throttle key: organization:1', data: { msLeft: refused.msLeft } });
  };
}

function authHook(ctx: WherebyContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (reply.sent) return;
    if (req.headers.authorization !== `Bearer ${ctx.apiKey}`) await reply.code(401).send(WHEREBY_UNAUTHORIZED_BODY);
  };
}

function registerMeetingRoutes(api: FastifyInstance, ctx: WherebyContext): void {
  api.post('/meetings', async (req, reply) => {
    if (rawBodyOf(req).invalidJson) return reply.code(400).send({ error: 'Invalid JSON in request body' });
    const result = validateCreateMeeting(req.body, ctx.now());
    if (!result.ok) return reply.code(400).send({ error: result.message });
    const meeting = ctx.state.createMeeting(result.value, req.body, ctx.now());
    return reply.code(201).send(ctx.state.meetingBody(meeting, result.value.fields));
  });

  api.get('/meetings', async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const limit = intParam(stringParam(query.limit), 1, 100);
    if (Number.isNaN(limit)) return reply.code(400).send({ error: '"limit" must be between 1 and 100' });
    const live = [...ctx.state.meetings.values()].filter((m) => !m.deleted);
    const page = cursorPage(live, stringParam(query.cursor), limit ?? 50);
    const fields = fieldsParam(query.fields);
    return { results: page.results.map((m) => ctx.state.meetingBody(m, fields)), cursor: page.cursor };
  });

  api.get<{ Params: { meetingId: string } }>('/meetings/:meetingId', async (req, reply) => {
    const meeting = ctx.state.meeting(req.params.meetingId);
    if (!meeting) return reply.code(404).send({ error: 'Meeting not found' });
    return ctx.state.meetingBody(meeting, fieldsParam((req.query as Record<string, unknown>).fields));
  });

  api.delete<{ Params: { meetingId: string } }>('/meetings/:meetingId', async (req, reply) => {
    const meeting = ctx.state.meeting(req.params.meetingId);
    if (meeting) {
      // Deleting a meeting removes all participants (room.client.left ..., room.session.ended).
      dispatch(ctx, ctx.presence.endSession(meeting, ctx.now()));
      meeting.deleted = true;
    }
    return reply.code(204).send();
  });
}

/** Registers the Whereby REST API under `/v1`: faults first, then Bearer auth, the point budget, then the routes. */
export function registerWherebyApi(app: FastifyInstance, ctx: WherebyContext, faults: FaultInjector): void {
  void app.register(
    async (api) => {
      installFaultHooks(api, faults, wherebyFaults);
      api.addHook('preHandler', authHook(ctx));
      api.addHook('preHandler', budgetHook(ctx));
      api.setNotFoundHandler((_req, reply) => reply.code(404).send({ error: 'Not Found' }));
      api.setErrorHandler((err, _req, reply) => {
        const status = typeof (err as { statusCode?: unknown }).statusCode === 'number' ? (err as { statusCode: number }).statusCode : 500;
        return reply.code(status).send({ error: status >= 500 ? 'Internal Server Error' : (err as Error).message });
      });
      registerMeetingRoutes(api, ctx);
      registerWherebyInsightsRoutes(api, ctx);
    },
    { prefix: '/v1' },
  );
}
