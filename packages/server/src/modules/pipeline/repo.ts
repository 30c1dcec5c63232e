import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { transcript, type NewTranscriptRow, type TranscriptRow, type TranscriptStatus } from '../../db/schema/index.js';
import type { Transcript, TranscriptSummary } from './schemas.js';

/** Statuses in which a run is under way (a reprocess must wait). */
export const RUNNING_STATUSES: readonly TranscriptStatus[] = ['queued', 'preparing', 'transcribing', 'summarizing'];
/** Statuses a reprocess may start from. */
export const SETTLED_STATUSES: readonly TranscriptStatus[] = ['done', 'error', 'awaiting_backend'];

/** Filters of the transcript list. */
export interface TranscriptFilter {
  userId: string;
  roomId?: string;
  meetingId?: string;
}

/** The `transcript` table: the only reader and writer. */
export class TranscriptRepo {
  constructor(private readonly db: Db) {}

  /** Runs `fn` in a transaction. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Creates the transcript of a recording; `null` when it already has one (idempotent). */
  async createForRecording(tx: Executor, values: NewTranscriptRow): Promise<TranscriptRow | null> {
    const [row] = await tx.insert(transcript).values(values).onConflictDoNothing({ target: transcript.recordingId }).returning();
    return row ?? null;
  }

  async byId(id: string, tx: Executor = this.db): Promise<TranscriptRow | undefined> {
    const [row] = await tx.select().from(transcript).where(eq(transcript.id, id));
    return row;
  }

  async byRecording(recordingId: string, tx: Executor = this.db): Promise<TranscriptRow | undefined> {
    const [row] = await tx.select().from(transcript).where(eq(transcript.recordingId, recordingId));
    return row;
  }

  /** The transcripts of these recordings (the meeting page's recording list). */
  async byRecordings(recordingIds: readonly string[]): Promise<TranscriptRow[]> {
    if (recordingIds.length === 0) return [];
    return this.db
      .select()
      .from(transcript)
      .where(inArray(transcript.recordingId, [...recordingIds]));
  }

  async list(filter: TranscriptFilter, page: number, pageSize: number): Promise<{ rows: TranscriptRow[]; total: number }> {
    const conditions: SQL[] = [eq(transcript.userId, filter.userId)];
    if (filter.roomId) conditions.push(eq(transcript.roomId, filter.roomId));
    if (filter.meetingId) conditions.push(eq(transcript.meetingId, filter.meetingId));
    const where = and(...conditions);
    const rows = await this.db
      .select()
      .from(transcript)
      .where(where)
      .orderBy(desc(transcript.createdAt), desc(transcript.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [totals] = await this.db.select({ n: count() }).from(transcript).where(where);
    return { rows, total: totals?.n ?? 0 };
  }

  /**
   * Updates the transcript if it is still in run `run` (a job of an earlier run, left over from
   * before a reprocess, changes nothing). Returns the updated row, or undefined.
   */
  async updateRun(id: string, run: number, values: Partial<NewTranscriptRow>, tx: Executor = this.db): Promise<TranscriptRow | undefined> {
    const [row] = await tx
      .update(transcript)
      .set({ ...values, updatedAt: new Date() })
      .where(and(eq(transcript.id, id), eq(transcript.run, run)))
      .returning();
    return row;
  }

  /** Starts a new run from a settled status; undefined when a run is under way (or no such transcript). */
  async restart(id: string, tx: Executor = this.db): Promise<TranscriptRow | undefined> {
    const [row] = await tx
      .update(transcript)
      .set({
        status: 'queued',
        stage: 'prepare',
        progress: 0,
        error: null,
        summaryError: null,
        run: sql`${transcript.run} + 1`,
        updatedAt: new Date(),
        completedAt: null,
      })
      .where(and(eq(transcript.id, id), inArray(transcript.status, [...SETTLED_STATUSES])))
      .returning();
    return row;
  }

  /** Transcripts waiting for a transcription backend, oldest first. */
  async awaitingBackend(limit: number): Promise<TranscriptRow[]> {
    return this.db.select().from(transcript).where(eq(transcript.status, 'awaiting_backend')).orderBy(transcript.createdAt).limit(limit);
  }

  /** Marks the mixed audio of a recording's transcript as deleted (consent purge). */
  async markAudioDeleted(recordingId: string, tx: Executor = this.db): Promise<TranscriptRow | undefined> {
    const [row] = await tx
      .update(transcript)
      .set({ audioDeleted: true, updatedAt: new Date() })
      .where(eq(transcript.recordingId, recordingId))
      .returning();
    return row;
  }
}

/** Row → API (without segments: lists). */
export function toTranscriptSummary(row: TranscriptRow): TranscriptSummary {
  return {
    id: row.id,
    recording_id: row.recordingId,
    meeting_id: row.meetingId,
    room_id: row.roomId,
    kind: row.kind,
    status: row.status,
    stage: row.stage,
    progress: row.progress,
    error: row.error,
    summary_error: row.summaryError,
    duration: row.duration,
    language: row.language,
    title: row.title,
    summary: row.summary,
    topics: row.topics,
    action_items: row.actionItems,
    audio_available: row.audioKey !== null && !row.audioDeleted,
    audio_deleted: row.audioDeleted,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
  };
}

/** Row → API, with segments. */
export function toTranscriptDto(row: TranscriptRow): Transcript {
  return { ...toTranscriptSummary(row), segments: row.segments };
}
