import type { RecordingDownloader } from './download.js';
import type { RecordingJobHandlers } from './jobs.js';
import type { RecordingStarter } from './starter.js';
import type { RecordingValidator } from './validate.js';

export interface RecordingWorkDeps {
  starter: RecordingStarter;
  downloader: RecordingDownloader;
  validator: RecordingValidator;
  /** Called once a recording reached a final recording state (`stored`, `invalid`, `error`). */
  processed(recordingId: string): Promise<void>;
  purge(recordingId: string): Promise<void>;
}

/** What the `recording.*` jobs run: download → validate → (consent) purge. */
export function recordingWork(deps: RecordingWorkDeps): RecordingJobHandlers {
  return {
    start: (meetingId) => deps.starter.startJob(meetingId),
    async download(recordingId) {
      try {
        if (await deps.downloader.download(recordingId)) await deps.validator.validate(recordingId);
      } finally {
        await deps.processed(recordingId);
      }
    },
    async validate(recordingId) {
      try {
        await deps.validator.validate(recordingId);
      } finally {
        await deps.processed(recordingId);
      }
    },
    purge: (recordingId) => deps.purge(recordingId),
  };
}
