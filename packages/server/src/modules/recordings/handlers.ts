import { PermanentJobError, type JobInfo } from '../../jobs/define.js';
import type { RecordingDownloader } from './download.js';
import type { RecordingJobHandlers } from './jobs.js';
import type { RecordingStarter } from './starter.js';
import type { DownloadSweep } from './sweep.js';
import type { RecordingValidator } from './validate.js';

export interface RecordingWorkDeps {
  starter: RecordingStarter;
  downloader: RecordingDownloader;
  validator: RecordingValidator;
  sweep: DownloadSweep;
  /** Ends a recording still `pending`/`downloading` in `error` with `reason` (its job gave up). */
  gaveUp(recordingId: string, reason: string): Promise<void>;
  /** Called once a recording reached a final recording state (`stored`, `invalid`, `error`). */
  processed(recordingId: string): Promise<void>;
  purge(recordingId: string): Promise<void>;
}

/** What the `recording.*` jobs run: download → validate → (consent) purge. */
export function recordingWork(deps: RecordingWorkDeps): RecordingJobHandlers {
  /**
   * Runs one attempt. When it fails for good (a permanent failure, or any failure on the job's last
   * attempt) a recording still in progress ends `error` with the reason: nothing else would move it
   * again. A failure that already set the outcome (`error`/`invalid` with the provider's or the
   * download's reason) stands.
   */
  const attempt = async (recordingId: string, job: JobInfo, what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      const permanent = error instanceof PermanentJobError;
      if (!permanent && job.retryCount < job.retryLimit) throw error;
      const reason = permanent
        ? `${what} failed: ${messageOf(error)}`
        : `${what} failed after ${job.retryCount + 1} attempts: ${messageOf(error)}`;
      await deps.gaveUp(recordingId, reason);
      throw permanent ? error : new PermanentJobError(reason, { cause: error });
    } finally {
      await deps.processed(recordingId);
    }
  };
  return {
    start: (meetingId) => deps.starter.startJob(meetingId),
    download: (recordingId, job) =>
      attempt(recordingId, job, 'the download', async () => {
        if (await deps.downloader.download(recordingId)) await deps.validator.validate(recordingId);
      }),
    validate: (recordingId, job) =>
      attempt(recordingId, job, 'validation', async () => {
        await deps.validator.validate(recordingId);
      }),
    purge: (recordingId) => deps.purge(recordingId),
    sweep: async () => {
      await deps.sweep.sweep();
    },
  };
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  return message.replace(/^retrying: /, '');
}
