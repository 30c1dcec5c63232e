import type { Clock, LoggerLike } from '@meetbridge/platforms';
import type { RecordingRow } from '../../db/schema/index.js';
import type { JobInspector } from '../../jobs/types.js';
import type { RecordingRepo } from './repo.js';

/** Rows looked at per sweep; the next sweep takes the rest. */
const BATCH = 200;
/** A row changed more recently than this is left alone (its job is being sent or settled). */
export const SWEEP_GRACE_SECONDS = 60;

export interface DownloadSweepDeps {
  repo: RecordingRepo;
  jobs: JobInspector;
  /** Called for each recording the sweep ended (`ConsentService.afterProcessing`). */
  processed(recordingId: string): Promise<void>;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * `recording.sweep`: a recording left `pending` or `downloading` although no job will ever move it
 * again ends in `error`, so its owner sees it and can retry it. That happens when the worker running
 * the last attempt of its `recording.download` (or an upload's `recording.validate`) was killed: the
 * queue expires the job as failed and no handler runs. The last attempt that fails normally is
 * decided by the handler itself (`handlers.ts`). Robust by construction: a row is ended only when the
 * queue holds no job for it that may still run (queued, waiting for a retry, or active).
 */
export class DownloadSweep {
  constructor(private readonly deps: DownloadSweepDeps) {}

  /** Returns the number of recordings ended. */
  async sweep(): Promise<number> {
    const now = this.deps.clock.now();
    const rows = await this.deps.repo.inProgressSince(new Date(now.getTime() - SWEEP_GRACE_SECONDS * 1000), BATCH);
    // An upload's row exists while its bytes are still arriving; its validation is queued with its tracks.
    const uploads = rows.filter((r) => r.source?.kind === 'upload' && r.tracks.length > 0);
    const downloads = rows.filter((r) => r.source?.kind !== 'upload');
    const live = new Set([
      ...(await this.deps.jobs.liveKeys(
        'recording.validate',
        uploads.map((r) => r.id),
      )),
      ...(await this.deps.jobs.liveKeys(
        'recording.download',
        downloads.map((r) => r.id),
      )),
    ]);
    let ended = 0;
    for (const row of [...uploads, ...downloads]) {
      if (live.has(row.id)) continue;
      const reason = stuckReason(row);
      const failed = await this.deps.repo.failInProgress(row.id, reason, this.deps.clock.now());
      if (!failed) continue;
      ended++;
      this.deps.logger.warn(
        { recordingId: row.id, status: row.status, lastError: row.error },
        'recording left in progress by a job that ended; now error',
      );
      await this.deps.processed(row.id);
    }
    return ended;
  }
}

function stuckReason(row: RecordingRow): string {
  const what = row.source?.kind === 'upload' ? 'validation' : 'download';
  const last = row.error?.replace(/^retrying: /, '');
  return `the ${what} stopped without finishing (its retries ran out or its worker was stopped)${last ? `; last error: ${last}` : ''}`;
}
