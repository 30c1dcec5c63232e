import type { Clock, MeetingLifecycleEvent, ParticipantEvent, SessionEndedEvent } from '@meetbridge/platforms';
import { ignored, processed, type EventContext, type EventOutcome } from '../../events/handler.js';
import type { MeetingRow } from '../../db/schema/index.js';
import type { ParticipantService } from '../participants/service.js';
import type { MeetingRepo } from './repo.js';
import type { ReservationRepo } from './reservations.js';

export interface MeetingEventDeps {
  repo: MeetingRepo;
  reservations: ReservationRepo;
  participants: ParticipantService;
  clock: Clock;
}

/**
 * Applies participant and meeting-lifecycle events to meeting state, inside the inbox batch's
 * transaction with the meeting row locked. Providers deliver twice and out of order, so every write
 * is idempotent; where the provider has a presence API, a reconciliation follows (coalesced per
 * meeting) and is the final writer.
 */
export class MeetingEvents {
  constructor(private readonly deps: MeetingEventDeps) {}

  /** The event's meeting, locked; or the reason it is ignored. */
  private async meetingOf(event: { providerRoomName: string | null; providerMeetingId: string | null }, ctx: EventContext) {
    const row = await this.deps.repo.lockByProviderKeys(ctx.tx, ctx.platform, event.providerRoomName, event.providerMeetingId);
    if (!row) return { outcome: ignored(null, 'no meeting for this provider room') };
    if (!row.isActive) return { outcome: ignored(row.id, 'the meeting has ended') };
    return { row };
  }

  private reconcileSoon(row: MeetingRow, ctx: EventContext): void {
    if (ctx.adapter.capabilities.presence)
      ctx.followUp('meeting.reconcile', { meetingId: row.id, countEmpty: false }, { singletonKey: row.id });
  }

  participant = async (event: ParticipantEvent, ctx: EventContext): Promise<EventOutcome> => {
    const found = await this.meetingOf(event, ctx);
    if (!found.row) return found.outcome;
    const { row } = found;
    const { tx } = ctx;
    const change = { providerSessionId: event.sessionId, userId: event.userId, userName: event.userName, at: event.occurredAt };
    if (event.kind === 'participant.joined') {
      if (await this.deps.participants.recordJoin(tx, row.id, change))
        await this.deps.reservations.clearOne(tx, row.id, this.deps.clock.now());
      await this.deps.repo.markPresent(tx, row.id, event.occurredAt);
    } else {
      await this.deps.participants.recordLeave(tx, row.id, change);
    }
    if (event.numClients !== null) await this.deps.repo.applyAbsoluteCount(tx, row.id, event.numClients, event.occurredAt);
    else await this.deps.repo.setCount(tx, row.id, await this.deps.participants.openCount(tx, row.id));
    this.reconcileSoon(row, ctx);
    return processed(row.id);
  };

  started = async (event: MeetingLifecycleEvent, ctx: EventContext): Promise<EventOutcome> => {
    const found = await this.meetingOf(event, ctx);
    if (!found.row) return found.outcome;
    await this.deps.repo.markPresent(ctx.tx, found.row.id, event.occurredAt);
    this.reconcileSoon(found.row, ctx);
    return processed(found.row.id);
  };

  /**
   * A call session ended without the provider saying the room is empty (Whereby ends a session once
   * fewer than 2 have been inside for some time). It is recorded (this delivery, processed, on the
   * meeting's event list) and nothing ends: who is present decides that (`reconcile.ts`).
   */
  sessionEnded = async (event: SessionEndedEvent, ctx: EventContext): Promise<EventOutcome> => {
    const found = await this.meetingOf(event, ctx);
    return found.row ? processed(found.row.id) : found.outcome;
  };

  ended = async (event: MeetingLifecycleEvent, ctx: EventContext): Promise<EventOutcome> => {
    const found = await this.meetingOf(event, ctx);
    if (!found.row) return found.outcome;
    const { row } = found;
    // Delivered late, after someone already started the call again: nothing ends.
    if (await this.deps.participants.joinedSince(ctx.tx, row.id, event.occurredAt)) {
      this.reconcileSoon(row, ctx);
      return processed(row.id);
    }
    await this.deps.repo.markProviderEnded(ctx.tx, row.id, event.occurredAt);
    // Ended after the batch commits, and only if no later join in the same batch superseded the mark.
    ctx.followUp('meeting.end', { meetingId: row.id, reason: 'provider_ended' }, { singletonKey: row.id });
    return processed(row.id);
  };
}
