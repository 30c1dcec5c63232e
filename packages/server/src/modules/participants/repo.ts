import { and, asc, count, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { joinReservation, meeting, participantSession, type MeetingRow, type ParticipantSessionRow } from '../../db/schema/index.js';

/** A database handle: the app's or a transaction's. */
export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** One participant's join or leave, as applied to `participant_session`. */
export interface SessionChange {
  providerSessionId: string;
  userId: string | null;
  userName: string | null;
  at: Date;
}

/**
 * Participant sessions and the counters derived from them. Every write is idempotent: a session is
 * keyed by `(meeting, provider session id)`, `joined_at` only moves earlier, and `left_at` is set
 * once and never cleared, so duplicates and any delivery order give the same final state.
 */
export class ParticipantRepo {
  /** Locks the meeting row for the rest of the transaction (serializes writers per meeting). */
  async lockMeeting(tx: Executor, meetingId: string): Promise<MeetingRow | undefined> {
    const [row] = await tx.select().from(meeting).where(eq(meeting.id, meetingId)).for('update');
    return row;
  }

  /** Records a join; returns true when the session is new. */
  async joined(tx: Executor, meetingId: string, c: SessionChange): Promise<boolean> {
    const rows = await tx
      .insert(participantSession)
      .values({ meetingId, providerSessionId: c.providerSessionId, userId: c.userId, userName: c.userName, joinedAt: c.at })
      .onConflictDoUpdate({
        target: [participantSession.meetingId, participantSession.providerSessionId],
        set: {
          joinedAt: sql`least(${participantSession.joinedAt}, excluded.joined_at)`,
          userId: sql`coalesce(${participantSession.userId}, excluded.user_id)`,
          userName: sql`coalesce(excluded.user_name, ${participantSession.userName})`,
        },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    return rows[0]?.inserted ?? false;
  }

  /** Records a leave (also when the join has not arrived yet). */
  async left(tx: Executor, meetingId: string, c: SessionChange): Promise<void> {
    await tx
      .insert(participantSession)
      .values({ meetingId, providerSessionId: c.providerSessionId, userId: c.userId, userName: c.userName, joinedAt: c.at, leftAt: c.at })
      .onConflictDoUpdate({
        target: [participantSession.meetingId, participantSession.providerSessionId],
        set: {
          leftAt: sql`coalesce(${participantSession.leftAt}, excluded.left_at)`,
          userId: sql`coalesce(${participantSession.userId}, excluded.user_id)`,
          userName: sql`coalesce(${participantSession.userName}, excluded.user_name)`,
        },
      });
  }

  async sessions(tx: Executor, meetingId: string): Promise<ParticipantSessionRow[]> {
    return tx
      .select()
      .from(participantSession)
      .where(eq(participantSession.meetingId, meetingId))
      .orderBy(asc(participantSession.joinedAt), asc(participantSession.providerSessionId));
  }

  /** Closes the given open sessions at `at`. */
  async close(tx: Executor, meetingId: string, providerSessionIds: string[], at: Date): Promise<void> {
    if (providerSessionIds.length === 0) return;
    await tx
      .update(participantSession)
      .set({ leftAt: at })
      .where(
        and(
          eq(participantSession.meetingId, meetingId),
          isNull(participantSession.leftAt),
          inArray(participantSession.providerSessionId, providerSessionIds),
        ),
      );
  }

  /** Closes every open session of a meeting (it was deactivated). */
  async closeAll(tx: Executor, meetingId: string, at: Date): Promise<void> {
    await tx
      .update(participantSession)
      .set({ leftAt: at })
      .where(and(eq(participantSession.meetingId, meetingId), isNull(participantSession.leftAt)));
  }

  /** Sets the meeting's count from its open sessions (providers without an absolute count). */
  async deriveCount(tx: Executor, meetingId: string): Promise<number> {
    const [row] = await tx
      .update(meeting)
      .set({
        numClients: sql`(select count(*)::int from ${participantSession} where ${participantSession.meetingId} = ${meetingId} and ${participantSession.leftAt} is null)`,
      })
      .where(eq(meeting.id, meetingId))
      .returning({ n: meeting.numClients });
    return row?.n ?? 0;
  }

  /** Open sessions of a meeting (provider session id → joined at). */
  async openSessions(tx: Executor, meetingId: string): Promise<Map<string, Date>> {
    const rows = await tx
      .select({ id: participantSession.providerSessionId, joinedAt: participantSession.joinedAt })
      .from(participantSession)
      .where(and(eq(participantSession.meetingId, meetingId), isNull(participantSession.leftAt)));
    return new Map(rows.map((r) => [r.id, r.joinedAt]));
  }

  /** True when the meeting ever had a participant session. */
  async hadSessions(tx: Executor, meetingId: string): Promise<boolean> {
    const rows = await tx
      .select({ id: participantSession.id })
      .from(participantSession)
      .where(eq(participantSession.meetingId, meetingId))
      .limit(1);
    return rows.length > 0;
  }

  /** Applies the provider's absolute count only if it is newer than the last one applied. */
  async applyAbsoluteCount(tx: Executor, meetingId: string, n: number, at: Date): Promise<void> {
    await tx
      .update(meeting)
      .set({ numClients: n, numClientsAt: at })
      .where(and(eq(meeting.id, meetingId), or(isNull(meeting.numClientsAt), lt(meeting.numClientsAt, at))));
  }

  /** True when someone joined after `at` and is still in the call (a later "ended" is stale). */
  async joinedSince(tx: Executor, meetingId: string, at: Date): Promise<boolean> {
    const [row] = await tx
      .select({ n: count() })
      .from(participantSession)
      .where(and(eq(participantSession.meetingId, meetingId), isNull(participantSession.leftAt), gt(participantSession.joinedAt, at)));
    return (row?.n ?? 0) > 0;
  }

  /**
   * Someone is in the call (at `at`): the empty-check streak restarts, and a provider "ended"
   * reported before `at` no longer applies.
   */
  async markPresent(tx: Executor, meetingId: string, at: Date): Promise<void> {
    await tx
      .update(meeting)
      .set({
        emptyChecks: 0,
        providerEndedAt: sql`case when ${meeting.providerEndedAt} < ${at.toISOString()} then null else ${meeting.providerEndedAt} end`,
      })
      .where(eq(meeting.id, meetingId));
  }

  /** One more periodic check found nobody in a meeting that had participants. */
  async countEmptyCheck(tx: Executor, meetingId: string): Promise<void> {
    await tx
      .update(meeting)
      .set({ emptyChecks: sql`${meeting.emptyChecks} + 1` })
      .where(eq(meeting.id, meetingId));
  }

  /** Holds a place for someone about to join. */
  async reserve(tx: Executor, meetingId: string, expiresAt: Date): Promise<{ id: string; expiresAt: Date }> {
    const [row] = await tx
      .insert(joinReservation)
      .values({ meetingId, expiresAt })
      .returning({ id: joinReservation.id, expiresAt: joinReservation.expiresAt });
    return row!;
  }

  /** Clears the oldest live reservation of a meeting (someone joined). */
  async clearOneReservation(tx: Executor, meetingId: string, now: Date): Promise<void> {
    await tx
      .delete(joinReservation)
      .where(
        eq(
          joinReservation.id,
          sql`(select ${joinReservation.id} from ${joinReservation} where ${joinReservation.meetingId} = ${meetingId} and ${joinReservation.expiresAt} > ${now.toISOString()} order by ${joinReservation.createdAt} limit 1)`,
        ),
      );
  }

  /** Deletes reservations that expired before `before` (they no longer protect anything). */
  async purgeReservations(tx: Executor, before: Date): Promise<void> {
    await tx.delete(joinReservation).where(lt(joinReservation.expiresAt, before));
  }

  async hasLiveReservation(tx: Executor, meetingId: string, now: Date): Promise<boolean> {
    const [row] = await tx
      .select({ n: count() })
      .from(joinReservation)
      .where(and(eq(joinReservation.meetingId, meetingId), gt(joinReservation.expiresAt, now)));
    return (row?.n ?? 0) > 0;
  }
}
