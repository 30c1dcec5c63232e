import { and, eq, isNotNull, lte } from 'drizzle-orm';
import type { Clock, LoggerLike, PlatformCatalog } from '@meetbridge/platforms';
import type { Db } from '../../db/client.js';
import { meeting, type MeetingRow } from '../../db/schema/index.js';
import type { ParticipantRepo } from '../participants/repo.js';
import { meetingRef } from './repo.js';

/** Why a meeting was deactivated. */
export type EndReason = 'expired' | 'provider_ended' | 'empty' | 'owner';

export interface LifecycleDeps {
  db: Db;
  participants: ParticipantRepo;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * Ends meetings: when their end date passes, when the provider says they ended, or when they had
 * participants and nobody was present for two consecutive reconciliation checks. A meeting with a
 * live join reservation is never deactivated. Deactivation deletes the provider room where the
 * provider supports it (idempotently).
 */
export class MeetingLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  /**
   * Deactivates a meeting unless someone holds a live reservation (`force` skips that check: the
   * owner asked). Returns the updated row, or `undefined` when nothing changed.
   */
  async deactivate(meetingId: string, reason: EndReason, force = false): Promise<MeetingRow | undefined> {
    const now = this.deps.clock.now();
    const row = await this.deps.db.transaction(async (tx) => {
      const locked = await this.deps.participants.lockMeeting(tx, meetingId);
      if (!locked?.isActive) return undefined;
      if (!force && (await this.deps.participants.hasLiveReservation(tx, meetingId, now))) return undefined;
      await this.deps.participants.closeAll(tx, meetingId, now);
      const [updated] = await tx
        .update(meeting)
        .set({ isActive: false, endedAt: now, endReason: reason, numClients: 0 })
        .where(eq(meeting.id, meetingId))
        .returning();
      return updated;
    });
    if (row) {
      this.deps.logger.info({ meetingId, reason, platform: row.platform }, 'meeting deactivated');
      await this.deleteProviderRoom(row);
    }
    return row;
  }

  private async deleteProviderRoom(row: MeetingRow): Promise<void> {
    const adapter = this.deps.catalog.adapterForExisting(row.platform);
    if (!adapter?.capabilities.deleteMeeting) return;
    try {
      await adapter.deleteMeeting(meetingRef(row));
    } catch (error) {
      // The provider room also expires on its own (end date); a failed delete changes nothing here.
      this.deps.logger.warn({ err: error, meetingId: row.id, platform: row.platform }, 'could not delete the provider room');
    }
  }

  /** Deactivates active meetings whose end date passed or whose provider reported them ended. */
  async endDueMeetings(): Promise<number> {
    const now = this.deps.clock.now();
    const expired = await this.deps.db
      .select({ id: meeting.id })
      .from(meeting)
      .where(and(eq(meeting.isActive, true), lte(meeting.endDate, now)));
    const ended = await this.deps.db
      .select({ id: meeting.id })
      .from(meeting)
      .where(and(eq(meeting.isActive, true), isNotNull(meeting.providerEndedAt)));
    let count = 0;
    for (const { id } of expired) if (await this.deactivate(id, 'expired')) count++;
    for (const { id } of ended) if (await this.deactivate(id, 'provider_ended')) count++;
    return count;
  }

  /** Ends every active meeting of a room (it is being deleted), deleting their provider rooms. */
  async endRoomMeetings(roomId: string): Promise<void> {
    const active = await this.deps.db
      .select({ id: meeting.id })
      .from(meeting)
      .where(and(eq(meeting.roomId, roomId), eq(meeting.isActive, true)));
    for (const { id } of active) await this.deactivate(id, 'owner', true);
  }

  /** Active meetings, for the periodic reconciliation. */
  async activeMeetings(): Promise<MeetingRow[]> {
    return this.deps.db.select().from(meeting).where(eq(meeting.isActive, true));
  }
}
