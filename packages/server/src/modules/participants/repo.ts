import { and, asc, count, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { participantSession, type ParticipantSessionRow } from '../../db/schema/index.js';

/** One participant's join or leave, as applied to `participant_session`. */
export interface SessionChange {
  providerSessionId: string;
  userId: string | null;
  userName: string | null;
  at: Date;
}

/**
 * The `participant_session` table. Every write is idempotent: a session is keyed by
 * `(meeting, provider session id)`, `joined_at` only moves earlier, and `left_at` is set once and
 * never cleared, so duplicates and any delivery order give the same final state.
 */
export class ParticipantRepo {
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

  /** One page of a meeting's sessions in the same order as `sessions`, and how many there are in all. */
  async sessionsPage(
    tx: Executor,
    meetingId: string,
    limit: number,
    offset: number,
  ): Promise<{ rows: ParticipantSessionRow[]; total: number }> {
    const rows = await tx
      .select()
      .from(participantSession)
      .where(eq(participantSession.meetingId, meetingId))
      .orderBy(asc(participantSession.joinedAt), asc(participantSession.providerSessionId))
      .limit(limit)
      .offset(offset);
    const [totals] = await tx.select({ n: count() }).from(participantSession).where(eq(participantSession.meetingId, meetingId));
    return { rows, total: totals?.n ?? 0 };
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

  /** Closes every open session of a meeting. */
  async closeAll(tx: Executor, meetingId: string, at: Date): Promise<void> {
    await tx
      .update(participantSession)
      .set({ leftAt: at })
      .where(and(eq(participantSession.meetingId, meetingId), isNull(participantSession.leftAt)));
  }

  /** Open sessions of a meeting (provider session id → joined at). */
  async openSessions(tx: Executor, meetingId: string): Promise<Map<string, Date>> {
    const rows = await tx
      .select({ id: participantSession.providerSessionId, joinedAt: participantSession.joinedAt })
      .from(participantSession)
      .where(and(eq(participantSession.meetingId, meetingId), isNull(participantSession.leftAt)));
    return new Map(rows.map((r) => [r.id, r.joinedAt]));
  }

  /** How many sessions of a meeting are open. */
  async openCount(tx: Executor, meetingId: string): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(participantSession)
      .where(and(eq(participantSession.meetingId, meetingId), isNull(participantSession.leftAt)));
    return row?.n ?? 0;
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

  /** True when someone joined after `at` and is still in the call. */
  async joinedSince(tx: Executor, meetingId: string, at: Date): Promise<boolean> {
    const [row] = await tx
      .select({ n: count() })
      .from(participantSession)
      .where(and(eq(participantSession.meetingId, meetingId), isNull(participantSession.leftAt), gt(participantSession.joinedAt, at)));
    return (row?.n ?? 0) > 0;
  }
}
