import type { FastifyInstance } from 'fastify';
import { intParam, stringParam } from '../core/paginate.js';
import type { DailyContext } from './context.js';
import { sendDailyError } from './routes-rooms.js';
import { mintMeetingToken } from './tokens.js';
import { validateTokenBody } from './validate.js';
import { meetingParticipantView, meetingView } from './views.js';

function registerMeetings(api: FastifyInstance, ctx: DailyContext): void {
  api.get('/meetings', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const limit = intParam(stringParam(q.limit), 1, 100);
    if (Number.isNaN(limit)) return sendDailyError(reply, 400, 'invalid-request-error', 'limit must be between 1 and 100');
    const room = stringParam(q.room);
    const ongoing = stringParam(q.ongoing);
    const meetings = [...ctx.state.meetings]
      .reverse()
      .filter((m) => (room === undefined || m.room === room) && (ongoing === undefined || String(m.endMs === null) === ongoing));
    const after = stringParam(q.starting_after);
    const start = after === undefined ? 0 : meetings.findIndex((m) => m.id === after) + 1;
    const page = meetings.slice(start, start + (limit ?? 100));
    return { total_count: meetings.length, data: page.map((m) => meetingView(m, ctx.now())) };
  });

  api.get<{ Params: { id: string } }>('/meetings/:id', async (req, reply) => {
    const meeting = ctx.state.meeting(req.params.id);
    if (!meeting) return sendDailyError(reply, 404, 'not-found', `meeting ${req.params.id} not found`);
    return meetingView(meeting, ctx.now());
  });

  api.get<{ Params: { id: string } }>('/meetings/:id/participants', async (req, reply) => {
    const meeting = ctx.state.meeting(req.params.id);
    if (!meeting) return sendDailyError(reply, 404, 'not-found', `meeting ${req.params.id} not found`);
    const q = req.query as Record<string, unknown>;
    const after = stringParam(q.joined_after);
    const start = after === undefined ? 0 : meeting.participants.findIndex((p) => p.sessionId === after) + 1;
    const limit = intParam(stringParam(q.limit), 1, 1000);
    const page = meeting.participants.slice(start, start + (Number.isNaN(limit) || limit === undefined ? 100 : limit));
    // Daily answers 404 when there are no more participants (its pagination end marker).
    if (page.length === 0) return sendDailyError(reply, 404, 'not-found', 'no more participants');
    return { data: page.map((p) => meetingParticipantView(p, ctx.now())) };
  });
}

function registerTokens(api: FastifyInstance, ctx: DailyContext): void {
  api.post('/meeting-tokens', async (req, reply) => {
    const parsed = validateTokenBody(req.body);
    if (!parsed.ok) return sendDailyError(reply, 400, 'invalid-request-error', parsed.info);
    const token = mintMeetingToken(parsed.value, ctx.apiKey, ctx.domainId, ctx.now());
    ctx.state.tokens.set(token, { token, properties: parsed.value, createdAtMs: ctx.now() });
    return { token };
  });

  api.get<{ Params: { token: string } }>('/meeting-tokens/:token', async (req, reply) => {
    const issued = ctx.state.tokens.get(req.params.token);
    if (!issued) return sendDailyError(reply, 400, 'invalid-request-error', 'token is not valid');
    const { exp, nbf } = issued.properties;
    const nowS = ctx.now() / 1000;
    if (typeof exp === 'number' && exp <= nowS) return sendDailyError(reply, 400, 'invalid-request-error', 'token has expired');
    const ignoreNbf = stringParam((req.query as Record<string, unknown>).ignoreNbf) === 'true';
    if (!ignoreNbf && typeof nbf === 'number' && nbf > nowS)
      return sendDailyError(reply, 400, 'invalid-request-error', 'token is not valid yet (nbf)');
    return issued.properties;
  });
}

/** Meetings (sessions) analytics and meeting tokens. */
export function registerDailyMeetingRoutes(api: FastifyInstance, ctx: DailyContext): void {
  registerMeetings(api, ctx);
  registerTokens(api, ctx);
}
