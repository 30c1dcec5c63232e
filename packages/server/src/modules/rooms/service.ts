import type { PlatformCatalog } from '@meetbridge/platforms';
import { isUniqueViolation, type Executor } from '../../db/client.js';
import type { RoomRow } from '../../db/schema/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.js';
import type { User } from '../../plugins/auth.js';
import type { RoomRepo } from './repo.js';
import { roomValuesFromBody, toRoomDto } from './repo.js';
import { availablePlatforms } from './platforms.js';
import type { PlatformInfo, Room, RoomCreateBody, RoomUpdateBody } from './schemas.js';

/**
 * What must happen to a room's meetings before the room is deleted. Implemented by the meetings
 * module (which depends on rooms, not the other way round) and handed in when the services are wired.
 */
export interface RoomMeetingsEnder {
  endRoomMeetings(roomId: string): Promise<void>;
  /** Whether the room has an active meeting, read in `tx` (which holds the room's row lock). */
  hasActiveMeetings(roomId: string, tx: Executor): Promise<boolean>;
}

/** Where a room's outbound webhooks go and the secret they are signed with. */
export interface RoomWebhookTarget {
  roomId: string;
  url: string;
  secret: string;
}

/** An outbound webhook URL needs its signing secret: a receiver could not tell our calls from anyone's. */
function checkWebhook(url: string | null, secret: string | null): void {
  if (url !== null && secret === null) {
    throw new ValidationError('A webhook_url needs a webhook_secret to sign the deliveries with.', [
      { field: 'body.webhook_secret', message: 'is required when webhook_url is set (whsec_ followed by base64)' },
    ]);
  }
}
/** Rounds of "end the meetings, then delete if none is left" before a delete gives up with 409. */
const DELETE_ATTEMPTS = 5;

/** Room use cases: creation with platform selection, owner-only edits. */
export class RoomService {
  constructor(
    private readonly repo: RoomRepo,
    private readonly catalog: PlatformCatalog,
    private readonly meetings: RoomMeetingsEnder,
  ) {}

  /** The platforms rooms may be created on or moved to in this deployment. */
  platforms(): PlatformInfo[] {
    return availablePlatforms(this.catalog);
  }

  toDto(row: RoomRow): Room {
    return toRoomDto(row, this.catalog.effectivePlatform(row));
  }

  async create(user: User, body: RoomCreateBody): Promise<Room> {
    checkWebhook(body.webhook_url, body.webhook_secret);
    const platform = this.catalog.platformForNewRoom(body.platform);
    try {
      const row = await this.repo.insert({ ...roomValuesFromBody(body), name: body.name, userId: user.id, platform });
      return this.toDto(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`A room named "${body.name}" already exists; choose another name.`);
      throw error;
    }
  }

  async list(user: User, page: number, pageSize: number) {
    const { rows, total } = await this.repo.listByOwner(user.id, page, pageSize);
    return { items: rows.map((r) => this.toDto(r)), total, page, page_size: pageSize };
  }

  async getById(id: string): Promise<RoomRow> {
    const row = await this.repo.byId(id);
    if (!row) throw new NotFoundError(`No room with id ${id}.`);
    return row;
  }

  async getByName(name: string): Promise<RoomRow> {
    const row = await this.repo.byName(name);
    if (!row) throw new NotFoundError(`No room named "${name}".`);
    return row;
  }

  /** The owner's user id of a room, or null when there is no such room; on `tx` when given (inside a caller's transaction). */
  async ownerOf(roomId: string, tx?: Executor): Promise<string | null> {
    const row = await this.repo.byId(roomId, tx);
    return row?.userId ?? null;
  }

  /** The room's outbound webhook target, or null when it has none (or the room is gone). */
  async webhookTarget(roomId: string): Promise<RoomWebhookTarget | null> {
    const row = await this.repo.byId(roomId);
    if (!row?.webhookUrl || !row.webhookSecret) return null;
    return { roomId: row.id, url: row.webhookUrl, secret: row.webhookSecret };
  }

  private async owned(user: User, id: string): Promise<RoomRow> {
    const row = await this.getById(id);
    if (row.userId !== user.id) throw new ForbiddenError('Only the room owner may change or delete this room.');
    return row;
  }

  async update(user: User, id: string, body: RoomUpdateBody): Promise<Room> {
    const current = await this.owned(user, id);
    checkWebhook(
      body.webhook_url === undefined ? current.webhookUrl : body.webhook_url,
      body.webhook_secret === undefined ? current.webhookSecret : body.webhook_secret,
    );
    const values = roomValuesFromBody(body);
    if (body.platform !== undefined) values.platform = this.catalog.platformForNewRoom(body.platform);
    try {
      const row = await this.repo.update(id, values);
      if (!row) throw new NotFoundError(`No room with id ${id}.`);
      return this.toDto(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`A room named "${body.name}" already exists; choose another name.`);
      throw error;
    }
  }

  /**
   * Deletes a room: its active meetings end first (their provider rooms are deleted too). The row
   * is deleted under its lock and only when no active meeting is left: meetings are inserted under
   * the same lock, so one created meanwhile is ended in the next round instead of vanishing with
   * the room (cascade) and leaving its provider room behind; a creation that comes after finds no
   * room (404) and deletes its provider room.
   */
  async delete(user: User, id: string): Promise<void> {
    await this.owned(user, id);
    for (let attempt = 0; attempt < DELETE_ATTEMPTS; attempt++) {
      await this.meetings.endRoomMeetings(id);
      const outcome = await this.repo.deleteUnlessBusy(id, (tx) => this.meetings.hasActiveMeetings(id, tx));
      if (outcome !== 'busy') return;
    }
    throw new ConflictError('Meetings keep being created in this room while it is deleted; try again.');
  }
}
