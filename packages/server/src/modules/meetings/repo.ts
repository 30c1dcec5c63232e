import { and, desc, eq, gt } from 'drizzle-orm';
import type { MeetingRef, RoomSettings } from '@meetbridge/platforms';
import type { Db } from '../../db/client.js';
import { meeting, room, type MeetingRow, type NewMeetingRow, type RoomRow } from '../../db/schema/index.js';
import type { Meeting } from './schemas.js';

type Executor = Pick<Db, 'select' | 'insert' | 'update'>;

/** Meetings table access; the only place meeting rows are mapped to the API's snake_case. */
export class MeetingRepo {
  constructor(private readonly db: Db) {}

  async byId(id: string): Promise<{ meeting: MeetingRow; room: RoomRow } | undefined> {
    const [row] = await this.db.select().from(meeting).innerJoin(room, eq(meeting.roomId, room.id)).where(eq(meeting.id, id));
    return row ? { meeting: row.meeting, room: row.room } : undefined;
  }

  /** Active meetings of a room that have not reached their end date, newest first. */
  async activeForRoom(roomId: string, now: Date, db: Executor = this.db): Promise<MeetingRow[]> {
    return db
      .select()
      .from(meeting)
      .where(and(eq(meeting.roomId, roomId), eq(meeting.isActive, true), gt(meeting.endDate, now)))
      .orderBy(desc(meeting.createdAt));
  }

  async insert(values: NewMeetingRow, db: Executor = this.db): Promise<MeetingRow> {
    const [row] = await db.insert(meeting).values(values).returning();
    return row!;
  }

  /** Runs `fn` in a transaction holding the room's row lock (serializes meeting creation per room). */
  async withRoomLock<T>(roomId: string, fn: (tx: Executor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) => {
      await tx.select({ id: room.id }).from(room).where(eq(room.id, roomId)).for('update');
      return fn(tx);
    });
  }
}

/** True when the meeting was created with exactly these settings on this platform. */
export function matchesSettings(row: MeetingRow, platform: string, s: RoomSettings): boolean {
  return (
    row.platform === platform &&
    row.isLocked === s.isLocked &&
    row.roomMode === s.roomMode &&
    row.roomSize === s.roomSize &&
    row.recordingType === s.recordingType &&
    row.recordingTrigger === s.recordingTrigger
  );
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
