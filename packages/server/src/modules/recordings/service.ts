import type { Clock, LoggerLike } from '@meetbridge/platforms';
import type { Executor } from '../../db/client.js';
import type { RecordingKind, RecordingRow, RecordingSourceRef } from '../../db/schema/index.js';
import type { JobSender } from '../../jobs/types.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import type { User } from '../../plugins/auth.js';
import type { MeetingService } from '../meetings/service.js';
import type { RecordingRepo } from './repo.js';
import { toRecordingDto, type RecordingDto } from './schemas.js';

/** A recording a provider reported (webhook, S3 notice, poll) or a client uploaded. */
export interface DiscoveredRecording {
  platform: string;
  /** The provider's recording id (Daily recording id, Whereby object key, mock upload id); unique per platform. */
  providerRecordingId: string;
  kind: RecordingKind;
  /** Where the bytes are. */
  source: RecordingSourceRef;
  /** When the recording started, when the provider says. */
  recordedAt: Date | null;
  /** The provider's duration, when it says (ffprobe's replaces it once stored). */
  durationMs?: number | null;
  /**
   * How to find its meeting when no row holds this provider recording id yet: our meeting id (when
   * the provider echoes it), else the provider room name (with `recordedAt` picking the nearest meeting).
   */
  meetingHint: { meetingId?: string | null; providerRoomName?: string | null };
}

/** What `discovered` did. */
export interface DiscoveredResult {
  recording: RecordingRow;
  /** False for a duplicate notice of a recording already known with its source. */
  created: boolean;
  /** A `recording.download` (or, for uploads, nothing yet) was queued in the caller's transaction. */
  downloadQueued: boolean;
}

export interface RecordingServiceDeps {
  repo: RecordingRepo;
  meetings: MeetingService;
  jobs: JobSender;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * The recordings module's entry points for other modules (the webhook router, the discovery
 * consumers, the mock upload, the pipeline). Every path into the model goes through `discovered`,
 * so one recording is one row and one download whichever way (and however often) it is reported.
 */
export class RecordingService {
  constructor(private readonly deps: RecordingServiceDeps) {}

  /**
   * Records a recording the provider reported ready, exactly once, and queues its download in the
   * same transaction. Linking: a row already holding this provider recording id (a recording we
   * started) → the hinted meeting id → the provider room name with the nearest start time. No
   * meeting → an `orphan` row (visible, never downloaded or retried). A repeated report of a
   * recording that already has its source changes nothing and queues nothing.
   *
   * Pass `tx` to join the caller's transaction (an inbox row committed with its recording); without
   * it the call runs in its own.
   */
  async discovered(input: DiscoveredRecording, options: { tx?: Executor } = {}): Promise<DiscoveredResult> {
    if (!options.tx) return this.deps.repo.transaction((tx) => this.discovered(input, { tx }));
    const tx = options.tx;
    const now = this.deps.clock.now();
    const existing = await this.deps.repo.byProviderId(input.platform, input.providerRecordingId, tx);
    if (existing) {
      const attached = await this.deps.repo.attachSource(tx, existing.id, {
        kind: input.kind,
        source: input.source,
        recordedAt: input.recordedAt,
        durationMs: input.durationMs ?? null,
        at: now,
      });
      if (!attached) return { recording: existing, created: false, downloadQueued: false };
      return { recording: attached, created: false, downloadQueued: await this.queueDownload(attached, tx) };
    }
    const found = await this.deps.meetings.findForRecording({ platform: input.platform, ...input.meetingHint, near: input.recordedAt }, tx);
    const inserted = await this.deps.repo.insertOnce(
      {
        meetingId: found?.meeting.id ?? null,
        roomId: found?.room.id ?? null,
        platform: input.platform,
        providerRecordingId: input.providerRecordingId,
        kind: input.kind,
        status: found ? 'pending' : 'orphan',
        source: input.source,
        recordedAt: input.recordedAt,
        durationMs: input.durationMs ?? null,
        error: found ? null : `no meeting matched (${describeHint(input)})`,
        createdAt: now,
        updatedAt: now,
      },
      tx,
    );
    if (!inserted) {
      // Inserted meanwhile by a concurrent report: theirs is the one.
      const winner = (await this.deps.repo.byProviderId(input.platform, input.providerRecordingId, tx))!;
      return { recording: winner, created: false, downloadQueued: false };
    }
    if (!found) {
      this.deps.logger.warn({ recordingId: inserted.id, platform: input.platform }, 'recording matched no meeting; kept as orphan');
      return { recording: inserted, created: true, downloadQueued: false };
    }
    return { recording: inserted, created: true, downloadQueued: await this.queueDownload(inserted, tx) };
  }

  /** Queues the download of a recording whose bytes are elsewhere (uploads are already in storage). */
  private async queueDownload(row: RecordingRow, tx: Executor): Promise<boolean> {
    if (row.source?.kind === 'upload') return false;
    await this.deps.jobs.send('recording.download', { recordingId: row.id }, { tx, singletonKey: row.id });
    return true;
  }

  /**
   * `POST /v1/recordings/{id}/retry` (room owner): a recording whose download ended in `error` is set
   * back to `pending` and its download (an upload's validation) queued, in one transaction. Its source
   * (keys, bucket, link kind) never left the row. 409 when it is not in `error`, when the provider
   * offered no file (a `recording.error` from the provider), or when its audio was deleted.
   */
  async retry(recordingId: string, user: User): Promise<RecordingDto> {
    const row = await this.deps.repo.byId(recordingId);
    if (!row) throw new NotFoundError(`No recording with id ${recordingId}.`);
    if (row.meetingId) {
      const { room } = await this.deps.meetings.get(row.meetingId);
      if (!this.deps.meetings.isOwner(room, user)) throw new ForbiddenError('Only the room owner may retry its recordings.');
    }
    if (row.status !== 'error') throw new ConflictError(`The recording is ${row.status}: only a recording in error can be retried.`);
    if (!row.source || (row.source.kind === 'upload' && row.tracks.length === 0)) {
      throw new ConflictError('There is nothing to download: the provider reported the recording failed without a file.');
    }
    if (row.audioDeleted) throw new ConflictError("The recording's audio was deleted (consent refused), so it cannot be downloaded again.");
    const source = row.source;
    const reset = await this.deps.repo.transaction(async (tx) => {
      const again = await this.deps.repo.resetForRetry(tx, row.id, this.deps.clock.now());
      if (!again) return undefined;
      if (source.kind === 'upload') await this.deps.jobs.send('recording.validate', { recordingId: row.id }, { tx, singletonKey: row.id });
      else await this.deps.jobs.send('recording.download', { recordingId: row.id }, { tx, singletonKey: row.id });
      return again;
    });
    if (!reset) throw new ConflictError('The recording changed meanwhile: only a recording in error can be retried.');
    this.deps.logger.info({ recordingId: row.id, previousError: row.error }, 'recording download retried by its owner');
    return toRecordingDto(reset, true);
  }

  async get(id: string, tx?: Executor): Promise<RecordingRow | undefined> {
    return this.deps.repo.byId(id, tx);
  }

  async ofMeeting(meetingId: string, tx?: Executor): Promise<RecordingRow[]> {
    return this.deps.repo.ofMeeting(meetingId, tx);
  }

  /** `GET /v1/meetings/{id}/recordings`: newest first; the room owner sees everything. */
  async listForMeeting(meetingId: string, user: User | null): Promise<RecordingDto[]> {
    const { room } = await this.deps.meetings.get(meetingId);
    const isOwner = this.deps.meetings.isOwner(room, user);
    return (await this.deps.repo.ofMeeting(meetingId)).map((row) => toRecordingDto(row, isOwner));
  }

  /** `GET /v1/recordings/{id}`. An orphan has no owner: everyone gets the reduced view. */
  async read(recordingId: string, user: User | null): Promise<RecordingDto> {
    const row = await this.deps.repo.byId(recordingId);
    if (!row) throw new NotFoundError(`No recording with id ${recordingId}.`);
    let isOwner = false;
    if (row.meetingId) {
      const { room } = await this.deps.meetings.get(row.meetingId);
      isOwner = this.deps.meetings.isOwner(room, user);
    }
    return toRecordingDto(row, isOwner);
  }
}

function describeHint(input: DiscoveredRecording): string {
  const parts = [
    input.meetingHint.meetingId ? `meeting id ${input.meetingHint.meetingId}` : null,
    input.meetingHint.providerRoomName ? `room ${input.meetingHint.providerRoomName}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no meeting hint';
}
