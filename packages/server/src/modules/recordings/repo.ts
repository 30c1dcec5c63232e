import { and, desc, eq, inArray, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import {
  meetingConsent,
  recording,
  type NewRecordingRow,
  type RecordingRow,
  type RecordingSourceRef,
  type RecordingStatus,
  type StoredTrack,
} from '../../db/schema/index.js';

/** The `recording` and `meeting_consent` tables: every read and write of their rows goes through here. */
export class RecordingRepo {
  constructor(private readonly db: Db) {}

  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  async byId(id: string, tx: Executor = this.db): Promise<RecordingRow | undefined> {
    const [row] = await tx.select().from(recording).where(eq(recording.id, id));
    return row;
  }

  async byProviderId(platform: string, providerRecordingId: string, tx: Executor = this.db): Promise<RecordingRow | undefined> {
    const [row] = await tx
      .select()
      .from(recording)
      .where(and(eq(recording.platform, platform), eq(recording.providerRecordingId, providerRecordingId)));
    return row;
  }

  /** Locks a recording row for the rest of the transaction. */
  async lock(tx: Executor, id: string): Promise<RecordingRow | undefined> {
    const [row] = await tx.select().from(recording).where(eq(recording.id, id)).for('update');
    return row;
  }

  async ofMeeting(meetingId: string, tx: Executor = this.db): Promise<RecordingRow[]> {
    return tx.select().from(recording).where(eq(recording.meetingId, meetingId)).orderBy(desc(recording.createdAt), desc(recording.id));
  }

  /** A recording of ours still running in a meeting: started (`pending`), its file not reported yet. */
  async runningOf(meetingId: string, tx: Executor = this.db): Promise<RecordingRow | undefined> {
    const [row] = await tx
      .select()
      .from(recording)
      .where(and(eq(recording.meetingId, meetingId), eq(recording.status, 'pending'), isNull(recording.source)))
      .orderBy(desc(recording.createdAt))
      .limit(1);
    return row;
  }

  /** Inserts once per (platform, provider recording id); `undefined` when the row already existed. */
  async insertOnce(values: NewRecordingRow, tx: Executor = this.db): Promise<RecordingRow | undefined> {
    const [row] = await tx
      .insert(recording)
      .values(values)
      .onConflictDoNothing({ target: [recording.platform, recording.providerRecordingId] })
      .returning();
    return row;
  }

  /**
   * Gives a started recording (a `pending` row with no source yet) the source its provider reported
   * ready; `undefined` when it already had one (a duplicate notice) or left `pending`.
   */
  async attachSource(
    tx: Executor,
    id: string,
    values: { kind: RecordingRow['kind']; source: RecordingSourceRef; recordedAt: Date | null; durationMs: number | null; at: Date },
  ): Promise<RecordingRow | undefined> {
    const [row] = await tx
      .update(recording)
      .set({
        kind: values.kind,
        source: values.source,
        recordedAt: sql`coalesce(${recording.recordedAt}, ${values.recordedAt?.toISOString() ?? null}::timestamptz)`,
        durationMs: sql`coalesce(${recording.durationMs}, ${values.durationMs}::integer)`,
        updatedAt: values.at,
      })
      .where(and(eq(recording.id, id), eq(recording.status, 'pending'), isNull(recording.source)))
      .returning();
    return row;
  }

  /** Sets fields of a recording (status moves, results, errors). */
  async update(
    id: string,
    values: Partial<{
      status: RecordingStatus;
      error: string | null;
      tracks: StoredTrack[];
      sizeBytes: number | null;
      durationMs: number | null;
      audioDeleted: boolean;
      source: RecordingSourceRef;
      meetingId: string;
      roomId: string;
    }>,
    at: Date,
    tx: Executor = this.db,
  ): Promise<RecordingRow | undefined> {
    const [row] = await tx
      .update(recording)
      .set({ ...values, updatedAt: at })
      .where(eq(recording.id, id))
      .returning();
    return row;
  }

  /**
   * Ends a recording whose download (or upload validation) gave up: `error` with `reason`, only while
   * it is still `pending` or `downloading` (a result written meanwhile stands). The source stays.
   */
  async failInProgress(id: string, reason: string, at: Date, tx: Executor = this.db): Promise<RecordingRow | undefined> {
    const [row] = await tx
      .update(recording)
      .set({ status: 'error', error: reason, updatedAt: at })
      .where(and(eq(recording.id, id), inArray(recording.status, ['pending', 'downloading'])))
      .returning();
    return row;
  }

  /**
   * Recordings with a source that have been `pending` or `downloading` since before `before`: the
   * candidates of the sweep for downloads whose job died (their job is then checked).
   */
  async inProgressSince(before: Date, limit: number, tx: Executor = this.db): Promise<RecordingRow[]> {
    return tx
      .select()
      .from(recording)
      .where(and(inArray(recording.status, ['pending', 'downloading']), isNotNull(recording.source), lt(recording.updatedAt, before)))
      .orderBy(recording.updatedAt)
      .limit(limit);
  }

  /** A recording in `error` back to `pending` for another download (its owner's retry); `undefined` when not in `error`. */
  async resetForRetry(tx: Executor, id: string, at: Date): Promise<RecordingRow | undefined> {
    const [row] = await tx
      .update(recording)
      .set({ status: 'pending', error: null, updatedAt: at })
      .where(and(eq(recording.id, id), eq(recording.status, 'error')))
      .returning();
    return row;
  }

  /** Records one participant's consent decision; a later one replaces it. */
  async upsertConsent(meetingId: string, participantKey: string, consentGiven: boolean, at: Date, tx: Executor = this.db): Promise<void> {
    await tx
      .insert(meetingConsent)
      .values({ meetingId, participantKey, consentGiven, decidedAt: at })
      .onConflictDoUpdate({
        target: [meetingConsent.meetingId, meetingConsent.participantKey],
        set: { consentGiven, decidedAt: at },
      });
  }

  /** True when someone in the meeting declined to be recorded. */
  async anyDeclined(meetingId: string, tx: Executor = this.db): Promise<boolean> {
    const [row] = await tx
      .select({ one: sql<number>`1` })
      .from(meetingConsent)
      .where(and(eq(meetingConsent.meetingId, meetingId), eq(meetingConsent.consentGiven, false)))
      .limit(1);
    return row !== undefined;
  }
}
