import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define.js';

const RecordingPayload = z.object({ recordingId: z.uuid() });
const StartPayload = z.object({ meetingId: z.uuid() });

declare module '../../jobs/types.js' {
  interface JobPayloads {
    /** Starts the provider recording of a meeting (server-started providers); one per meeting at a time. */
    'recording.start': z.input<typeof StartPayload>;
    /** Copies a recording's objects into storage, then validates them; singleton per recording id. */
    'recording.download': z.input<typeof RecordingPayload>;
    /** Validates a recording already in storage (uploads); singleton per recording id. */
    'recording.validate': z.input<typeof RecordingPayload>;
    /** Deletes a recording's source objects and stored audio (consent refused); retried until all are gone. */
    'recording.purge': z.input<typeof RecordingPayload>;
  }
}

/** What the recordings jobs call. */
export interface RecordingJobHandlers {
  start(meetingId: string): Promise<void>;
  download(recordingId: string): Promise<void>;
  validate(recordingId: string): Promise<void>;
  purge(recordingId: string): Promise<void>;
}

/** The recordings module's queues. */
export function recordingJobs(deps: { handlers: RecordingJobHandlers; downloadTimeoutSeconds: number }): JobDefinition[] {
  const h = deps.handlers;
  return [
    defineJob({
      name: 'recording.start',
      schema: StartPayload,
      // Daily allows 5 starts per 5 s per domain: a 429 is retried with backoff (2, 4, 8 … s).
      queue: { policy: 'stately', retryLimit: 8, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 },
      handle: (p) => h.start(p.meetingId),
    }),
    defineJob({
      name: 'recording.download',
      schema: RecordingPayload,
      // A worker killed mid-download leaves the job active: it expires after RECORDING_DOWNLOAD_TIMEOUT_SECONDS
      // and runs again. Puts are atomic, so the rerun finds nothing half-written.
      queue: { policy: 'stately', retryLimit: 6, retryDelay: 5, retryBackoff: true, expireInSeconds: deps.downloadTimeoutSeconds },
      handle: (p) => h.download(p.recordingId),
    }),
    defineJob({
      name: 'recording.validate',
      schema: RecordingPayload,
      queue: { policy: 'stately', retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: 300 },
      handle: (p) => h.validate(p.recordingId),
    }),
    defineJob({
      name: 'recording.purge',
      schema: RecordingPayload,
      queue: { policy: 'stately', retryLimit: 10, retryDelay: 2, retryBackoff: true, expireInSeconds: 300 },
      handle: (p) => h.purge(p.recordingId),
    }),
  ];
}
