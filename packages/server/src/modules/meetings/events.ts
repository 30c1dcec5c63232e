import type { Clock, MeetingLifecycleEvent, ParticipantEvent, SessionEndedEvent } from '@meetbridge/platforms';
import type { Executor } from '../../db/client.js';
import { ignored, processed, type BatchEvent, type EventBatch, type EventContext, type EventOutcome } from '../../events/handler.js';
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

/** The event kinds this module applies (and whose meetings a batch locks up front). */
const MEETING_KINDS = new Set(['participant.joined', 'participant.left', 'meeting.started', 'meeting.ended', 'session.ended']);

/** A participant event's outcome, with the meeting it was applied to (locked in the batch). */
export type ParticipantOutcome = EventOutcome & { meeting?: MeetingRow };

/**
 * The meetings a batch locked, by provider key. `null` = looked up, no such meeting; absent = not
 * looked up (an event the preparation did not see).
 */
class LockedMeetings {
  private readonly byKey = new Map<string, MeetingRow | null>();

  static key(platform: string, kind: 'room' | 'meeting', value: string): string {
    return `${platform}\u0000${kind}\u0000${value}`;
  }

  /** Records a lookup's result under the given keys; a found row is never replaced by "missing". */
  remember(platform: string, roomName: string | null, meetingId: string | null, row: MeetingRow | null): void {
    const keys = [
      roomName && LockedMeetings.key(platform, 'room', roomName),
      meetingId && LockedMeetings.key(platform, 'meeting', meetingId),
    ];
    for (const key of keys) if (key) this.byKey.set(key, row ?? this.byKey.get(key) ?? null);
  }

  /** The locked row, `null` when known to be missing, `undefined` when not looked up. */
  find(platform: string, roomName: string | null, meetingId: string | null): MeetingRow | null | undefined {
    const byRoom = roomName ? this.byKey.get(LockedMeetings.key(platform, 'room', roomName)) : null;
    if (byRoom) return byRoom;
    const byMeeting = meetingId ? this.byKey.get(LockedMeetings.key(platform, 'meeting', meetingId)) : null;
    if (byMeeting) return byMeeting;
    return byRoom === undefined || byMeeting === undefined ? undefined : null;
  }
}

/** What a batch changed in a meeting, written once when the batch ends (`flush`). */
interface PendingMeeting {
  /** The latest time someone was seen in the call (`markPresent`). */
  presentAt: Date | null;
  /** The count follows the open sessions (providers without an absolute count). */
  recount: boolean;
  /** The newest absolute count the provider sent (Whereby), applied unless an even newer one is stored. */
  absolute: { n: number; at: Date } | null;
}

/**
 * Applies participant and meeting-lifecycle events to meeting state, inside the inbox batch's
 * transaction with the meeting row locked. Providers deliver twice and out of order, so every write
 * is idempotent; where the provider has a presence API, a reconciliation follows (coalesced per
 * meeting) and is the final writer.
 *
 * A batch locks all of its meetings in one statement (`prepare`), writes each participant session as
 * its event comes, and makes the per-meeting writes whose result only depends on the batch's last
 * word (the count, "someone is present", used-up reservations) once per meeting before it commits
 * (`flush`): the same final state as applying the events one by one, in far fewer round trips.
 */
export class MeetingEvents {
  constructor(private readonly deps: MeetingEventDeps) {}

  /** Locks every meeting the batch's meeting events name, in one statement, in id order. */
  prepare = async (events: readonly BatchEvent[], batch: EventBatch, tx: Executor): Promise<void> => {
    const byPlatform = new Map<string, { rooms: Set<string>; meetings: Set<string> }>();
    const wanted: BatchEvent[] = [];
    for (const item of events) {
      if (!MEETING_KINDS.has(item.event.kind)) continue;
      const { providerRoomName, providerMeetingId } = item.event;
      if (!providerRoomName && !providerMeetingId) continue;
      wanted.push(item);
      const keys = byPlatform.get(item.platform) ?? { rooms: new Set<string>(), meetings: new Set<string>() };
      byPlatform.set(item.platform, keys);
      if (providerRoomName) keys.rooms.add(providerRoomName);
      if (providerMeetingId) keys.meetings.add(providerMeetingId);
    }
    if (wanted.length === 0) return;
    const rows = await this.deps.repo.lockManyByProviderKeys(
      tx,
      [...byPlatform].map(([platform, k]) => ({ platform, roomNames: [...k.rooms], meetingIds: [...k.meetings] })),
    );
    const locked = this.locked(batch);
    for (const row of rows) locked.remember(row.platform, row.providerRoomName, row.providerMeetingId, row);
    for (const { platform, event } of wanted) locked.remember(platform, event.providerRoomName, event.providerMeetingId, null);
  };

  private locked(batch: EventBatch): LockedMeetings {
    return batch.state('meetings.locked', () => new LockedMeetings());
  }

  /** The event's meeting, locked; or the reason it is ignored. */
  private async meetingOf(event: { providerRoomName: string | null; providerMeetingId: string | null }, ctx: EventContext) {
    const locked = this.locked(ctx.batch);
    let row = locked.find(ctx.platform, event.providerRoomName, event.providerMeetingId);
    if (row === undefined) {
      row = (await this.deps.repo.lockByProviderKeys(ctx.tx, ctx.platform, event.providerRoomName, event.providerMeetingId)) ?? null;
      locked.remember(ctx.platform, event.providerRoomName, event.providerMeetingId, row);
    }
    if (!row) return { outcome: ignored(null, 'no meeting for this provider room') };
    if (!row.isActive) return { outcome: ignored(row.id, 'the meeting has ended') };
    return { row };
  }

  private reconcileSoon(row: MeetingRow, ctx: EventContext): void {
    if (ctx.adapter.capabilities.presence)
      ctx.followUp('meeting.reconcile', { meetingId: row.id, countEmpty: false }, { singletonKey: row.id });
  }

  /** The batch's pending writes of a meeting (the flush is registered with the first one). */
  private pending(ctx: EventContext, meetingId: string): PendingMeeting {
    const all = ctx.batch.state('meetings.pending', () => new Map<string, PendingMeeting>());
    ctx.batch.beforeCommit('meetings.flush', (tx) => this.flush(tx, all));
    let entry = all.get(meetingId);
    if (!entry) {
      entry = { presentAt: null, recount: false, absolute: null };
      all.set(meetingId, entry);
    }
    return entry;
  }

  private static present(p: PendingMeeting, at: Date): void {
    if (!p.presentAt || at > p.presentAt) p.presentAt = at;
  }

  /** Writes what the batch changed in its meetings: a few statements for all of them. */
  private async flush(tx: Executor, all: Map<string, PendingMeeting>): Promise<void> {
    const entries = [...all].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    // The batch's joins and leaves, written now (or already, by a read that needed them); each
    // session a join made new uses up one join reservation.
    const joined = await this.deps.participants.takeQueued(tx);
    await this.deps.reservations.clearMany(tx, joined, this.deps.clock.now());
    const present = new Map(entries.flatMap(([id, p]) => (p.presentAt ? [[id, p.presentAt] as const] : [])));
    await this.deps.repo.markPresentMany(tx, present);
    const recount = entries.filter(([, p]) => p.recount).map(([id]) => id);
    if (recount.length > 0) await this.deps.repo.setCounts(tx, await this.deps.participants.openCounts(tx, recount));
    for (const [id, p] of entries) if (p.absolute) await this.deps.repo.applyAbsoluteCount(tx, id, p.absolute.n, p.absolute.at);
    all.clear();
  }

  participant = async (event: ParticipantEvent, ctx: EventContext): Promise<ParticipantOutcome> => {
    const found = await this.meetingOf(event, ctx);
    if (!found.row) return found.outcome;
    const { row } = found;
    const { tx } = ctx;
    const change = { providerSessionId: event.sessionId, userId: event.userId, userName: event.userName, at: event.occurredAt };
    const pending = this.pending(ctx, row.id);
    if (event.kind === 'participant.joined') {
      this.deps.participants.queueJoin(tx, row.id, change);
      MeetingEvents.present(pending, event.occurredAt);
    } else {
      this.deps.participants.queueLeave(tx, row.id, change);
    }
    // Of two counts stamped the same instant, the one applied last wins (as `applyAbsoluteCount` does).
    if (event.numClients !== null) {
      if (!pending.absolute || event.occurredAt >= pending.absolute.at) pending.absolute = { n: event.numClients, at: event.occurredAt };
    } else pending.recount = true;
    this.reconcileSoon(row, ctx);
    return { ...processed(row.id), meeting: row };
  };

  started = async (event: MeetingLifecycleEvent, ctx: EventContext): Promise<EventOutcome> => {
    const found = await this.meetingOf(event, ctx);
    if (!found.row) return found.outcome;
    MeetingEvents.present(this.pending(ctx, found.row.id), event.occurredAt);
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
    // Presence this batch saw before the end applies first, as it would have one event at a time.
    const pending = this.pending(ctx, row.id);
    if (pending.presentAt) {
      await this.deps.repo.markPresent(ctx.tx, row.id, pending.presentAt);
      pending.presentAt = null;
    }
    await this.deps.repo.markProviderEnded(ctx.tx, row.id, event.occurredAt);
    // Ended after the batch commits, and only if no later join in the same batch superseded the mark.
    ctx.followUp('meeting.end', { meetingId: row.id, reason: 'provider_ended' }, { singletonKey: row.id });
    return processed(row.id);
  };
}
