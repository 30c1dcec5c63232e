import { count, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { room, type NewRoomRow, type RoomRow } from '../../db/schema/index.js';
import type { Room, RoomCreateBody, RoomUpdateBody } from './schemas.js';

/** Rooms table access; the only place room rows are mapped to and from the API's snake_case. */
export class RoomRepo {
  constructor(private readonly db: Db) {}

  async insert(values: NewRoomRow): Promise<RoomRow> {
    const [row] = await this.db.insert(room).values(values).returning();
    return row!;
  }

  async byId(id: string, tx: Executor = this.db): Promise<RoomRow | undefined> {
    const [row] = await tx.select().from(room).where(eq(room.id, id));
    return row;
  }

  async byName(name: string): Promise<RoomRow | undefined> {
    const [row] = await this.db.select().from(room).where(eq(room.name, name));
    return row;
  }

  async listByOwner(userId: string, page: number, pageSize: number): Promise<{ rows: RoomRow[]; total: number }> {
    const rows = await this.db
      .select()
      .from(room)
      .where(eq(room.userId, userId))
      .orderBy(desc(room.createdAt), desc(room.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const [totals] = await this.db.select({ n: count() }).from(room).where(eq(room.userId, userId));
    return { rows, total: totals?.n ?? 0 };
  }

  async update(id: string, values: Partial<NewRoomRow>): Promise<RoomRow | undefined> {
    const [row] = await this.db
      .update(room)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(room.id, id))
      .returning();
    return row;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(room).where(eq(room.id, id));
  }

  /**
   * Deletes the room under its row lock unless `busy(tx)` says it still has work (active meetings);
   * 'gone' when there was no such room.
   */
  async deleteUnlessBusy(id: string, busy: (tx: Executor) => Promise<boolean>): Promise<'deleted' | 'busy' | 'gone'> {
    return this.db.transaction(async (tx) => {
      const [locked] = await tx.select({ id: room.id }).from(room).where(eq(room.id, id)).for('update');
      if (!locked) return 'gone';
      if (await busy(tx)) return 'busy';
      await tx.delete(room).where(eq(room.id, id));
      return 'deleted';
    });
  }
}

/** API body → row values. */
export function roomValuesFromBody(body: Partial<RoomCreateBody> | RoomUpdateBody): Partial<NewRoomRow> {
  const out: Partial<NewRoomRow> = {};
  if (body.name !== undefined) out.name = body.name;
  if (body.platform !== undefined) out.platform = body.platform;
  if (body.is_locked !== undefined) out.isLocked = body.is_locked;
  if (body.room_mode !== undefined) out.roomMode = body.room_mode;
  if (body.room_size !== undefined) out.roomSize = body.room_size;
  if (body.recording_type !== undefined) out.recordingType = body.recording_type;
  if (body.recording_trigger !== undefined) out.recordingTrigger = body.recording_trigger;
  if (body.skip_consent !== undefined) out.skipConsent = body.skip_consent;
  if (body.webhook_url !== undefined) out.webhookUrl = body.webhook_url;
  if (body.webhook_secret !== undefined) out.webhookSecret = body.webhook_secret;
  return out;
}

/** Row → API representation; `platform` is the platform the room's next meeting will use. */
export function toRoomDto(row: RoomRow, effectivePlatform: string): Room {
  return {
    id: row.id,
    name: row.name,
    user_id: row.userId,
    platform: effectivePlatform,
    is_locked: row.isLocked,
    room_mode: row.roomMode as Room['room_mode'],
    room_size: row.roomSize,
    recording_type: row.recordingType as Room['recording_type'],
    recording_trigger: row.recordingTrigger as Room['recording_trigger'],
    skip_consent: row.skipConsent,
    webhook_url: row.webhookUrl,
    webhook_secret_set: row.webhookSecret !== null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
