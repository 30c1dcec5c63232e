import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, ProblemSchema } from '../../lib/problem-schema.js';
import { requireUser } from '../../plugins/auth.js';
import type { ConsentService } from './consent.js';
import {
  ConsentBody,
  ConsentResponse,
  MeetingIdParams,
  Recording,
  RecordingIdParams,
  RecordingList,
  StartRecordingResponse,
  StopRecordingResponse,
  toRecordingDto,
} from './schemas.js';
import type { RecordingService } from './service.js';
import type { RecordingStarter } from './starter.js';

const tags = ['recordings'];

export interface RecordingRoutesOptions {
  recordings: RecordingService;
  starter: RecordingStarter;
  consent: ConsentService;
}

/** Recordings of meetings: start/stop on providers that record from the server, read them. */
export const recordingRoutes: FastifyPluginAsyncZod<RecordingRoutesOptions> = async (app, { recordings, starter, consent }) => {
  app.post('/meetings/:meeting_id/recordings/start', {
    schema: {
      tags,
      security: [{ bearer: [] }],
      summary: "Start the meeting's recording (room owner only)",
      description:
        'For rooms that record in the cloud on a provider the server starts recordings on (capability `serverSideRecording`): the `prompt` trigger, or starting again after a stop. Raw tracks (one file per participant) where the provider has them. Idempotent: a recording already running answers `already_recording`. 409 when the provider records by itself or the meeting has ended; 422 when the room does not record in the cloud; 502/503 when the provider fails or is rate limited.',
      params: MeetingIdParams,
      response: {
        200: StartRecordingResponse,
        201: StartRecordingResponse,
        ...errorResponses,
        422: ProblemSchema,
        502: ProblemSchema,
        503: ProblemSchema,
      },
    },
    handler: async (request, reply) => {
      const outcome = await starter.startByOwner(request.params.meeting_id, requireUser(request));
      return reply.code(outcome.status === 'started' ? 201 : 200).send({
        status: outcome.status,
        recording: outcome.recording ? toRecordingDto(outcome.recording, true) : null,
      });
    },
  });

  app.post('/meetings/:meeting_id/recordings/stop', {
    schema: {
      tags,
      security: [{ bearer: [] }],
      summary: "Stop the meeting's recording (room owner only)",
      description:
        'Asks the provider to stop; the recording stays `pending` until the provider reports its file ready, then it is downloaded. Stopping when nothing records succeeds. Same 409/422 rules as start.',
      params: MeetingIdParams,
      response: { 202: StopRecordingResponse, ...errorResponses, 422: ProblemSchema, 502: ProblemSchema, 503: ProblemSchema },
    },
    handler: async (request, reply) => {
      await starter.stopByOwner(request.params.meeting_id, requireUser(request));
      return reply.code(202).send({ status: 'stopping' as const });
    },
  });

  app.get('/meetings/:meeting_id/recordings', {
    schema: {
      tags,
      summary: "A meeting's recordings",
      description: 'Newest first. The room owner also sees provider ids, sizes, errors and where the source files are.',
      params: MeetingIdParams,
      response: { 200: RecordingList, ...errorResponses },
    },
    handler: async (request) => ({ items: await recordings.listForMeeting(request.params.meeting_id, request.user) }),
  });

  app.post('/meetings/:meeting_id/consent', {
    schema: {
      tags,
      summary: 'Record whether this participant agrees to the meeting being recorded',
      description:
        "One decision per participant: the signed-in user, else `device_id` (an id the client keeps in local storage); a later answer replaces the earlier. Recording is never blocked: if anyone declines, once the recording is processed every source file (all tracks, in the provider's bucket) and the stored audio are deleted (`audio_deleted`). Rooms with `skip_consent` do not ask (`skipped`: nothing is stored).",
      params: MeetingIdParams,
      body: ConsentBody,
      response: { 200: ConsentResponse, ...errorResponses },
    },
    handler: async (request) => consent.decide(request.params.meeting_id, request.user, request.body),
  });

  app.get('/recordings/:recording_id', {
    schema: {
      tags,
      summary: 'Get a recording',
      description: 'The room owner also sees the provider id, sizes, errors and the source object keys.',
      params: RecordingIdParams,
      response: { 200: Recording, ...errorResponses },
    },
    handler: async (request) => recordings.read(request.params.recording_id, request.user),
  });

  app.post('/recordings/:recording_id/retry', {
    schema: {
      tags,
      security: [{ bearer: [] }],
      summary: 'Download a recording in error again (room owner only)',
      description:
        "For a recording whose download failed for good (`error`: its retries ran out, its worker was stopped on the last attempt, or the source was refused): sets it back to `pending` and queues its download, in one transaction. The source (bucket and keys, or the provider's link) is kept on the recording, so nothing needs to be reported again. 409 when the recording is not in `error`, when the provider reported it failed without a file, or when its audio was deleted (consent refused).",
      params: RecordingIdParams,
      response: { 202: Recording, ...errorResponses },
    },
    handler: async (request, reply) => reply.code(202).send(await recordings.retry(request.params.recording_id, requireUser(request))),
  });
};
