import type { Readable } from 'node:stream';
import { EXPORT_CONTENT_TYPES, exportTranscript, type ExportFormat } from '@meetbridge/pipeline';
import type { Executor } from '../../db/client.js';
import type { TranscriptRow } from '../../db/schema/index.js';
import type { JobSender } from '../../jobs/types.js';
import { ConflictError, ForbiddenError, GoneError, NotFoundError } from '../../lib/errors.js';
import type { User } from '../../plugins/auth.js';
import type { ByteRange, Storage } from '../../storage/index.js';
import type { RoomService } from '../rooms/service.js';
import type { RecordingsPort } from './recordings-port.js';
import { toTranscriptDto, toTranscriptSummary, type TranscriptRepo } from './repo.js';
import type { Transcript, TranscriptList, TranscriptSummary } from './schemas.js';

/** A recording that reached storage, as the recordings module reports it. */
export interface StoredRecording {
  id: string;
  meetingId: string | null;
  roomId: string | null;
  kind: 'tracks' | 'composite';
}

/** A download: file name, content type and text. */
export interface TranscriptDownload {
  filename: string;
  contentType: string;
  body: string;
}

/** The mixed MP3, whole or a byte range of it. */
export interface AudioResponse {
  size: number;
  range: Required<ByteRange> | null;
  body: Readable;
}

/** An unsatisfiable `Range`: answered 416 with `Content-Range: bytes *\/size`. */
export class RangeNotSatisfiableError extends Error {
  constructor(readonly size: number) {
    super(`The requested range lies outside the ${size} bytes of the audio.`);
    this.name = 'RangeNotSatisfiableError';
  }
}

/**
 * Parses a single-range `Range: bytes=…` header against `size`. `null`: serve the whole file (no
 * header, a syntax we do not handle, or several ranges: RFC 9110 lets a server ignore them).
 */
export function parseRange(header: string | undefined, size: number): Required<ByteRange> | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  let start: number;
  let end: number;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) throw new RangeNotSatisfiableError(size);
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (Number(match[2] || start) < start) return null; // invalid: ignored, as RFC 9110 says
  }
  if (start >= size || size === 0) throw new RangeNotSatisfiableError(size);
  return { start, end };
}

/** Transcript use cases: creation for a stored recording, the owner's reads, downloads, audio, reprocess. */
export class TranscriptService {
  constructor(
    private readonly deps: {
      repo: TranscriptRepo;
      rooms: RoomService;
      recordings: RecordingsPort;
      storage: Storage;
      jobs: JobSender;
    },
  ) {}

  /**
   * A recording is stored: its transcript is created and `pipeline.prepare` queued, in the caller's
   * transaction (the recordings module's, which marked it stored). Idempotent per recording.
   */
  async recordingStored(tx: Executor, recording: StoredRecording): Promise<string | null> {
    const userId = recording.roomId ? await this.deps.rooms.ownerOf(recording.roomId, tx) : null;
    const row = await this.deps.repo.createForRecording(tx, {
      recordingId: recording.id,
      meetingId: recording.meetingId,
      roomId: recording.roomId,
      userId,
      kind: recording.kind,
    });
    if (!row) return null;
    await this.deps.jobs.send('pipeline.prepare', { transcriptId: row.id, run: row.run }, { tx, singletonKey: `${row.id}:${row.run}` });
    return row.id;
  }

  /** The consent purge (recordings module) deleted the audio: the segments stay, `/audio` answers 410 from now on. */
  async markAudioDeleted(recordingId: string): Promise<void> {
    await this.deps.repo.markAudioDeleted(recordingId);
  }

  /** The transcript row of a recording (other modules, tests), whoever owns it. */
  ofRecording(recordingId: string): Promise<TranscriptRow | undefined> {
    return this.deps.repo.byRecording(recordingId);
  }

  /** The transcript, if `user` owns it: 404 when there is none, 403 for anyone else. */
  private async owned(user: User, id: string): Promise<TranscriptRow> {
    const row = await this.deps.repo.byId(id);
    if (!row) throw new NotFoundError(`No transcript with id ${id}.`);
    if (row.userId !== user.id) throw new ForbiddenError("Only the room owner may see this room's transcripts.");
    return row;
  }

  async list(user: User, filter: { roomId?: string; meetingId?: string }, page: number, pageSize: number): Promise<TranscriptList> {
    const { rows, total } = await this.deps.repo.list({ userId: user.id, ...filter }, page, pageSize);
    return { items: rows.map(toTranscriptSummary), total, page, page_size: pageSize };
  }

  async read(user: User, id: string): Promise<Transcript> {
    return toTranscriptDto(await this.owned(user, id));
  }

  /** The transcripts of these recordings that `user` may see (for a meeting's page). */
  async forRecordings(user: User | null, recordingIds: readonly string[]): Promise<TranscriptSummary[]> {
    if (!user) return [];
    const rows = await this.deps.repo.byRecordings(recordingIds);
    return rows.filter((r) => r.userId === user.id).map(toTranscriptSummary);
  }

  async download(user: User, id: string, format: ExportFormat): Promise<TranscriptDownload> {
    const row = await this.owned(user, id);
    if (row.status !== 'done') throw new ConflictError(`The transcript is ${row.status}; downloads are available once it is done.`);
    const summary = row.summary ? { title: row.title ?? '', summary: row.summary, topics: row.topics, actionItems: row.actionItems } : null;
    const body = exportTranscript(
      {
        segments: row.segments.map((s) => ({ ...s, words: s.words ?? [] })),
        title: row.title,
        language: row.language,
        duration: row.duration,
        summary,
      },
      format,
    );
    return { filename: `transcript-${row.id}.${format}`, contentType: EXPORT_CONTENT_TYPES[format], body };
  }

  /** The mixed MP3 (or a range of it): 410 once consent purged it, 404 before it is prepared. */
  async audio(user: User, id: string, rangeHeader: string | undefined): Promise<AudioResponse> {
    const row = await this.owned(user, id);
    if (row.audioDeleted)
      throw new GoneError('The audio was deleted because a participant did not consent to keeping it; the transcript text remains.');
    const stat = row.audioKey ? await this.deps.storage.stat(row.audioKey) : null;
    if (!row.audioKey || !stat) throw new NotFoundError('The audio of this transcript is not prepared yet.');
    const range = parseRange(rangeHeader, stat.size);
    const body = await this.deps.storage.get(row.audioKey, range ?? undefined);
    return { size: stat.size, range, body };
  }

  /** Starts a new run from the stored recording: 409 while a run is under way or when the audio was purged. */
  async reprocess(user: User, id: string): Promise<Transcript> {
    const current = await this.owned(user, id);
    const recording = await this.deps.recordings.get(current.recordingId);
    if (!recording || recording.audioDeleted || current.audioDeleted) {
      throw new ConflictError("The recording's audio was deleted (consent refused), so the transcript cannot be processed again.");
    }
    const row = await this.deps.repo.transaction(async (tx) => {
      const restarted = await this.deps.repo.restart(id, tx);
      if (restarted) {
        await this.deps.jobs.send(
          'pipeline.prepare',
          { transcriptId: restarted.id, run: restarted.run },
          { tx, singletonKey: `${restarted.id}:${restarted.run}` },
        );
      }
      return restarted;
    });
    if (!row) throw new ConflictError(`The transcript is ${current.status}: wait until the current run ends, then reprocess.`);
    return toTranscriptDto(row);
  }
}
