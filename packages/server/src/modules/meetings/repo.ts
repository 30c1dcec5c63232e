import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, not, or, sql, type SQL } from 'drizzle-orm';
import type { MeetingRef } from '@meetbridge/platforms';
import type { Db, Executor } from '../../db/client.js';
import { meeting, room, type MeetingRow, type NewMeetingRow, type RoomRow } from '../../db/schema/index.js';
import type { Meeting } from './schemas.js';

/** Why a meeting was deactivated. */
export type EndReason = 'expired' | 'provider_ended' | 'empty' | 'owner';

/** The `meeting` table: every read and write of meeting rows goes through here. */
export class MeetingRepo {
  constructor(private readonly db: Db) {}

  async byId(id: string, tx: Executor = this.db): Promise<{ meeting: MeetingRow; room: RoomRow } | undefined> {
    const [row] = await tx.select().from(meeting).innerJoin(room, eq(meeting.roomId, room.id)).where(eq(meeting.id, id));
    return row ? { meeting: row.meeting, room: row.room } : undefined;
  }

  async row(id: string, tx: Executor = this.db): Promise<MeetingRow | undefined> {
    const [row] = await tx.select().from(meeting).where(eq(meeting.id, id));
    return row;
  }

  /** Active meetings of a room that have not reached their end date, newest first. */
  async activeForRoom(roomId: string, now: Date, tx: Executor = this.db): Promise<MeetingRow[]> {
    return tx
      .select()
      .from(meeting)
      .where(and(eq(meeting.roomId, roomId), eq(meeting.isActive, true), gt(meeting.endDate, now)))
      .orderBy(desc(meeting.createdAt));
  }

  async insert(values: NewMeetingRow, tx: Executor = this.db): Promise<MeetingRow> {
    const [row] = await tx.insert(meeting).values(values).returning();
    return row!;
  }

  /**
   * Runs `fn` in a transaction holding the room's row lock (serializes meeting creation per room,
   * and against the room's deletion); `undefined` when the room is gone (deleted meanwhile).
   */
  async withRoomLock<T>(roomId: string, fn: (tx: Executor) => Promise<T>): Promise<T | undefined> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx.select({ id: room.id }).from(room).where(eq(room.id, roomId)).for('update');
      if (!locked) return undefined;
      return fn(tx);
    });
  }

  /** Runs `fn` in a transaction. */
  transaction<T>(fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }

  /** Locks the meeting row for the rest of the transaction (serializes writers per meeting). */
  async lock(tx: Executor, meetingId: string): Promise<MeetingRow | undefined> {
    const [row] = await tx.select().from(meeting).where(eq(meeting.id, meetingId)).for('update');
    return row;
  }

  /** Finds a meeting by the provider's room name or meeting id and locks it, in one statement. */
  async lockByProviderKeys(
    tx: Executor,
    platform: string,
    roomName: string | null,
    providerMeetingId: string | null,
  ): Promise<MeetingRow | undefined> {
    const keys = [
      roomName ? eq(meeting.providerRoomName, roomName) : undefined,
      providerMeetingId ? eq(meeting.providerMeetingId, providerMeetingId) : undefined,
    ].filter((k) => k !== undefined);
    if (keys.length === 0) return undefined;
    const [row] = await tx
      .select()
      .from(meeting)
      .where(and(eq(meeting.platform, platform), or(...keys)))
      .limit(1)
      .for('update');
    return row;
  }

  /**
   * Locks, in one statement and in id order, every meeting of these provider keys (per platform: room
   * names or provider meeting ids). Workers locking overlapping sets take the locks in the same order,
   * so they wait for each other instead of deadlocking.
   */
  async lockManyByProviderKeys(
    tx: Executor,
    keys: readonly { platform: string; roomNames: readonly string[]; meetingIds: readonly string[] }[],
  ): Promise<MeetingRow[]> {
    const conditions: SQL[] = [];
    for (const k of keys) {
      const either = [
        k.roomNames.length > 0 ? inArray(meeting.providerRoomName, [...k.roomNames]) : undefined,
        k.meetingIds.length > 0 ? inArray(meeting.providerMeetingId, [...k.meetingIds]) : undefined,
      ].filter((c) => c !== undefined);
      if (either.length > 0) conditions.push(and(eq(meeting.platform, k.platform), or(...either))!);
    }
    if (conditions.length === 0) return [];
    return tx
      .select()
      .from(meeting)
      .where(or(...conditions))
      .orderBy(asc(meeting.id))
      .for('update');
  }

  /**
   * The meeting of a provider room whose start is nearest to `near` (recordings found by room name:
   * Whereby's `{room}-{start}` object keys, a Daily room name). Room names are unique per platform,
   * so the time only breaks ties should that ever change.
   */
  async byProviderRoomName(
    platform: string,
    providerRoomName: string,
    near: Date | null,
    tx: Executor = this.db,
  ): Promise<{ meeting: MeetingRow; room: RoomRow } | undefined> {
    const at = (near ?? new Date()).toISOString();
    const [row] = await tx
      .select()
      .from(meeting)
      .innerJoin(room, eq(meeting.roomId, room.id))
      .where(and(eq(meeting.platform, platform), eq(meeting.providerRoomName, providerRoomName)))
      .orderBy(sql`abs(extract(epoch from (${meeting.startDate} - ${at}::timestamptz)))`)
      .limit(1);
    return row ? { meeting: row.meeting, room: row.room } : undefined;
  }

  /**
   * Whether a meeting row names this provider room. With `roomId`, first waits on that room's row
   * lock (meetings are inserted under it), so an insert of this name still committing is seen.
   */
  async providerRoomInUse(platform: string, providerRoomName: string, roomId: string | null): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      if (roomId) await tx.select({ id: room.id }).from(room).where(eq(room.id, roomId)).for('share');
      const [row] = await tx
        .select({ id: meeting.id })
        .from(meeting)
        .where(and(eq(meeting.platform, platform), eq(meeting.providerRoomName, providerRoomName)))
        .limit(1);
      return row !== undefined;
    });
  }

  async setCount(tx: Executor, meetingId: string, n: number): Promise<void> {
    await tx.update(meeting).set({ numClients: n }).where(eq(meeting.id, meetingId));
  }

  /**
   * Applies the provider's absolute count unless an older event (by the provider's time) arrives
   * after a newer one; of two events stamped the same instant, the one applied last wins.
   */
  async applyAbsoluteCount(tx: Executor, meetingId: string, n: number, at: Date): Promise<void> {
    await tx
      .update(meeting)
      .set({ numClients: n, numClientsAt: at })
      .where(and(eq(meeting.id, meetingId), or(isNull(meeting.numClientsAt), lte(meeting.numClientsAt, at))));
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

  /** `setCount` for several meetings in one statement. */
  async setCounts(tx: Executor, counts: ReadonlyMap<string, number>): Promise<void> {
    if (counts.size === 0) return;
    const values = sql.join(
      [...counts].map(([id, n]) => sql`(${id}::uuid, ${n}::int)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${meeting} set num_clients = v.n
      from (values ${values}) as v(id, n)
      where ${meeting.id} = v.id`);
  }

  /** `markPresent` for several meetings in one statement (each with its own time). */
  async markPresentMany(tx: Executor, present: ReadonlyMap<string, Date>): Promise<void> {
    if (present.size === 0) return;
    const values = sql.join(
      [...present].map(([id, at]) => sql`(${id}::uuid, ${at.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${meeting} set empty_checks = 0,
        provider_ended_at = case when ${meeting.providerEndedAt} < v.at then null else ${meeting.providerEndedAt} end
      from (values ${values}) as v(id, at)
      where ${meeting.id} = v.id`);
  }

  /** One more periodic check found nobody in a meeting that had participants. */
  async countEmptyCheck(tx: Executor, meetingId: string): Promise<void> {
    await tx
      .update(meeting)
      .set({ emptyChecks: sql`${meeting.emptyChecks} + 1` })
      .where(eq(meeting.id, meetingId));
  }

  /** The provider reported the meeting ended at `at`. */
  async markProviderEnded(tx: Executor, meetingId: string, at: Date): Promise<void> {
    await tx.update(meeting).set({ providerEndedAt: at }).where(eq(meeting.id, meetingId));
  }

  /** Marks the meeting ended (inactive, nobody in it). */
  async deactivate(tx: Executor, meetingId: string, reason: EndReason, at: Date): Promise<MeetingRow | undefined> {
    const [updated] = await tx
      .update(meeting)
      .set({ isActive: false, endedAt: at, endReason: reason, numClients: 0 })
      .where(eq(meeting.id, meetingId))
      .returning();
    return updated;
  }

  /** Active meetings with someone in the call whose end date comes before `before`. */
  async occupiedEndingBefore(before: Date): Promise<MeetingRow[]> {
    return this.db
      .select()
      .from(meeting)
      .where(and(eq(meeting.isActive, true), gt(meeting.numClients, 0), lt(meeting.endDate, before)));
  }

  /** Moves an active meeting's end date later (never earlier). */
  async extendEndDate(meetingId: string, endDate: Date): Promise<void> {
    await this.db
      .update(meeting)
      .set({ endDate })
      .where(and(eq(meeting.id, meetingId), eq(meeting.isActive, true), lt(meeting.endDate, endDate)));
  }

  /** Active meetings whose end date passed. */
  async expiredIds(now: Date): Promise<string[]> {
    const rows = await this.db
      .select({ id: meeting.id })
      .from(meeting)
      .where(and(eq(meeting.isActive, true), lte(meeting.endDate, now)));
    return rows.map((r) => r.id);
  }

  /** Active meetings the provider reported ended. */
  async providerEndedIds(): Promise<string[]> {
    const rows = await this.db
      .select({ id: meeting.id })
      .from(meeting)
      .where(and(eq(meeting.isActive, true), isNotNull(meeting.providerEndedAt)));
    return rows.map((r) => r.id);
  }

  /** Active meetings of a room. */
  async activeIdsOfRoom(roomId: string, tx: Executor = this.db): Promise<string[]> {
    const rows = await tx
      .select({ id: meeting.id })
      .from(meeting)
      .where(and(eq(meeting.roomId, roomId), eq(meeting.isActive, true)));
    return rows.map((r) => r.id);
  }

  /** The provider room of a deactivated meeting is gone (deleted, or there was nothing to delete). */
  async markRoomDeleted(meetingId: string, at: Date, tx: Executor = this.db): Promise<void> {
    await tx
      .update(meeting)
      .set({ roomDeletedAt: at })
      .where(and(eq(meeting.id, meetingId), eq(meeting.isActive, false), isNull(meeting.roomDeletedAt)));
  }

  /** Inactive meetings that ended before `endedBefore` and whose provider room may still exist. */
  async roomDeletionsOwed(endedBefore: Date): Promise<MeetingRow[]> {
    return this.db
      .select()
      .from(meeting)
      .where(and(eq(meeting.isActive, false), isNull(meeting.roomDeletedAt), lt(meeting.endedAt, endedBefore)));
  }

  async active(): Promise<MeetingRow[]> {
    return this.db.select().from(meeting).where(eq(meeting.isActive, true));
  }

  /**
   * Meetings of the rooms `userId` owns, newest first: optionally of one room, and only live ones
   * (active and before their end date) or only finished ones.
   */
  async listOwned(
    userId: string,
    filter: { roomId?: string; active?: boolean; now: Date },
    page: number,
    pageSize: number,
  ): Promise<{ rows: { meeting: MeetingRow; room: RoomRow }[]; total: number }> {
    const live = and(eq(meeting.isActive, true), gt(meeting.endDate, filter.now));
    const where = and(
      eq(room.userId, userId),
      filter.roomId ? eq(meeting.roomId, filter.roomId) : undefined,
      filter.active === undefined ? undefined : filter.active ? live : not(live!),
    );
    const rows = await this.db
      .select()
      .from(meeting)
      .innerJoin(room, eq(meeting.roomId, room.id))
      .where(where)
      .orderBy(desc(meeting.createdAt), desc(meeting.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [totals] = await this.db.select({ n: count() }).from(meeting).innerJoin(room, eq(meeting.roomId, room.id)).where(where);
    return { rows, total: totals?.n ?? 0 };
  }
}

/** True when the meeting was created with exactly these settings on this platform. */
export function matchesSettings(
  row: MeetingRow,
  platform: string,
  s: { isLocked: boolean; roomMode: string; roomSize: number | null; recordingType: string; recordingTrigger: string },
): boolean {
  return (
    row.platform === platform &&
    row.isLocked === s.isLocked &&
    row.roomMode === s.roomMode &&
    row.roomSize === s.roomSize &&
    row.recordingType === s.recordingType &&
    row.recordingTrigger === s.recordingTrigger
  );
}

/** How the meeting's adapter addresses it. */
export function meetingRef(row: MeetingRow): MeetingRef {
  return {
    providerMeetingId: row.providerMeetingId,
    providerRoomName: row.providerRoomName,
    roomUrl: row.roomUrl,
    hostRoomUrl: row.hostRoomUrl,
    endDate: row.endDate,
  };
}

/** Row → API representation; the host URL only for the room's owner. */
export function toMeetingDto(row: MeetingRow, roomRow: RoomRow, isOwner: boolean): Meeting {
  return {
    id: row.id,
    room_id: row.roomId,
    room_name: roomRow.name,
    platform: row.platform,
    provider_meeting_id: row.providerMeetingId,
    provider_room_name: row.providerRoomName,
    room_url: row.roomUrl,
    host_room_url: isOwner ? row.hostRoomUrl : null,
    start_date: row.startDate.toISOString(),
    end_date: row.endDate.toISOString(),
    is_active: row.isActive,
    num_clients: row.numClients,
    is_locked: row.isLocked,
    room_mode: row.roomMode,
    room_size: row.roomSize,
    recording_type: row.recordingType,
    recording_trigger: row.recordingTrigger,
    created_at: row.createdAt.toISOString(),
  };
}
