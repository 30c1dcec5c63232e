import type { Clock, LoggerLike, MeetingRef, PlatformCatalog, ProviderMeeting } from '@meetbridge/platforms';
import type { Executor } from '../../db/client.js';
import type { MeetingRow } from '../../db/schema/index.js';
import type { JobSender } from '../../jobs/types.js';
import type { ParticipantService } from '../participants/service.js';
import { meetingRef, type EndReason, type MeetingRepo } from './repo.js';
import type { ReservationRepo } from './reservations.js';

export interface LifecycleDeps {
  repo: MeetingRepo;
  reservations: ReservationRepo;
  participants: ParticipantService;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  jobs: JobSender;
}

/** Join reservations this long expired are deleted by the sweep. */
const RESERVATION_PURGE_AFTER_MS = 3_600_000;
/** Occupied meetings whose end is this close are extended (before Daily ejects everyone at `exp`). */
export const EXTEND_AHEAD_MS = 10 * 60_000;
/** How much later an occupied meeting's end moves each time. */
export const EXTEND_BY_MS = 60 * 60_000;
/** A provider-room deletion still owed this long after the meeting ended is queued again by the sweep. */
const DELETION_REQUEUE_AFTER_MS = 60_000;

/**
 * A provider room to delete: a meeting's, or one no meeting row kept (`meetingId` null: discarded
 * after its create, see `discardProviderRoom`). It survives the meeting row (a deleted room takes
 * its meetings).
 */
export interface MeetingRoomDeletion {
  meetingId: string | null;
  platform: string;
  /** Our room the provider room was created for; absent on jobs queued before it was recorded. */
  roomId?: string;
  ref: Omit<MeetingRef, 'endDate'> & { endDate: string };
}

/**
 * A provider room a create may have left behind when its reply was lost (a timeout, a dropped
 * connection, a 5xx): known only by the name planned before the call (capability `plannedRoomNames`).
 */
export interface LostRoomDeletion {
  meetingId: null;
  platform: string;
  roomId?: string;
  providerRoomName: string;
}

/** What the `meeting.delete-room` job needs. */
export type RoomDeletion = MeetingRoomDeletion | LostRoomDeletion;

/**
 * How long after a lost create its cleanup runs: the provider may still be carrying out the create
 * whose reply we gave up on, and a delete that came first would find nothing (404 = done) and leave
 * the room. The transport already waited its per-attempt timeout (10 s).
 */
export const LOST_CREATE_CLEANUP_DELAY_SECONDS = 60;

/** Options of `MeetingLifecycle.deactivate`. */
export interface DeactivateOptions {
  reason: EndReason;
  /** End it even while someone holds a live join reservation (the owner asked). Default false. */
  force?: boolean;
  /** Delete the provider room afterwards, where the provider supports it. Default true. */
  deleteProviderRoom?: boolean;
}

/**
 * Ends meetings: when their end date passes with nobody in them (an occupied meeting is extended
 * instead), when the provider says they ended, or when they had participants and nobody was present
 * for two consecutive reconciliation checks. A meeting with a live join reservation is never
 * deactivated unless forced. Deactivation deletes the provider room
 * where the provider supports it (idempotently); a deletion that fails is retried by the
 * `meeting.delete-room` job, and queued again by the sweep, until the room is gone, so a
 * deactivated meeting's room does not stay joinable.
 */
export class MeetingLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  /** Deactivates a meeting; returns the updated row, or `undefined` when nothing changed. */
  async deactivate(meetingId: string, options: DeactivateOptions): Promise<MeetingRow | undefined> {
    const now = this.deps.clock.now();
    const row = await this.deps.repo.transaction(async (tx) => {
      const locked = await this.deps.repo.lock(tx, meetingId);
      if (!locked?.isActive) return undefined;
      // The provider's "ended" may have been superseded by a later join: the mark is cleared then, and
      // a join after the mark that is still open also keeps the meeting (whatever order a batch had).
      if (options.reason === 'provider_ended') {
        if (!locked.providerEndedAt) return undefined;
        if (await this.deps.participants.joinedSince(tx, meetingId, locked.providerEndedAt)) return undefined;
      }
      if (!options.force && (await this.deps.reservations.hasLive(tx, meetingId, now))) return undefined;
      // A meeting does not end under the people in it when its end date passes (see `extendOccupied`).
      if (options.reason === 'expired' && locked.numClients > 0) return undefined;
      await this.deps.participants.closeAll(tx, meetingId, now);
      return this.deps.repo.deactivate(tx, meetingId, options.reason, now);
    });
    if (row) {
      this.deps.logger.info({ meetingId, reason: options.reason, platform: row.platform }, 'meeting deactivated');
      if (options.deleteProviderRoom ?? true) await this.deleteProviderRoom(row);
      else await this.deps.repo.markRoomDeleted(row.id, now);
    }
    return row;
  }

  /** Deletes the provider room now; when that fails, a `meeting.delete-room` job retries it. */
  private async deleteProviderRoom(row: MeetingRow): Promise<void> {
    try {
      await this.deleteRoom(roomDeletion(row));
    } catch (error) {
      this.deps.logger.warn(
        { err: error, meetingId: row.id, platform: row.platform },
        'could not delete the provider room; retrying in a job',
      );
      await this.queueDeletion(row);
    }
  }

  private async queueDeletion(row: MeetingRow): Promise<void> {
    try {
      await this.deps.jobs.send('meeting.delete-room', roomDeletion(row), { singletonKey: `delete-room:${row.id}` });
    } catch (error) {
      // The sweep queues every deletion still owed.
      this.deps.logger.warn({ err: error, meetingId: row.id }, 'could not queue the provider-room deletion; the sweep will');
    }
  }

  /**
   * Deletes a provider room (idempotent: a room already gone is success) and, for a meeting's,
   * records it. A room no meeting row kept is deleted only when no meeting row names it: a call
   * someone may be in is never deleted (an insert that failed to answer may have committed). Throws
   * while the provider or the database cannot be reached, so the job is retried.
   */
  async deleteRoom(deletion: RoomDeletion): Promise<void> {
    const adapter = this.deps.catalog.adapterForExisting(deletion.platform);
    if (!adapter) throw new Error(`The ${deletion.platform} platform is not configured here; its room cannot be deleted yet.`);
    const providerRoomName = 'ref' in deletion ? deletion.ref.providerRoomName : deletion.providerRoomName;
    if (
      deletion.meetingId === null &&
      (await this.deps.repo.providerRoomInUse(deletion.platform, providerRoomName, deletion.roomId ?? null))
    ) {
      this.deps.logger.warn(
        { platform: deletion.platform, providerRoomName },
        'a meeting refers to this provider room; it is kept, not deleted as unused',
      );
      return;
    }
    if ('ref' in deletion) {
      if (adapter.capabilities.deleteMeeting) await adapter.deleteMeeting({ ...deletion.ref, endDate: new Date(deletion.ref.endDate) });
    } else if (adapter.capabilities.plannedRoomNames) {
      await adapter.deleteRoomByName(providerRoomName);
      this.deps.logger.info({ platform: deletion.platform, providerRoomName }, 'provider room of a lost create deleted (or never made)');
    }
    if (deletion.meetingId) await this.deps.repo.markRoomDeleted(deletion.meetingId, this.deps.clock.now());
  }

  /**
   * A create failed in a way that may have left a room at the provider (its reply was lost: a
   * timeout, a dropped connection, a 5xx). Where the provider room's name was planned before the
   * call, a `meeting.delete-room` job deletes it by that name after
   * `LOST_CREATE_CLEANUP_DELAY_SECONDS`, retried with backoff; otherwise the room ends at the end
   * date it was created with.
   */
  async cleanUpLostCreate(platform: string, roomId: string, providerRoomName: string | null): Promise<void> {
    if (providerRoomName === null) {
      this.deps.logger.warn({ platform, roomId }, 'a failed create may have made a provider room; it ends at its end date');
      return;
    }
    const deletion: LostRoomDeletion = { meetingId: null, platform, roomId, providerRoomName };
    try {
      await this.deps.jobs.send('meeting.delete-room', deletion, {
        singletonKey: `lost-create:${platform}:${providerRoomName}`,
        startAfter: LOST_CREATE_CLEANUP_DELAY_SECONDS,
      });
      this.deps.logger.warn({ platform, providerRoomName }, 'a failed create may have made a provider room; its deletion is queued');
    } catch (error) {
      this.deps.logger.error(
        { err: error, platform, providerRoomName },
        'could not queue the deletion of a provider room a failed create may have made; it ends at its end date',
      );
    }
  }

  /**
   * Deletes a provider room that was created but not kept (a race lost, the room deleted meanwhile,
   * an insert that failed). When that fails (the provider or our rate budget), a `meeting.delete-room`
   * job retries it, so no provider room is left behind for its lifetime.
   */
  async discardProviderRoom(platform: string, roomId: string, created: ProviderMeeting): Promise<void> {
    const deletion: MeetingRoomDeletion = {
      meetingId: null,
      platform,
      roomId,
      ref: {
        providerMeetingId: created.providerMeetingId,
        providerRoomName: created.providerRoomName,
        roomUrl: created.roomUrl,
        hostRoomUrl: created.hostRoomUrl,
        endDate: created.endDate.toISOString(),
      },
    };
    try {
      await this.deleteRoom(deletion);
    } catch (error) {
      this.deps.logger.warn(
        { err: error, platform, providerRoomName: created.providerRoomName },
        'could not delete an unused provider room; retrying in a job',
      );
      try {
        await this.deps.jobs.send('meeting.delete-room', deletion, { singletonKey: `discard:${platform}:${created.providerRoomName}` });
      } catch (cause) {
        this.deps.logger.error(
          { err: cause, platform, providerRoomName: created.providerRoomName },
          'could not queue the deletion of an unused provider room',
        );
      }
    }
  }

  /**
   * A meeting must not end under the people in it. While anyone is present and its end is near, its
   * end moves later: on the provider first where it can (`extendMeeting`: Daily pushes the room's
   * `exp`, at which it would eject everyone), then here. A provider that cannot (Whereby's `endDate`
   * is fixed; it ejects no one and the room works until an hour after) keeps its end date; its
   * meeting then stays active past it, and its room undeleted, until the call is empty.
   */
  async extendOccupied(): Promise<number> {
    const now = this.deps.clock.now();
    let count = 0;
    for (const row of await this.deps.repo.occupiedEndingBefore(new Date(now.getTime() + EXTEND_AHEAD_MS))) {
      const adapter = this.deps.catalog.adapterForExisting(row.platform);
      if (!adapter?.capabilities.extendMeeting) continue;
      const endDate = new Date(Math.max(row.endDate.getTime(), now.getTime()) + EXTEND_BY_MS);
      try {
        await adapter.extendMeeting(meetingRef(row), endDate);
      } catch (error) {
        this.deps.logger.warn(
          { err: error, meetingId: row.id, platform: row.platform },
          'could not extend an occupied meeting; retried at the next sweep',
        );
        continue;
      }
      await this.deps.repo.extendEndDate(row.id, endDate);
      this.deps.logger.info({ meetingId: row.id, platform: row.platform, endDate }, 'occupied meeting extended');
      count++;
    }
    return count;
  }

  /**
   * Deactivates active meetings whose end date passed (unless someone is still in them) or whose
   * provider reported them ended.
   */
  async endDueMeetings(): Promise<number> {
    let count = 0;
    for (const id of await this.deps.repo.expiredIds(this.deps.clock.now())) if (await this.deactivate(id, { reason: 'expired' })) count++;
    for (const id of await this.deps.repo.providerEndedIds()) if (await this.deactivate(id, { reason: 'provider_ended' })) count++;
    return count;
  }

  /** Ends every active meeting of a room (it is being deleted), deleting their provider rooms. */
  async endRoomMeetings(roomId: string): Promise<void> {
    for (const id of await this.deps.repo.activeIdsOfRoom(roomId)) await this.deactivate(id, { reason: 'owner', force: true });
  }

  async hasActiveMeetings(roomId: string, tx: Executor): Promise<boolean> {
    return (await this.deps.repo.activeIdsOfRoom(roomId, tx)).length > 0;
  }

  /**
   * The periodic sweep: extends occupied meetings near their end, ends due meetings, purges
   * long-expired reservations, queues the provider-room
   * deletions still owed, and queues a counted
   * reconciliation of every active meeting whose provider can tell who is in the call (a presence
   * API, or the webhooks' count).
   */
  async sweep(): Promise<void> {
    await this.extendOccupied();
    await this.endDueMeetings();
    const now = this.deps.clock.now().getTime();
    const before = new Date(now - RESERVATION_PURGE_AFTER_MS);
    await this.deps.repo.transaction((tx) => this.deps.reservations.purge(tx, before));
    for (const row of await this.deps.repo.roomDeletionsOwed(new Date(now - DELETION_REQUEUE_AFTER_MS))) await this.queueDeletion(row);
    for (const row of await this.deps.repo.active()) {
      const adapter = this.deps.catalog.adapterForExisting(row.platform);
      if (!adapter || !(adapter.capabilities.presence || adapter.presence.source === 'webhooks')) continue;
      await this.deps.jobs.send('meeting.reconcile', { meetingId: row.id, countEmpty: true }, { singletonKey: row.id });
    }
  }
}

/** The provider room of a meeting row, as the deletion job carries it. */
function roomDeletion(row: MeetingRow): RoomDeletion {
  const ref = meetingRef(row);
  return { meetingId: row.id, platform: row.platform, ref: { ...ref, endDate: ref.endDate.toISOString() } };
}
