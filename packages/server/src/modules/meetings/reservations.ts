import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { joinReservation } from '../../db/schema/index.js';

/** How long a join reservation holds a meeting open. */
export const RESERVATION_SECONDS = 30;

/**
 * Live reservations one caller may hold in one meeting. Each keeps the meeting from ending for 30 s,
 * so an unlimited number would let anyone keep a meeting (and its provider room) alive.
 */
export const RESERVATIONS_PER_CALLER = 5;

/**
 * The `join_reservation` table: places held by people about to join. While one is live the meeting
 * is never deactivated, so two people joining at once cannot end up in different provider rooms.
 */
export class ReservationRepo {
  async reserve(tx: Executor, meetingId: string, expiresAt: Date, caller: string): Promise<{ id: string; expiresAt: Date }> {
    const [row] = await tx
      .insert(joinReservation)
      .values({ meetingId, expiresAt, caller })
      .returning({ id: joinReservation.id, expiresAt: joinReservation.expiresAt });
    return row!;
  }

  /** Clears the oldest live reservation of a meeting (someone joined). */
  async clearOne(tx: Executor, meetingId: string, now: Date): Promise<void> {
    await tx
      .delete(joinReservation)
      .where(
        eq(
          joinReservation.id,
          sql`(select ${joinReservation.id} from ${joinReservation} where ${joinReservation.meetingId} = ${meetingId} and ${joinReservation.expiresAt} > ${now.toISOString()} order by ${joinReservation.createdAt} limit 1)`,
        ),
      );
  }

  /** `clearOne` for several meetings in one statement: the `n` oldest live reservations of each. */
  async clearMany(tx: Executor, joined: ReadonlyMap<string, number>, now: Date): Promise<void> {
    if (joined.size === 0) return;
    const values = sql.join(
      [...joined].map(([meetingId, n]) => sql`(${meetingId}::uuid, ${n}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      delete from ${joinReservation} where ${joinReservation.id} in (
        select id from (
          select r.id, v.n, row_number() over (partition by r.meeting_id order by r.created_at) as rank
          from ${joinReservation} r join (values ${values}) as v(meeting_id, n) on r.meeting_id = v.meeting_id
          where r.expires_at > ${now.toISOString()}
        ) live where live.rank <= live.n)`);
  }

  /** Deletes reservations that expired before `before` (they no longer protect anything). */
  async purge(tx: Executor, before: Date): Promise<void> {
    await tx.delete(joinReservation).where(lt(joinReservation.expiresAt, before));
  }

  /** Live reservations `caller` holds in a meeting. */
  async liveForCaller(tx: Executor, meetingId: string, caller: string, now: Date): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(joinReservation)
      .where(and(eq(joinReservation.meetingId, meetingId), eq(joinReservation.caller, caller), gt(joinReservation.expiresAt, now)));
    return row?.n ?? 0;
  }

  async hasLive(tx: Executor, meetingId: string, now: Date): Promise<boolean> {
    const [row] = await tx
      .select({ n: count() })
      .from(joinReservation)
      .where(and(eq(joinReservation.meetingId, meetingId), gt(joinReservation.expiresAt, now)));
    return (row?.n ?? 0) > 0;
  }
}
