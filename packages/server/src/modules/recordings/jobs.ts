import { z } from 'zod';
import { defineJob, type JobDefinition, type JobInfo } from '../../jobs/define.js';

const RecordingPayload = z.object({ recordingId: z.uuid() });
const StartPayload = z.object({ meetingId: z.uuid() });
const SweepPayload = z.object({});

/** How often `recording.sweep` looks for recordings whose download job ended without finishing them. */
export const RECORDING_SWEEP_SECONDS = 120;

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
    /** Periodic: recordings left `pending`/`downloading` by a download job that ended (killed on its last attempt) → `error`. */
    'recording.sweep': z.input<typeof SweepPayload>;
  }
}

/** What the recordings jobs call. */
export interface RecordingJobHandlers {
  start(meetingId: string): Promise<void>;
  /** `job` tells the last attempt: a transient failure then ends the recording in `error`. */
  download(recordingId: string, job: JobInfo): Promise<void>;
  validate(recordingId: string, job: JobInfo): Promise<void>;
  purge(recordingId: string): Promise<void>;
  sweep(): Promise<void>;
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
      handle: (p, job) => h.download(p.recordingId, job),
    }),
    defineJob({
      name: 'recording.validate',
      schema: RecordingPayload,
      queue: { policy: 'stately', retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: 300 },
      handle: (p, job) => h.validate(p.recordingId, job),
    }),
    defineJob({
      name: 'recording.purge',
      schema: RecordingPayload,
      queue: { policy: 'stately', retryLimit: 10, retryDelay: 2, retryBackoff: true, expireInSeconds: 300 },
      handle: (p) => h.purge(p.recordingId),
    }),
    defineJob({
      name: 'recording.sweep',
      schema: SweepPayload,
      queue: { policy: 'stately', retryLimit: 0, expireInSeconds: 120 },
      everySeconds: RECORDING_SWEEP_SECONDS,
      handle: () => h.sweep(),
    }),
  ];
}
