import { mayHaveTakenEffect, type Clock, type LoggerLike, type PlatformCatalog, type ProviderMeeting } from '@meetbridge/platforms';
import type { Executor } from '../../db/client.js';
import type { MeetingRow, RoomRow } from '../../db/schema/index.js';
import { ConflictError, ForbiddenError, NotFoundError, TooManyRequestsError } from '../../lib/errors.js';
import type { User } from '../../plugins/auth.js';
import type { ParticipantService } from '../participants/service.js';
import type { RoomService } from '../rooms/service.js';
import { roomSettings } from '../rooms/settings.js';
import type { MeetingLifecycle } from './lifecycle.js';
import { matchesSettings, meetingRef, toMeetingDto, type MeetingRepo } from './repo.js';
import { RESERVATION_SECONDS, RESERVATIONS_PER_CALLER, type ReservationRepo } from './reservations.js';
import {
  PARTICIPANTS_PAGE_DEFAULT,
  type JoinResponse,
  type Meeting,
  type MeetingList,
  type Participant,
  type Reservation,
} from './schemas.js';

const DEFAULT_PAGE = { participants_limit: PARTICIPANTS_PAGE_DEFAULT, participants_offset: 0 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface MeetingServiceDeps {
  repo: MeetingRepo;
  reservations: ReservationRepo;
  rooms: RoomService;
  participants: ParticipantService;
  lifecycle: MeetingLifecycle;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  meetingDurationHours: number;
}

/** Meeting use cases: get-or-create through the room's platform adapter, read, deactivate. */
export class MeetingService {
  /** Provider creates in flight in this process, by room, platform and settings (single flight). */
  private readonly creating = new Map<string, Promise<{ row: MeetingRow; inserted: boolean }>>();

  constructor(private readonly deps: MeetingServiceDeps) {}

  isOwner(roomRow: RoomRow, user: User | null): boolean {
    return user !== null && roomRow.userId === user.id;
  }

  toDto(row: MeetingRow, roomRow: RoomRow, user: User | null): Meeting {
    return toMeetingDto(row, roomRow, this.isOwner(roomRow, user));
  }

  /**
   * Returns the room's active meeting when it still matches the room's settings and platform;
   * otherwise creates one through the platform's adapter. The provider call happens outside any
   * transaction; the insert re-checks under the room's row lock, so two concurrent callers end up
   * in the same meeting (the loser's provider room is deleted again).
   */
  async getOrCreate(roomName: string, user: User | null, allowDuplicated = false): Promise<{ meeting: Meeting; created: boolean }> {
    const roomRow = await this.deps.rooms.getByName(roomName);
    // A duplicate is a new provider room (cost, provider rate limits): the room owner's decision only.
    if (allowDuplicated && !this.isOwner(roomRow, user)) {
      throw new ForbiddenError('Only the room owner may ask for a duplicate meeting (allow_duplicated).');
    }
    const platform = this.deps.catalog.platformForMeeting(roomRow);
    const settings = roomSettings(roomRow);
    const reusable = async (db?: Executor) =>
      allowDuplicated
        ? undefined
        : (await this.deps.repo.activeForRoom(roomRow.id, this.deps.clock.now(), db)).find((m) => matchesSettings(m, platform, settings));

    const existing = await reusable();
    if (existing) return { meeting: this.toDto(existing, roomRow, user), created: false };
    if (allowDuplicated) {
      const made = await this.create(roomRow, platform, settings, reusable);
      return { meeting: this.toDto(made.row, roomRow, user), created: made.inserted };
    }
    // Single flight per room in this process: concurrent first requests share one provider create
    // (the room lock's re-check still settles races between processes).
    const key = `${roomRow.id}\u0000${platform}\u0000${JSON.stringify(settings)}`;
    const inflight = this.creating.get(key);
    if (inflight) return { meeting: this.toDto((await inflight).row, roomRow, user), created: false };
    // Looked again once this create is registered: a create that finished between our first look and
    // now has committed its meeting (it leaves the map only after its commit), so it is found here
    // instead of making a second provider room.
    const creation = (async () => {
      const winner = await reusable();
      return winner ? { row: winner, inserted: false } : this.create(roomRow, platform, settings, reusable);
    })().finally(() => this.creating.delete(key));
    this.creating.set(key, creation);
    const made = await creation;
    return { meeting: this.toDto(made.row, roomRow, user), created: made.inserted };
  }

  /**
   * Creates the provider room (outside any transaction), then inserts the meeting under the room's
   * row lock after re-checking for a meeting created meanwhile. The provider room is deleted again
   * when it is not kept: a winner was found, the room was deleted meanwhile (404), or the insert failed.
   */
  private async create(
    roomRow: RoomRow,
    platform: ReturnType<PlatformCatalog['platformForMeeting']>,
    settings: ReturnType<typeof roomSettings>,
    reusable: (db?: Executor) => Promise<MeetingRow | undefined>,
  ): Promise<{ row: MeetingRow; inserted: boolean }> {
    const adapter = this.deps.catalog.adapter(platform);
    const now = this.deps.clock.now();
    const endDate = new Date(now.getTime() + this.deps.meetingDurationHours * 3_600_000);
    // Where the provider lets us name the room, the name is known before the call, so a room left
    // by a create whose reply was lost can be found and deleted (capability plannedRoomNames).
    const planned = adapter.capabilities.plannedRoomNames ? adapter.planRoomName(roomRow.name) : null;
    let created: ProviderMeeting;
    try {
      created = await adapter.createMeeting({
        roomName: roomRow.name,
        settings,
        endDate,
        ...(planned ? { providerRoomName: planned } : {}),
      });
    } catch (error) {
      // The caller gets the same answer as before (502, 503, 409); only the leftover is handled here.
      if (mayHaveTakenEffect(error)) await this.deps.lifecycle.cleanUpLostCreate(platform, roomRow.id, planned);
      throw error;
    }
    let result: { row: MeetingRow; inserted: boolean } | undefined;
    try {
      result = await this.deps.repo.withRoomLock(roomRow.id, async (tx) => {
        const winner = await reusable(tx);
        if (winner) return { row: winner, inserted: false };
        const row = await this.deps.repo.insert(
          {
            roomId: roomRow.id,
            platform,
            providerMeetingId: created.providerMeetingId,
            providerRoomName: created.providerRoomName,
            roomUrl: created.roomUrl,
            hostRoomUrl: created.hostRoomUrl,
            startDate: created.startDate ?? now,
            endDate: created.endDate,
            isLocked: settings.isLocked,
            roomMode: settings.roomMode,
            roomSize: settings.roomSize,
            recordingType: settings.recordingType,
            recordingTrigger: settings.recordingTrigger,
          },
          tx,
        );
        return { row, inserted: true };
      });
    } catch (error) {
      await this.deps.lifecycle.discardProviderRoom(platform, roomRow.id, created);
      throw error;
    }
    if (!result) {
      await this.deps.lifecycle.discardProviderRoom(platform, roomRow.id, created);
      throw new NotFoundError(`No room named "${roomRow.name}" (it was deleted).`);
    }
    if (!result.inserted) await this.deps.lifecycle.discardProviderRoom(platform, roomRow.id, created);
    return result;
  }

  async get(id: string): Promise<{ meeting: MeetingRow; room: RoomRow }> {
    const found = await this.deps.repo.byId(id);
    if (!found) throw new NotFoundError(`No meeting with id ${id}.`);
    return found;
  }

  /**
   * The meeting a recording belongs to: by our meeting id when the provider echoed it back, else by
   * the provider room name and the start time nearest the recording's. `undefined` = an orphan.
   */
  async findForRecording(
    hint: { platform: string; meetingId?: string | null; providerRoomName?: string | null; near?: Date | null },
    tx?: Executor,
  ): Promise<{ meeting: MeetingRow; room: RoomRow } | undefined> {
    if (hint.meetingId && UUID.test(hint.meetingId)) {
      const found = await this.deps.repo.byId(hint.meetingId, tx);
      if (found && found.meeting.platform === hint.platform) return found;
    }
    if (hint.providerRoomName) return this.deps.repo.byProviderRoomName(hint.platform, hint.providerRoomName, hint.near ?? null, tx);
    return undefined;
  }

  /**
   * How this caller joins a meeting of the named room: a URL to open (with a meeting token where the
   * provider uses tokens, owner tokens for the room's owner, the host URL for the owner where the
   * provider has one), or for SDK providers the server and token to connect with. Refused for an
   * inactive or ended meeting.
   */
  async join(roomName: string, meetingId: string, user: User | null): Promise<JoinResponse> {
    const found = await this.deps.repo.byId(meetingId);
    if (!found || found.room.name !== roomName) throw new NotFoundError(`No meeting ${meetingId} in room "${roomName}".`);
    const { meeting: row, room: roomRow } = found;
    if (!row.isActive || row.endDate.getTime() <= this.deps.clock.now().getTime()) {
      throw new ConflictError("This meeting has ended; ask for the room's current meeting with POST /v1/rooms/{room_name}/meeting.");
    }
    const adapter = this.deps.catalog.adapterForExisting(row.platform);
    if (!adapter) throw new ConflictError(`This meeting runs on ${row.platform}, which is not configured here any more.`);
    const isOwner = this.isOwner(roomRow, user);
    const result = await adapter.createJoin({
      meeting: meetingRef(row),
      settings: roomSettings(row),
      user,
      isOwner,
    });
    return {
      kind: result.kind,
      url: result.kind === 'url' ? result.url : null,
      server_url: result.kind === 'sdk' ? result.serverUrl : null,
      token: result.token,
      expires_at: result.expiresAt?.toISOString() ?? null,
      is_owner: isOwner,
      platform: row.platform,
    };
  }

  async deactivate(id: string, user: User): Promise<Meeting> {
    const found = await this.get(id);
    if (!this.isOwner(found.room, user)) throw new ForbiddenError('Only the room owner may deactivate its meetings.');
    const row = (await this.deps.lifecycle.deactivate(id, { reason: 'owner', force: true })) ?? (await this.get(id)).meeting;
    return this.toDto(row, found.room, user);
  }

  /** Meetings of the caller's rooms, newest first (no participant sessions; read one meeting for those). */
  async list(user: User, filter: { roomId?: string; active?: boolean }, page: number, pageSize: number): Promise<MeetingList> {
    const { rows, total } = await this.deps.repo.listOwned(user.id, { ...filter, now: this.deps.clock.now() }, page, pageSize);
    return { items: rows.map((r) => toMeetingDto(r.meeting, r.room, true)), total, page, page_size: pageSize };
  }

  /** A meeting as its reader may see it: the owner also gets a page of the participant sessions. */
  async read(
    id: string,
    user: User | null,
    page: { participants_limit: number; participants_offset: number } = DEFAULT_PAGE,
  ): Promise<Meeting> {
    const found = await this.get(id);
    const dto = this.toDto(found.meeting, found.room, user);
    if (!this.isOwner(found.room, user)) return dto;
    const { participants_limit: limit, participants_offset: offset } = page;
    const { rows, total } = await this.deps.participants.sessionsPage(id, limit, offset);
    const participants: Participant[] = rows.map((s) => ({
      provider_session_id: s.providerSessionId,
      user_id: s.userId,
      user_name: s.userName,
      joined_at: s.joinedAt.toISOString(),
      left_at: s.leftAt?.toISOString() ?? null,
    }));
    const next =
      offset + rows.length < total ? `/v1/meetings/${id}?participants_limit=${limit}&participants_offset=${offset + rows.length}` : null;
    return { ...dto, participants, participants_total: total, participants_next: next };
  }

  /**
   * Holds a place in a meeting for someone about to join: while a reservation is live (30 s, or
   * until a participant joins) the meeting is not deactivated, so the next caller gets the same one.
   */
  async reserve(roomName: string, meetingId: string, caller: string): Promise<Reservation> {
    const found = await this.deps.repo.byId(meetingId);
    if (!found || found.room.name !== roomName) throw new NotFoundError(`No meeting ${meetingId} in room "${roomName}".`);
    const now = this.deps.clock.now();
    const reservation = await this.deps.repo.transaction(async (tx) => {
      const locked = await this.deps.repo.lock(tx, meetingId);
      if (!locked?.isActive || locked.endDate.getTime() <= now.getTime()) return undefined;
      // Under the meeting lock, so concurrent requests of one caller cannot pass the limit together.
      if ((await this.deps.reservations.liveForCaller(tx, meetingId, caller, now)) >= RESERVATIONS_PER_CALLER) {
        throw new TooManyRequestsError(
          `You already hold ${RESERVATIONS_PER_CALLER} live reservations in this meeting; join with one of them or retry when they expire.`,
          RESERVATION_SECONDS,
        );
      }
      return this.deps.reservations.reserve(tx, meetingId, new Date(now.getTime() + RESERVATION_SECONDS * 1000), caller);
    });
    if (!reservation)
      throw new ConflictError("This meeting has ended; ask for the room's current meeting with POST /v1/rooms/{room_name}/meeting.");
    return { reservation_id: reservation.id, meeting_id: meetingId, expires_at: reservation.expiresAt.toISOString() };
  }
}
