import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, ProblemSchema } from '../../lib/problem-schema.js';
import { requireUser } from '../../plugins/auth.js';
import { ANONYMOUS_RATE_LIMIT } from '../../plugins/rate-limit.js';
import { RoomNameParams } from '../rooms/schemas.js';
import {
  JoinParams,
  JoinResponse,
  Meeting,
  MeetingCreateBody,
  MeetingIdParams,
  MeetingList,
  MeetingListQuery,
  MeetingReadQuery,
  Reservation,
} from './schemas.js';
import type { MeetingService } from './service.js';

const tags = ['meetings'];

/** Who is asking, for per-caller limits: the signed-in user, else the client address. */
function callerKey(request: FastifyRequest): string {
  return request.user ? `user:${request.user.id}` : `ip:${request.ip}`;
}

/** Meetings: get-or-create a room's meeting, read one, deactivate one. */
export const meetingRoutes: FastifyPluginAsyncZod<{ meetings: MeetingService }> = async (app, { meetings }) => {
  app.post('/rooms/:room_name/meeting', {
    config: ANONYMOUS_RATE_LIMIT,
    schema: {
      tags,
      summary: "Get the room's active meeting, or create one on the room's platform",
      description:
        'Returns 200 with the active meeting when it still matches the room settings, 201 with a new one otherwise. 502 when the provider fails (nothing is stored); 503 with Retry-After when the provider is rate limited for longer than a request may wait.',
      params: RoomNameParams,
      body: MeetingCreateBody,
      response: { 200: Meeting, 201: Meeting, ...errorResponses, 502: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      const { meeting, created } = await meetings.getOrCreate(
        request.params.room_name,
        request.user,
        request.body?.allow_duplicated ?? false,
      );
      return reply.code(created ? 201 : 200).send(meeting);
    },
  });

  app.post('/rooms/:room_name/meetings/:meeting_id/join', {
    config: ANONYMOUS_RATE_LIMIT,
    schema: {
      tags,
      summary: 'Get the URL (and token) this caller joins a meeting with',
      description:
        "The room owner gets owner privileges: an owner token where the provider uses tokens, the host URL where it has one. A token is returned next to the URL, never in it: pass it to the provider's client. In a locked room everyone but the owner must knock. 409 for an inactive or ended meeting.",
      params: JoinParams,
      response: { 200: JoinResponse, ...errorResponses, 502: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request) => meetings.join(request.params.room_name, request.params.meeting_id, request.user),
  });

  app.get('/meetings', {
    schema: {
      tags,
      security: [{ bearer: [] }],
      summary: "List the meetings of the caller's rooms",
      description: 'Newest first; `room_id` narrows to one room, `active=true` to live meetings (with their `num_clients`).',
      querystring: MeetingListQuery,
      response: { 200: MeetingList, ...errorResponses },
    },
    handler: async (request) => {
      const { room_id, active, page, page_size } = request.query;
      return meetings.list(requireUser(request), { roomId: room_id, active }, page, page_size);
    },
  });

  app.get('/meetings/:meeting_id', {
    config: ANONYMOUS_RATE_LIMIT,
    schema: {
      tags,
      summary: 'Get a meeting',
      description: 'The room owner also gets the participant sessions, a page at a time (`participants_limit`, `participants_offset`).',
      params: MeetingIdParams,
      querystring: MeetingReadQuery,
      response: { 200: Meeting, ...errorResponses },
    },
    handler: async (request) => meetings.read(request.params.meeting_id, request.user, request.query),
  });

  app.post('/rooms/:room_name/meetings/:meeting_id/joining', {
    config: ANONYMOUS_RATE_LIMIT,
    schema: {
      tags,
      summary: 'Reserve a place before joining',
      description:
        'Call right before opening the room: for 30 s (or until a participant joins) the meeting is not deactivated, so people joining at the same time end up in the same provider room. 409 for an ended meeting.',
      params: JoinParams,
      response: { 201: Reservation, ...errorResponses, 429: ProblemSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await meetings.reserve(request.params.room_name, request.params.meeting_id, callerKey(request))),
  });

  app.patch('/meetings/:meeting_id/deactivate', {
    schema: {
      tags,
      security: [{ bearer: [] }],
      summary: 'Deactivate a meeting (room owner only)',
      params: MeetingIdParams,
      response: { 200: Meeting, ...errorResponses },
    },
    handler: async (request) => meetings.deactivate(request.params.meeting_id, requireUser(request)),
  });
};
