import type { Clock, LoggerLike, PlatformCatalog, PresenceParticipant, RoomSession } from '@meetbridge/platforms';
import type { Executor } from '../../db/client.js';
import type { MeetingRow } from '../../db/schema/index.js';
import type { ParticipantService } from '../participants/service.js';
import type { MeetingLifecycle } from './lifecycle.js';
import { meetingRef, type MeetingRepo } from './repo.js';
import type { ReservationRepo } from './reservations.js';

/**
 * Presence data may lag (Daily: up to ~15 s), so a session that started this recently is not closed
 * just because the provider does not list it yet.
 */
export const PRESENCE_LAG_MS = 15_000;
/** Empty reconciliation checks in a row after which a meeting that had participants ends. */
export const EMPTY_CHECKS_TO_END = 2;

export interface ReconcilerDeps {
  repo: MeetingRepo;
  reservations: ReservationRepo;
  participants: ParticipantService;
  lifecycle: MeetingLifecycle;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * Reconciles a meeting with its provider. Where the provider has a presence API it is the final
 * writer of open sessions and of the count; webhooks only make reconciliation happen sooner.
 */
export class PresenceReconciler {
  constructor(private readonly deps: ReconcilerDeps) {}

  /**
   * With a presence API: adds sessions the provider lists and we miss, closes open sessions it no
   * longer lists, and sets the count. With a sessions API: notes whether anyone is in the call.
   * `countEmpty` (periodic checks only) counts an empty check towards ending the meeting. Provider
   * errors change nothing.
   */
  async reconcile(meetingId: string, options: { countEmpty: boolean }): Promise<void> {
    const row = await this.deps.repo.row(meetingId);
    if (!row?.isActive) return;
    const adapter = this.deps.catalog.adapterForExisting(row.platform);
    if (!adapter) return;
    const fetchedAt = this.deps.clock.now();
    let presence: PresenceParticipant[] | null = null;
    let sessions: RoomSession[] | null = null;
    try {
      if (adapter.capabilities.presence) presence = await adapter.getPresence(meetingRef(row));
      else if (adapter.capabilities.sessions) sessions = await adapter.getSessions(meetingRef(row));
      else return;
    } catch (error) {
      this.deps.logger.warn({ err: error, meetingId, platform: row.platform }, 'reconciliation skipped: provider call failed');
      return;
    }
    const emptyChecks = await this.deps.repo.transaction(async (tx) => {
      const locked = await this.deps.repo.lock(tx, meetingId);
      if (!locked?.isActive) return 0;
      const { present, had } = presence ? await this.applyPresence(tx, locked, presence, fetchedAt) : summarize(sessions ?? []);
      if (present) await this.deps.repo.markPresent(tx, meetingId, fetchedAt);
      else if (had && options.countEmpty) await this.deps.repo.countEmptyCheck(tx, meetingId);
      return present ? 0 : locked.emptyChecks + (had && options.countEmpty ? 1 : 0);
    });
    if (emptyChecks >= EMPTY_CHECKS_TO_END) await this.deps.lifecycle.deactivate(meetingId, { reason: 'empty' });
  }

  private async applyPresence(tx: Executor, row: MeetingRow, presence: PresenceParticipant[], fetchedAt: Date) {
    const { participants } = this.deps;
    const open = await participants.openSessions(tx, row.id);
    const had = presence.length > 0 || open.size > 0 || (await participants.hadSessions(tx, row.id));
    const listed = new Set(presence.map((p) => p.sessionId));
    for (const p of presence) {
      if (open.has(p.sessionId)) continue;
      // New to us (a lost join webhook) → opened; one we saw leave stays closed (presence may lag).
      const change = { providerSessionId: p.sessionId, userId: p.userId, userName: p.userName, at: p.joinedAt };
      if (await participants.recordJoin(tx, row.id, change)) await this.deps.reservations.clearOne(tx, row.id, fetchedAt);
    }
    const stale = [...open]
      .filter(([id, joinedAt]) => !listed.has(id) && joinedAt.getTime() < fetchedAt.getTime() - PRESENCE_LAG_MS)
      .map(([id]) => id);
    await participants.close(tx, row.id, stale, fetchedAt);
    const count = await participants.openCount(tx, row.id);
    await this.deps.repo.setCount(tx, row.id, count);
    return { present: count > 0, had };
  }
}

function summarize(sessions: RoomSession[]): { present: boolean; had: boolean } {
  return { present: sessions.some((s) => s.endedAt === null), had: sessions.length > 0 };
}
