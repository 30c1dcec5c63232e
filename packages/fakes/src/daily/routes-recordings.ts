import type { FastifyInstance, FastifyReply } from 'fastify';
import { intParam, stringParam } from '../core/paginate.js';
import { dispatch } from './context.js';
import type { DailyContext } from './context.js';
import { parseStartBody } from './recordings.js';
import { sendDailyError } from './routes-rooms.js';
import type { DailyRecording } from './state.js';
import { recordingView } from './views.js';

function registerStartStop(api: FastifyInstance, ctx: DailyContext): void {
  api.post<{ Params: { name: string } }>('/rooms/:name/recordings/start', async (req) => {
    const { recording, event } = ctx.recorder.start(parseStartBody(req.params.name, req.body), ctx.now());
    dispatch(ctx, [event]);
    // The documented 200 body is not published; the fake answers with the new recording's id.
    return { recordingId: recording.id };
  });

  api.post<{ Params: { name: string } }>('/rooms/:name/recordings/stop', async (req) => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    ctx.recorder.stop(req.params.name, typeof body.instanceId === 'string' ? body.instanceId : undefined, ctx.now());
    return { status: 'sent' };
  });
}

/** Newest first; `starting_after` / `ending_before` are recording ids, `ending_before=OLDEST` the last page. */
function pageRecordings(all: readonly DailyRecording[], q: Record<string, unknown>, limit: number): DailyRecording[] {
  const after = stringParam(q.starting_after);
  const before = stringParam(q.ending_before);
  if (after !== undefined) {
    const index = all.findIndex((r) => r.id === after);
    return index === -1 ? [] : all.slice(index + 1, index + 1 + limit);
  }
  if (before !== undefined) {
    const end = before === 'OLDEST' ? all.length : all.findIndex((r) => r.id === before);
    return end <= 0 ? [] : all.slice(Math.max(0, end - limit), end);
  }
  return all.slice(0, limit);
}

function accessLink(
  ctx: DailyContext,
  recording: DailyRecording,
  validForRaw: unknown,
  reply: FastifyReply,
): FastifyReply | Record<string, unknown> {
  if (recording.type === 'raw-tracks') {
    return sendDailyError(
      reply,
      400,
      'invalid-request-error',
      'raw-tracks recordings have no access link; read the tracks from your bucket',
    );
  }
  if (recording.status !== 'finished')
    return sendDailyError(reply, 400, 'invalid-request-error', `recording ${recording.id} is ${recording.status}`);
  if (recording.bucket && recording.bucket.allow_api_access !== true) {
    return sendDailyError(reply, 403, 'forbidden-error', 'recordings_bucket.allow_api_access is false');
  }
  // Custom buckets are limited to 15 min – 12 h by STS; Daily's own storage accepts any positive validity.
  const [min, max] = recording.bucket ? [900, 43200] : [1, 604800];
  const valid = intParam(stringParam(validForRaw), min, max);
  if (Number.isNaN(valid)) return sendDailyError(reply, 400, 'invalid-request-error', `valid_for_secs must be between ${min} and ${max}`);
  const expires = Math.floor(ctx.now() / 1000) + (valid ?? 3600);
  return { download_link: `${ctx.origin}/_files/daily/recordings/${recording.id}.mp4?expires=${expires}`, expires };
}

function registerReads(api: FastifyInstance, ctx: DailyContext): void {
  api.get('/recordings', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const limit = intParam(stringParam(q.limit), 1, 100);
    if (Number.isNaN(limit)) return sendDailyError(reply, 400, 'invalid-request-error', 'limit must be between 1 and 100');
    const roomName = stringParam(q.room_name);
    const all = ctx.state.recordings
      .map((r, index) => ({ r, index }))
      .filter(({ r }) => roomName === undefined || r.roomName === roomName)
      .sort((a, b) => b.r.startMs - a.r.startMs || b.index - a.index)
      .map(({ r }) => r);
    return { total_count: all.length, data: pageRecordings(all, q, limit ?? 100).map(recordingView) };
  });

  api.get<{ Params: { id: string } }>('/recordings/:id', async (req, reply) => {
    const recording = ctx.state.recording(req.params.id);
    if (!recording) return sendDailyError(reply, 404, 'not-found', `recording ${req.params.id} not found`);
    return recordingView(recording);
  });

  // https://docs.daily.co/reference/rest-api/recordings/delete-recording: removes it from Daily's storage.
  api.delete<{ Params: { id: string } }>('/recordings/:id', async (req, reply) => {
    const index = ctx.state.recordings.findIndex((r) => r.id === req.params.id);
    if (index === -1) return sendDailyError(reply, 404, 'not-found', `recording ${req.params.id} not found`);
    const [removed] = ctx.state.recordings.splice(index, 1);
    return { deleted: true, id: removed?.id };
  });

  api.get<{ Params: { id: string } }>('/recordings/:id/access-link', async (req, reply) => {
    const recording = ctx.state.recording(req.params.id);
    if (!recording) return sendDailyError(reply, 404, 'not-found', `recording ${req.params.id} not found`);
    return accessLink(ctx, recording, (req.query as Record<string, unknown>).valid_for_secs, reply);
  });
}

/** Recording start/stop on rooms, and the recordings collection. */
export function registerDailyRecordingRoutes(api: FastifyInstance, ctx: DailyContext): void {
  registerStartStop(api, ctx);
  registerReads(api, ctx);
}
