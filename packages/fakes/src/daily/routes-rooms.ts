import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultInjector } from '../core/faults.js';
import { installFaultHooks, rawBodyOf } from '../core/http-app.js';
import type { FaultRenderer } from '../core/http-app.js';
import { randomAlphanumeric, uuid } from '../core/ids.js';
import { intParam, stringParam } from '../core/paginate.js';
import { dispatch } from './context.js';
import type { DailyContext } from './context.js';
import { DailyApiError } from './recordings.js';
import { registerDailyMeetingRoutes } from './routes-meetings.js';
import { registerDailyRecordingRoutes } from './routes-recordings.js';
import { registerDailyWebhookRoutes } from './routes-webhooks.js';
import type { DailyRoom } from './state.js';
import { checkRoomConsistency, validateRoomBody } from './validate.js';
import { presenceView, roomView } from './views.js';

/** Daily's auth error bodies (https://docs.daily.co/reference/rest-api#errors); `info` is free text. */
export const DAILY_AUTH_ERRORS = {
  header: { error: 'authorization-header-error', info: 'Authorization header is missing or badly formatted; expected "Bearer <API key>"' },
  key: { error: 'authentication-error', info: 'The API key is not valid' },
} as const;

/** Renders Daily's error bodies for injected faults. */
export const dailyFaults: FaultRenderer = {
  errorBody: (status) =>
    status >= 500
      ? {
          error: 'server-error',
          info: status === 503 ? 'service unavailable, no workers available; please retry' : 'something unexpected went wrong',
        }
      : { error: 'invalid-request-error', info: `request failed with status ${status}` },
  rateLimit: (reply, retryAfterSeconds) =>
    reply
      .code(429)
      .header('retry-after', String(retryAfterSeconds))
      .send({ error: 'rate-limit-error', info: 'Too many requests were sent in too short a period of time' }),
};

/** Sends a Daily `{error, info}` body. */
export function sendDailyError(reply: FastifyReply, status: number, error: string, info: string): FastifyReply {
  return reply.code(status).send({ error, info });
}

function authHook(ctx: DailyContext) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header.trim()) : null;
    if (!match) {
      await reply.code(400).send(DAILY_AUTH_ERRORS.header);
      return;
    }
    if (match[1] !== ctx.apiKey) {
      await reply.code(401).send(DAILY_AUTH_ERRORS.key);
      return;
    }
    if (rawBodyOf(req).invalidJson) await sendDailyError(reply, 400, 'json-parsing-error', 'The JSON request body could not be parsed');
  };
}

function liveRoomOr404(ctx: DailyContext, name: string, reply: FastifyReply): DailyRoom | undefined {
  const room = ctx.state.room(name);
  if (!room) void sendDailyError(reply, 404, 'not-found', `room ${name} not found`);
  return room;
}

function mergeProperties(current: Record<string, unknown>, update: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function registerRoomWrites(api: FastifyInstance, ctx: DailyContext): void {
  api.post('/rooms', async (req, reply) => {
    const parsed = validateRoomBody(req.body, true);
    if (!parsed.ok) return sendDailyError(reply, 400, 'invalid-request-error', parsed.info);
    const name = parsed.value.name ?? randomAlphanumeric(20);
    if (ctx.state.room(name)) return sendDailyError(reply, 400, 'invalid-request-error', `a room named ${name} already exists`);
    const properties = mergeProperties({}, parsed.value.properties);
    const inconsistent = checkRoomConsistency(properties);
    if (inconsistent) return sendDailyError(reply, 400, 'invalid-request-error', inconsistent);
    const room: DailyRoom = {
      id: uuid(),
      name,
      privacy: parsed.value.privacy ?? 'public',
      createdAtMs: ctx.now(),
      properties,
      requestBody: req.body,
      deleted: false,
      present: new Map(),
      waiting: new Map(),
      meeting: undefined,
      activeRecordings: new Map(),
    };
    ctx.state.rooms.set(name, room);
    ctx.presence.scheduleExpiry(room);
    return roomView(room, ctx.domain);
  });

  api.post<{ Params: { name: string } }>('/rooms/:name', async (req, reply) => {
    const room = liveRoomOr404(ctx, req.params.name, reply);
    if (!room) return reply;
    const parsed = validateRoomBody(req.body, false);
    if (!parsed.ok) return sendDailyError(reply, 400, 'invalid-request-error', parsed.info);
    const properties = mergeProperties(room.properties, parsed.value.properties);
    const inconsistent = checkRoomConsistency(properties);
    if (inconsistent) return sendDailyError(reply, 400, 'invalid-request-error', inconsistent);
    room.properties = properties;
    if (parsed.value.privacy) room.privacy = parsed.value.privacy;
    ctx.presence.scheduleExpiry(room);
    return roomView(room, ctx.domain);
  });

  api.delete<{ Params: { name: string } }>('/rooms/:name', async (req, reply) => {
    const room = liveRoomOr404(ctx, req.params.name, reply);
    if (!room) return reply;
    const expired = ctx.state.isExpired(room, ctx.now());
    // Deleting a room kicks everyone out.
    dispatch(ctx, ctx.presence.endMeeting(room, ctx.now()));
    room.deleted = true;
    ctx.presence.scheduleExpiry(room);
    return reply.code(expired ? 404 : 200).send({ deleted: true, name: room.name });
  });
}

function registerRoomReads(api: FastifyInstance, ctx: DailyContext): void {
  api.get('/rooms', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const limit = intParam(stringParam(q.limit), 1, 100);
    if (Number.isNaN(limit)) return sendDailyError(reply, 400, 'invalid-request-error', 'limit must be between 1 and 100');
    const rooms = [...ctx.state.rooms.values()].filter((r) => !r.deleted && !ctx.state.isExpired(r, ctx.now())).reverse();
    const after = stringParam(q.starting_after);
    const start = after === undefined ? 0 : rooms.findIndex((r) => r.id === after) + 1;
    return { total_count: rooms.length, data: rooms.slice(start, start + (limit ?? 100)).map((r) => roomView(r, ctx.domain)) };
  });

  api.get<{ Params: { name: string } }>('/rooms/:name', async (req, reply) => {
    const room = liveRoomOr404(ctx, req.params.name, reply);
    return room ? roomView(room, ctx.domain) : reply;
  });

  /**
   * One page of the room's presence: `limit` entries (at most `presenceMaxLimit`; a larger limit is
   * cut to it), a default page (`presenceDefaultLimit`) without it, and `total_count` of everyone
   * present (https://docs.daily.co/reference/rest-api/rooms/get-room-presence; neither the default
   * page size nor the largest limit is documented).
   */
  api.get<{ Params: { name: string } }>('/rooms/:name/presence', async (req, reply) => {
    const room = liveRoomOr404(ctx, req.params.name, reply);
    if (!room) return reply;
    const q = req.query as Record<string, unknown>;
    const asked = intParam(stringParam(q.limit), 1, Number.MAX_SAFE_INTEGER);
    if (Number.isNaN(asked)) return sendDailyError(reply, 400, 'invalid-request-error', 'limit must be a positive integer');
    const limit = asked === undefined ? undefined : Math.min(asked, ctx.presenceMaxLimit);
    const userId = stringParam(q.userId);
    const userName = stringParam(q.userName);
    const present = [...room.present.values()].filter(
      (p) => (userId === undefined || p.userId === userId) && (userName === undefined || p.userName === userName),
    );
    const data = present.slice(0, limit ?? ctx.presenceDefaultLimit).map((p) => presenceView(room, p, ctx.now()));
    return { total_count: present.length, data };
  });

  api.get('/presence', async () => {
    const out: Record<string, unknown[]> = {};
    for (const room of ctx.state.rooms.values()) {
      if (!room.deleted && room.present.size > 0) out[room.name] = [...room.present.values()].map((p) => presenceView(room, p, ctx.now()));
    }
    return out;
  });
}

/** Registers the Daily REST API under `/v1`: faults, then auth (and JSON parse errors), then the routes. */
export function registerDailyApi(app: FastifyInstance, ctx: DailyContext, faults: FaultInjector): void {
  void app.register(
    async (api) => {
      installFaultHooks(api, faults, dailyFaults);
      api.addHook('preHandler', authHook(ctx));
      api.setNotFoundHandler((req, reply) => sendDailyError(reply, 404, 'not-found', `${req.method} ${req.url} is not a known endpoint`));
      api.setErrorHandler((err, _req, reply) => {
        if (err instanceof DailyApiError) return sendDailyError(reply, err.status, err.error, err.info);
        return sendDailyError(reply, 500, 'server-error', err instanceof Error ? err.message : String(err));
      });
      registerRoomWrites(api, ctx);
      registerRoomReads(api, ctx);
      registerDailyMeetingRoutes(api, ctx);
      registerDailyRecordingRoutes(api, ctx);
      registerDailyWebhookRoutes(api, ctx);
    },
    { prefix: '/v1' },
  );
}
