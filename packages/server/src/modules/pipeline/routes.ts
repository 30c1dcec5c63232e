import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, ProblemSchema } from '../../lib/problem-schema.js';
import { problem, sendProblem } from '../../plugins/errors.js';
import { requireUser } from '../../plugins/auth.js';
import { Pagination, RoomIdParams } from '../rooms/schemas.js';
import type { OutboundWebhooks } from './outbound-webhooks.js';
import { DownloadQuery, Transcript, TranscriptIdParams, TranscriptList, TranscriptListQuery, WebhookDeliveryList } from './schemas.js';
import { RangeNotSatisfiableError, type TranscriptService } from './service.js';

const tags = ['transcripts'];
const security = [{ bearer: [] }];
const ownerOnly = 'Room owner only: 401 without a user, 403 for anyone else.';

/** `/v1/transcripts…` and `/v1/rooms/{room_id}/webhook-deliveries`. */
export const transcriptRoutes: FastifyPluginAsyncZod<{ transcripts: TranscriptService; webhooks: OutboundWebhooks }> = async (
  app,
  { transcripts, webhooks },
) => {
  app.get('/transcripts', {
    schema: {
      tags,
      security,
      summary: "List the transcripts of the caller's rooms",
      description:
        'Newest first, without segments; `room_id` and `meeting_id` narrow the list (a meeting page shows its recordings this way).',
      querystring: TranscriptListQuery,
      response: { 200: TranscriptList, ...errorResponses },
    },
    handler: async (request) => {
      const { room_id, meeting_id, page, page_size } = request.query;
      return transcripts.list(requireUser(request), { roomId: room_id, meetingId: meeting_id }, page, page_size);
    },
  });

  app.get('/transcripts/:transcript_id', {
    schema: {
      tags,
      security,
      summary: 'Get a transcript with its segments, status and progress',
      description: ownerOnly,
      params: TranscriptIdParams,
      response: { 200: Transcript, ...errorResponses },
    },
    handler: async (request) => transcripts.read(requireUser(request), request.params.transcript_id),
  });

  app.get('/transcripts/:transcript_id/download', {
    schema: {
      tags,
      security,
      summary: 'Download a transcript as WebVTT, SRT, text or JSON',
      description: `${ownerOnly} 409 until the transcript is done.`,
      params: TranscriptIdParams,
      querystring: DownloadQuery,
      response: {
        200: z.any().describe('The transcript as text/vtt, application/x-subrip, text/plain or application/json.'),
        ...errorResponses,
      },
    },
    handler: async (request, reply) => {
      const file = await transcripts.download(requireUser(request), request.params.transcript_id, request.query.format);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(Buffer.from(file.body, 'utf8'));
    },
  });

  app.get('/transcripts/:transcript_id/audio', {
    schema: {
      tags,
      security,
      summary: 'The mixed MP3 of the meeting (supports Range requests)',
      description: `${ownerOnly} A single \`Range: bytes=…\` is answered 206; a range outside the file 416. 404 before the audio is prepared; 410 once it was deleted because a participant refused consent.`,
      params: TranscriptIdParams,
      response: {
        200: z.any().describe('audio/mpeg'),
        206: z.any().describe('audio/mpeg, the requested range'),
        ...errorResponses,
        410: ProblemSchema,
        416: ProblemSchema,
      },
    },
    handler: async (request, reply) => {
      try {
        const audio = await transcripts.audio(requireUser(request), request.params.transcript_id, request.headers.range);
        reply.type('audio/mpeg').header('accept-ranges', 'bytes').header('cache-control', 'private, max-age=0');
        if (!audio.range) return reply.header('content-length', audio.size).send(audio.body);
        const { start, end } = audio.range;
        return reply
          .code(206)
          .header('content-range', `bytes ${start}-${end}/${audio.size}`)
          .header('content-length', end - start + 1)
          .send(audio.body);
      } catch (error) {
        if (!(error instanceof RangeNotSatisfiableError)) throw error;
        reply.header('content-range', `bytes */${error.size}`);
        return sendProblem(reply, problem(416, 'range_not_satisfiable', error.message));
      }
    },
  });

  app.post('/transcripts/:transcript_id/reprocess', {
    schema: {
      tags,
      security,
      summary: 'Process the recording again (a new run)',
      description: `${ownerOnly} 409 while a run is under way, or when the recording's audio was deleted.`,
      params: TranscriptIdParams,
      response: { 202: Transcript, ...errorResponses },
    },
    handler: async (request, reply) =>
      reply.code(202).send(await transcripts.reprocess(requireUser(request), request.params.transcript_id)),
  });

  app.get('/rooms/:room_id/webhook-deliveries', {
    schema: {
      tags: ['rooms'],
      security,
      summary: "The room's outbound webhook deliveries and their outcomes",
      description: `${ownerOnly} Newest first.`,
      params: RoomIdParams,
      querystring: Pagination,
      response: { 200: WebhookDeliveryList, ...errorResponses },
    },
    handler: async (request) => webhooks.list(requireUser(request), request.params.room_id, request.query.page, request.query.page_size),
  });
};
