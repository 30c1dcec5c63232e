import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultMockState, mockProvider, verifyMockJoinToken, type Clock } from '@meetbridge/platforms';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../../lib/errors.js';
import { ProblemSchema } from '../../lib/problem-schema.js';

/**
 * Where the mock room page's recordings go. The recordings module implements it (the container
 * hands it in), so this module needs nothing of it: the upload goes through the same model,
 * storage and jobs as a provider's recording.
 */
export interface MockRecordingSink {
  receiveUpload(input: {
    platform: string;
    providerRoomName: string;
    /** The client's id of this recording; a repeated upload with the same id is the same recording. */
    providerRecordingId: string;
    /** The uploader, from the join token (`null`: anonymous). */
    userId: string | null;
    contentType: string;
    body: Readable;
  }): Promise<{ recordingId: string; status: string; created: boolean }>;
}

export interface MockUploadOptions {
  recordings: MockRecordingSink;
  /** The mock provider's secrets (`MOCK_WEBHOOK_SECRET`): join tokens are signed with a key derived from the first. */
  secrets: readonly string[];
  clock: Clock;
}

/** Media types the upload accepts (what MediaRecorder produces, and raw bytes). */
export const UPLOAD_TYPES = ['audio/webm', 'video/webm', 'audio/ogg', 'audio/mp4', 'video/mp4', 'application/octet-stream'];

const Params = z.object({ provider_room_name: z.string().min(1).max(200) });
const Query = z.object({
  recording_id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,100}$/)
    .optional()
    .describe('Your id of this recording (retries with the same id are the same recording). Default: a new one.'),
});
const Answer = z.object({
  recording_id: z.uuid().describe("Meetbridge's recording id (`GET /v1/recordings/{recording_id}`)."),
  status: z.string().describe('`pending` until the upload is validated (then `stored` or `invalid`).'),
});

/**
 * `POST /mock/rooms/{provider_room_name}/recordings`: the mock room page uploads what it recorded
 * (MediaRecorder output), authorized by the participant's join token (`Authorization: Bearer`,
 * from `POST /v1/rooms/{room}/meetings/{id}/join`). The body is streamed into storage.
 */
export const mockUploadRoutes: FastifyPluginAsyncZod<MockUploadOptions> = async (app, opts) => {
  // This scope alone takes raw media bodies, as a stream (never buffered): storage applies the size limit.
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.post('/mock/rooms/:provider_room_name/recordings', {
    schema: {
      tags: ['mock-provider'],
      summary: 'Upload what a mock room recorded',
      description:
        "What a participant's client does in the mock room: uploads its recording (audio/webm from MediaRecorder, up to RECORDING_MAX_BYTES) with its join token as `Authorization: Bearer <token>`. It becomes a recording of the meeting, stored and validated like a provider's (`recording.validate`). 401 without a valid token, 403 for a token of another room, 413 when larger than the limit.",
      params: Params,
      querystring: Query,
      response: { 201: Answer, 200: Answer, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 413: ProblemSchema },
    },
    config: { auth: false },
    handler: async (request, reply) => {
      const body = request.body as Readable;
      try {
        const room = request.params.provider_room_name;
        const header = request.headers.authorization ?? '';
        const token = /^Bearer (\S+)$/i.exec(header)?.[1];
        const grant = token ? verifyMockJoinToken(opts.secrets, token, opts.clock.now()) : null;
        if (!grant)
          throw new UnauthorizedError('Send the join token of this meeting: "Authorization: Bearer <token>" (it may have expired).');
        if (grant.room !== room) throw new ForbiddenError('This join token is for another room.');
        const live = defaultMockState.room(room);
        if (!live || live.deleted) throw new NotFoundError(`No active mock room "${room}".`);
        const result = await opts.recordings.receiveUpload({
          platform: mockProvider.name,
          providerRoomName: room,
          providerRecordingId: request.query.recording_id ?? randomUUID(),
          userId: grant.sub,
          contentType: request.headers['content-type'] ?? 'application/octet-stream',
          body,
        });
        if (!body.readableEnded) {
          // Already received (a repeated upload): its body is not read again.
          reply.header('connection', 'close');
          body.resume();
        }
        return reply.code(result.created ? 201 : 200).send({ recording_id: result.recordingId, status: result.status });
      } catch (error) {
        // A refused upload leaves its body unread: answer, then close the connection rather than read it all.
        reply.header('connection', 'close');
        body.resume();
        throw error;
      }
    },
  });
};
