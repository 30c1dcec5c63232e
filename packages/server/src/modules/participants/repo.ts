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

/** A join or a leave, of one session of one meeting. */
export interface SessionWrite {
  meetingId: string;
  kind: 'join' | 'leave';
  change: SessionChange;
}

/** Several writes of one session folded into what applying them in order would leave. */
interface FoldedSession {
  meetingId: string;
  providerSessionId: string;
  firstKind: 'join' | 'leave';
  /** `joined_at` of a row these writes create: the first write's time, or an earlier join's. */
  insertJoinedAt: Date;
  /** The earliest join (an existing row's `joined_at` only moves earlier, and only by a join). */
  minJoinAt: Date | null;
  /** The first leave (`left_at` is set once). */
  firstLeaveAt: Date | null;
  /** The first user id given (it only fills an empty one). */
  userId: string | null;
  /** The last name a join gave (a join's name replaces the stored one). */
  lastJoinName: string | null;
  /** The first name a leave gave (a leave's name only fills an empty one). */
  firstLeaveName: string | null;
}

function fold(writes: readonly SessionWrite[]): FoldedSession[] {
  const byKey = new Map<string, FoldedSession>();
  for (const { meetingId, kind, change: c } of writes) {
    const key = `${meetingId}\u0000${c.providerSessionId}`;
    let f = byKey.get(key);
    if (!f) {
      f = {
        meetingId,
        providerSessionId: c.providerSessionId,
        firstKind: kind,
        insertJoinedAt: c.at,
        minJoinAt: null,
        firstLeaveAt: null,
        userId: null,
        lastJoinName: null,
        firstLeaveName: null,
      };
      byKey.set(key, f);
    }
    f.userId ??= c.userId;
    if (kind === 'join') {
      if (!f.minJoinAt || c.at < f.minJoinAt) f.minJoinAt = c.at;
      if (c.at < f.insertJoinedAt) f.insertJoinedAt = c.at;
      if (c.userName !== null) f.lastJoinName = c.userName;
    } else {
      f.firstLeaveAt ??= c.at;
      f.firstLeaveName ??= c.userName;
    }
  }
  return [...byKey.values()];
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

  /**
   * Applies joins and leaves of any number of sessions in two statements, leaving exactly what
   * `joined`/`left` one at a time in the same order would (the writes of each session are folded
   * first: see `FoldedSession`). Callers hold the meetings' locks, so nothing else writes these
   * sessions between the two statements. Returns, per meeting, how many sessions a join made new.
   */
  async applyMany(tx: Executor, writes: readonly SessionWrite[]): Promise<Map<string, number>> {
    const created = new Map<string, number>();
    if (writes.length === 0) return created;
    const sessions = fold(writes);
    const inserted = await tx
      .insert(participantSession)
      .values(
        sessions.map((f) => ({
          meetingId: f.meetingId,
          providerSessionId: f.providerSessionId,
          userId: f.userId,
          userName: f.lastJoinName ?? f.firstLeaveName,
          joinedAt: f.insertJoinedAt,
          leftAt: f.firstLeaveAt,
        })),
      )
      .onConflictDoNothing({ target: [participantSession.meetingId, participantSession.providerSessionId] })
      .returning({ meetingId: participantSession.meetingId, providerSessionId: participantSession.providerSessionId });
    const isNew = new Set(inserted.map((r) => `${r.meetingId}\u0000${r.providerSessionId}`));
    const existing: FoldedSession[] = [];
    for (const f of sessions) {
      if (!isNew.has(`${f.meetingId}\u0000${f.providerSessionId}`)) existing.push(f);
      else if (f.firstKind === 'join') created.set(f.meetingId, (created.get(f.meetingId) ?? 0) + 1);
    }
    if (existing.length === 0) return created;
    const ts = (d: Date | null) => (d ? d.toISOString() : null);
    const values = sql.join(
      existing.map(
        (f) =>
          sql`(${f.meetingId}::uuid, ${f.providerSessionId}::text, ${ts(f.minJoinAt)}::timestamptz, ${ts(f.firstLeaveAt)}::timestamptz, ${f.userId}::text, ${f.lastJoinName}::text, ${f.firstLeaveName}::text)`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update ${participantSession} set
        joined_at = case when v.min_join is null then ${participantSession.joinedAt} else least(${participantSession.joinedAt}, v.min_join) end,
        left_at = coalesce(${participantSession.leftAt}, v.first_leave),
        user_id = coalesce(${participantSession.userId}, v.user_id),
        user_name = coalesce(v.last_join_name, ${participantSession.userName}, v.first_leave_name)
      from (values ${values}) as v(meeting_id, session_id, min_join, first_leave, user_id, last_join_name, first_leave_name)
      where ${participantSession.meetingId} = v.meeting_id and ${participantSession.providerSessionId} = v.session_id`);
    return created;
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

  /** How many sessions are open in each of these meetings (every one of them is in the map). */
  async openCounts(tx: Executor, meetingIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>(meetingIds.map((id) => [id, 0]));
    if (meetingIds.length === 0) return counts;
    const rows = await tx
      .select({ meetingId: participantSession.meetingId, n: count() })
      .from(participantSession)
      .where(and(inArray(participantSession.meetingId, [...meetingIds]), isNull(participantSession.leftAt)))
      .groupBy(participantSession.meetingId);
    for (const row of rows) counts.set(row.meetingId, row.n);
    return counts;
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
