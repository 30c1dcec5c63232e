import type { Clock, LoggerLike } from '@meetbridge/platforms';
import type { NewTranscriptRow, PreparedWork, TranscriptRow, TranscriptStage } from '../../db/schema/index.js';
import type { Storage } from '../../storage/index.js';
import type { OutboundWebhooks } from './outbound-webhooks.js';
import type { RecordingsPort } from './recordings-port.js';
import { toTranscriptDto, type TranscriptRepo } from './repo.js';

/**
 * The end of a run, `done` or `error`: in one transaction the transcript's final state, the
 * `transcript.completed` event for the room's webhook (on `done`). Then the run's intermediate files
 * are deleted and the recordings module is told that processing is over (its consent purge may run).
 */
export class TranscriptFinisher {
  constructor(
    private readonly deps: {
      repo: TranscriptRepo;
      recordings: RecordingsPort;
      webhooks: OutboundWebhooks;
      storage: Storage;
      clock: Clock;
      logger: LoggerLike;
      baseUrl: string;
    },
  ) {}

  /** The transcript is done (with `values`: segments, summary…). */
  async done(t: TranscriptRow, values: Partial<NewTranscriptRow>): Promise<void> {
    const target = await this.deps.webhooks.target(t.roomId);
    const finished = await this.deps.repo.transaction(async (tx) => {
      const row = await this.deps.repo.updateRun(
        t.id,
        t.run,
        { ...values, status: 'done', stage: 'done', progress: 1, error: null, work: null, completedAt: this.deps.clock.now() },
        tx,
      );
      if (!row) return undefined;
      if (target) await this.deps.webhooks.enqueue(tx, target, row.id, 'transcript.completed', this.eventData(row));
      return row;
    });
    if (!finished) return;
    this.deps.logger.info({ transcriptId: t.id, segments: finished.segments.length }, 'transcript done');
    await this.ended(t);
  }

  /** The run failed for good in `stage`; the segments of an earlier run (if any) are kept. */
  async fail(t: TranscriptRow, stage: TranscriptStage, message: string): Promise<void> {
    const failed = await this.deps.repo.updateRun(t.id, t.run, { status: 'error', stage, error: message, work: null });
    if (failed) await this.ended(t);
  }

  /**
   * After a run ended: its work files go, and the recordings module hears that processing is over
   * (its consent purge may run). Not in the run's transaction: the recordings module reads its own
   * rows; should this process die in between, the purge still runs on the next consent decision.
   */
  private async ended(t: TranscriptRow): Promise<void> {
    await this.cleanup(t.work);
    await this.deps.recordings
      .processingEnded(t.recordingId)
      .catch((err: unknown) => this.deps.logger.warn({ err, recordingId: t.recordingId }, 'could not tell the recordings module'));
  }

  /** What `transcript.completed` carries: the transcript as the API shows it, and where to fetch more. */
  private eventData(row: TranscriptRow): unknown {
    const self = `${this.deps.baseUrl}/v1/transcripts/${row.id}`;
    // Word timings stay out of the event (they multiply its size); `links.self` has them.
    const transcript = { ...toTranscriptDto(row), segments: row.segments.map(({ words: _words, ...segment }) => segment) };
    return {
      transcript,
      links: { self, audio: row.audioKey && !row.audioDeleted ? `${self}/audio` : null, download: `${self}/download?format=vtt` },
    };
  }

  /** Deletes the run's placed tracks (best effort: a leftover costs disk, not correctness). */
  private async cleanup(work: PreparedWork | null): Promise<void> {
    for (const track of work?.tracks ?? []) {
      await this.deps.storage
        .delete(track.key)
        .catch((err: unknown) => this.deps.logger.warn({ err, key: track.key }, 'could not delete a work file'));
    }
  }
}
