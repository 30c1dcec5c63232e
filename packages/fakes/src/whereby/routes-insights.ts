import type { FastifyInstance } from 'fastify';
import { rawBodyOf } from '../core/http-app.js';
import { multipartBoundary, parseMultipart } from '../core/multipart.js';
import { cursorPage, intParam, stringParam } from '../core/paginate.js';
import type { WherebyContext } from './context.js';
import type { WherebyRecording } from './state.js';

function recordingBody(r: WherebyRecording): Record<string, unknown> {
  return {
    recordingId: r.recordingId,
    roomSessionId: r.roomSessionId,
    filename: r.filename,
    startDate: new Date(r.startDate).toISOString(),
    endDate: new Date(r.endDate).toISOString(),
    sizeInMegaBytes: r.sizeInMegaBytes,
  };
}

/**
 * Insights show the past: they "can take 10-15 minutes to update"
 * (https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/README.md),
 * and a session exists only once 2 people have been in it
 * (https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/webhooks.md).
 * So every insights answer is the state as of `now − insightsLagMs`, without single-person sessions.
 */
function registerInsights(api: FastifyInstance, ctx: WherebyContext): void {
  api.get('/insights/room-sessions', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const limit = intParam(stringParam(q.limit), 1, 100);
    if (Number.isNaN(limit)) return reply.code(400).send({ error: '"limit" must be between 1 and 100' });
    const roomName = stringParam(q.roomName);
    const roomSessionId = stringParam(q.roomSessionId);
    // Matched exactly: Whereby room names carry the leading "/" (https://docs.whereby.com/reference/whereby-rest-api-reference).
    const viewAt = ctx.now() - ctx.insightsLagMs;
    const sessions = ctx.state.sessions
      .filter(
        (s) =>
          ctx.state.sessionVisible(s, viewAt) &&
          (roomName === undefined || s.roomName === roomName) &&
          (roomSessionId === undefined || s.roomSessionId === roomSessionId),
      )
      .sort((a, b) => b.startedAt - a.startedAt);
    const page = cursorPage(sessions, stringParam(q.cursor), limit ?? 10);
    return { cursor: page.cursor, results: page.results.map((s) => ctx.state.sessionInsights(s, viewAt)) };
  });

  api.get('/insights/participants', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const roomSessionId = stringParam(q.roomSessionId);
    const externalId = stringParam(q.externalId);
    if (roomSessionId === undefined && externalId === undefined) {
      return reply.code(400).send({ error: '"value" must contain at least one of [roomSessionId, externalId]' });
    }
    const limit = intParam(stringParam(q.limit), 1, 100);
    if (Number.isNaN(limit)) return reply.code(400).send({ error: '"limit" must be between 1 and 100' });
    const viewAt = ctx.now() - ctx.insightsLagMs;
    const participants = ctx.state.sessions
      .filter((s) => ctx.state.sessionVisible(s, viewAt))
      .flatMap((s) => s.participants.filter((p) => p.joinedAt <= viewAt))
      .filter(
        (p) =>
          (roomSessionId === undefined || p.roomSessionId === roomSessionId) && (externalId === undefined || p.externalId === externalId),
      )
      .sort((a, b) => a.joinedAt - b.joinedAt);
    const page = cursorPage(participants, stringParam(q.cursor), limit ?? 50);
    return { cursor: page.cursor, results: page.results.map((p) => ctx.state.participantInsights(p, viewAt)) };
  });
}

function registerLogo(api: FastifyInstance, ctx: WherebyContext): void {
  api.put<{ Params: { roomName: string } }>('/rooms/:roomName/theme/logo', async (req, reply) => {
    const meeting = ctx.state.meetingByRoomName(req.params.roomName);
    if (!meeting) return reply.code(404).send({ error: 'Room not found' });
    const boundary = multipartBoundary(req.headers['content-type']);
    const buffer = rawBodyOf(req).buffer;
    if (!boundary || !buffer) return reply.code(415).send({ error: 'Expected multipart/form-data' });
    const image = parseMultipart(buffer, boundary).find((p) => p.name === 'image');
    if (!image || image.data.length === 0) return reply.code(400).send({ error: '"image" is required' });
    meeting.logo = { contentType: image.contentType, size: image.data.length };
    return reply.code(204).send();
  });
}

function registerRecordings(api: FastifyInstance, ctx: WherebyContext): void {
  api.get('/recordings', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const limit = intParam(stringParam(q.limit), 1, 100);
    if (Number.isNaN(limit)) return reply.code(400).send({ error: '"limit" must be between 1 and 100' });
    const roomName = stringParam(q.roomName);
    const recordings = [...ctx.state.recordings.values()]
      .filter((r) => r.provider === 'whereby' && (roomName === undefined || r.roomName === roomName))
      .sort((a, b) => b.startDate - a.startDate);
    const page = cursorPage(recordings, stringParam(q.cursor), limit ?? 50);
    return { results: page.results.map(recordingBody), cursor: page.cursor };
  });

  api.get<{ Params: { id: string } }>('/recordings/:id', async (req, reply) => {
    const recording = ctx.state.recordings.get(req.params.id);
    if (!recording) return reply.code(404).send({ error: 'Recording not found' });
    return recordingBody(recording);
  });

  api.delete<{ Params: { id: string } }>('/recordings/:id', async (req, reply) => {
    ctx.state.recordings.delete(req.params.id);
    return reply.code(204).send();
  });

  api.get<{ Params: { id: string } }>('/recordings/:id/access-link', async (req, reply) => {
    const recording = ctx.state.recordings.get(req.params.id);
    if (!recording) return reply.code(404).send({ error: 'Recording not found' });
    if (recording.provider !== 'whereby')
      return reply.code(403).send({ error: 'Access links are only available for Whereby-hosted recordings' });
    const valid = intParam(stringParam((req.query as Record<string, unknown>).validForSeconds), 1, 43200);
    if (Number.isNaN(valid)) return reply.code(400).send({ error: '"validForSeconds" must be between 1 and 43200' });
    const expires = ctx.now() + (valid ?? 3600) * 1000;
    const accessLink = `${ctx.origin}/_files/whereby/recordings/${recording.recordingId}?expires=${expires}`;
    return { accessLink, expires };
  });
}

/** Insights, room theme logo and Whereby-hosted recordings. */
export function registerWherebyInsightsRoutes(api: FastifyInstance, ctx: WherebyContext): void {
  registerInsights(api, ctx);
  registerLogo(api, ctx);
  registerRecordings(api, ctx);
}
