import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultMockState, mockProvider, signMockWebhook, type Clock, type LoggerLike } from '@meetbridge/platforms';
import { NotFoundError } from '../../lib/errors.js';
import { text } from '../../lib/text.js';
import { ProblemSchema } from '../../lib/problem-schema.js';
import { mockRoomPage, notFoundPage } from './page.js';

/** Where the mock provider delivers its webhooks (its module declares the route). */
const WEBHOOK_PATH = mockProvider.webhook.paths[0]!;

export interface MockProviderOptions {
  baseUrl: string;
  /** The secret the mock provider signs its webhooks with. */
  webhookSecret: string;
  clock: Clock;
  logger: LoggerLike;
}

const RoomParams = z.object({ provider_room_name: text().min(1).max(200) });
const tags = ['mock-provider'];

const MockParticipant = z.object({
  session_id: z.string(),
  user_id: z.string().nullable(),
  user_name: z.string().nullable(),
  joined_at: z.iso.datetime(),
});

const MockPresence = z.object({
  provider_room_name: z.string(),
  participants: z.array(MockParticipant).describe('Who is in the mock call now, in joining order.'),
});

const JoinBody = z.object({ user_name: text().max(100).nullish(), user_id: text().max(100).nullish() }).nullish();

/**
 * The mock provider's side of the world. It runs inside Meetbridge, so its "video room" is a page
 * served here, and joining or leaving it changes the mock provider's presence and sends a signed
 * webhook to the mock provider's webhook route, exactly as a real provider would.
 */
export const mockProviderRoutes: FastifyPluginAsyncZod<MockProviderOptions> = async (app, opts) => {
  const deliver = async (type: string, data: Record<string, unknown>) => {
    const now = opts.clock.now();
    const body = Buffer.from(JSON.stringify({ type, timestamp: now.toISOString(), data }));
    const headers = signMockWebhook(opts.webhookSecret, `msg_${randomUUID()}`, Math.floor(now.getTime() / 1000), body);
    try {
      const res = await fetch(`${opts.baseUrl}${WEBHOOK_PATH}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      });
      if (!res.ok) opts.logger.warn({ status: res.status, type }, 'mock provider webhook refused');
    } catch (err) {
      // A real provider's delivery can fail too; presence reconciliation covers it.
      opts.logger.warn({ err, type }, 'mock provider webhook not delivered');
    }
  };

  const liveRoom = (name: string) => {
    const room = defaultMockState.room(name);
    if (!room || room.deleted) throw new NotFoundError(`No active mock room "${name}".`);
    return room;
  };

  app.get('/mock/rooms/:provider_room_name', {
    schema: { hide: true, params: RoomParams, querystring: z.object({ role: z.string().optional() }) },
    config: { auth: false },
    handler: async (request, reply) => {
      const room = defaultMockState.room(request.params.provider_room_name);
      reply.type('text/html; charset=utf-8');
      if (!room || room.deleted) return reply.code(404).send(notFoundPage(request.params.provider_room_name));
      return mockRoomPage(room, request.query.role === 'host' ? 'host' : 'participant');
    },
  });

  app.get('/mock/rooms/:provider_room_name/participants', {
    schema: {
      tags,
      summary: "Who is in a mock provider room now (the mock provider's presence)",
      params: RoomParams,
      response: { 200: MockPresence, 404: ProblemSchema },
    },
    config: { auth: false },
    handler: async (request) => {
      const room = liveRoom(request.params.provider_room_name);
      return {
        provider_room_name: room.providerRoomName,
        participants: [...room.participants.values()].map((p) => ({
          session_id: p.sessionId,
          user_id: p.userId,
          user_name: p.userName,
          joined_at: p.joinedAt.toISOString(),
        })),
      };
    },
  });

  app.post('/mock/rooms/:provider_room_name/participants', {
    schema: {
      tags,
      summary: 'Join a mock provider room',
      description:
        "What a participant's client does on a real provider: the mock provider adds the participant to its presence and sends the signed `meeting.started` (first participant) and `participant.joined` webhooks.",
      params: RoomParams,
      body: JoinBody,
      response: { 201: z.object({ session_id: z.string() }), 404: ProblemSchema },
    },
    config: { auth: false },
    handler: async (request, reply) => {
      const room = liveRoom(request.params.provider_room_name);
      const wasEmpty = room.participants.size === 0;
      const p = defaultMockState.join(
        room.providerRoomName,
        { userId: request.body?.user_id ?? null, userName: request.body?.user_name ?? null },
        opts.clock.now(),
      );
      const data = {
        room_name: room.providerRoomName,
        meeting_id: room.providerMeetingId,
        session_id: p.sessionId,
        user_id: p.userId,
        user_name: p.userName,
      };
      if (wasEmpty) await deliver('meeting.started', { room_name: room.providerRoomName, meeting_id: room.providerMeetingId });
      await deliver('participant.joined', data);
      return reply.code(201).send({ session_id: p.sessionId });
    },
  });

  app.delete('/mock/rooms/:provider_room_name/participants/:session_id', {
    schema: {
      tags,
      summary: 'Leave a mock provider room',
      description: 'Sends the signed `participant.left` webhook, and `meeting.ended` when the room is empty afterwards.',
      params: RoomParams.extend({ session_id: text().min(1).max(100) }),
      response: { 204: z.null(), 404: ProblemSchema },
    },
    config: { auth: false },
    handler: async (request, reply) => {
      const room = liveRoom(request.params.provider_room_name);
      const p = defaultMockState.leave(room.providerRoomName, request.params.session_id, opts.clock.now());
      if (!p) throw new NotFoundError(`No participant ${request.params.session_id} in this mock room.`);
      await deliver('participant.left', {
        room_name: room.providerRoomName,
        meeting_id: room.providerMeetingId,
        session_id: p.sessionId,
        user_id: p.userId,
        user_name: p.userName,
      });
      if (room.participants.size === 0)
        await deliver('meeting.ended', { room_name: room.providerRoomName, meeting_id: room.providerMeetingId });
      return reply.code(204).send(null);
    },
  });
};
