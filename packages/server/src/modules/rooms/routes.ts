import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../lib/problem-schema.js';
import { requireUser } from '../../plugins/auth.js';
import { ANONYMOUS_RATE_LIMIT } from '../../plugins/rate-limit.js';
import { Pagination, PlatformList, Room, RoomCreateBody, RoomIdParams, RoomList, RoomNameParams, RoomUpdateBody } from './schemas.js';
import type { RoomService } from './service.js';

const tags = ['rooms'];
const security = [{ bearer: [] }];

/** `/v1/rooms`: create, list, read, update and delete rooms; `/v1/platforms`: what a room may run on. */
export const roomRoutes: FastifyPluginAsyncZod<{ rooms: RoomService }> = async (app, { rooms }) => {
  app.get('/platforms', {
    schema: {
      tags,
      summary: 'List the platforms rooms may use here',
      description:
        'The configured platforms a room may be created on or moved to (a switched-off platform is left out), each with its declared capabilities; `is_default` marks the one new rooms get when they name none.',
      response: { 200: PlatformList },
    },
    handler: async () => ({ items: rooms.platforms() }),
  });

  app.post('/rooms', {
    schema: { tags, security, summary: 'Create a room', body: RoomCreateBody, response: { 201: Room, ...errorResponses } },
    handler: async (request, reply) => reply.code(201).send(await rooms.create(requireUser(request), request.body)),
  });

  app.get('/rooms', {
    schema: { tags, security, summary: "List the caller's rooms", querystring: Pagination, response: { 200: RoomList, ...errorResponses } },
    handler: async (request) => rooms.list(requireUser(request), request.query.page, request.query.page_size),
  });

  app.get('/rooms/:room_id', {
    schema: { tags, summary: 'Get a room by id', params: RoomIdParams, response: { 200: Room, ...errorResponses } },
    handler: async (request) => rooms.toDto(await rooms.getById(request.params.room_id)),
  });

  app.get('/rooms/name/:room_name', {
    config: ANONYMOUS_RATE_LIMIT,
    schema: { tags, summary: 'Get a room by name', params: RoomNameParams, response: { 200: Room, ...errorResponses } },
    handler: async (request) => rooms.toDto(await rooms.getByName(request.params.room_name)),
  });

  app.patch('/rooms/:room_id', {
    schema: {
      tags,
      security,
      summary: 'Change a room (owner only)',
      params: RoomIdParams,
      body: RoomUpdateBody,
      response: { 200: Room, ...errorResponses },
    },
    handler: async (request) => rooms.update(requireUser(request), request.params.room_id, request.body),
  });

  app.delete('/rooms/:room_id', {
    schema: {
      tags,
      security,
      summary: 'Delete a room and its meetings (owner only)',
      params: RoomIdParams,
      response: { 204: z.null(), ...errorResponses },
    },
    handler: async (request, reply) => {
      await rooms.delete(requireUser(request), request.params.room_id);
      return reply.code(204).send(null);
    },
  });
};
