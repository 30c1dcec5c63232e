import { eq } from 'drizzle-orm';
import type { Clock, LoggerLike, ParticipantEvent, PlatformCatalog, PresenceParticipant, RoomSession } from '@meetbridge/platforms';
import type { Db } from '../../db/client.js';
import { meeting, type MeetingRow } from '../../db/schema/index.js';
import type { MeetingLifecycle } from '../meetings/lifecycle.js';
import { meetingRef } from '../meetings/repo.js';
import type { Executor, ParticipantRepo } from './repo.js';

/**
 * Presence data may lag (Daily: up to ~15 s), so a session that started this recently is not closed
 * just because the provider does not list it yet.
 */
export const PRESENCE_LAG_MS = 15_000;
/** Empty reconciliation checks in a row after which a meeting that had participants ends. */
export const EMPTY_CHECKS_TO_END = 2;

export interface ParticipantServiceDeps {
  db: Db;
  repo: ParticipantRepo;
  lifecycle: MeetingLifecycle;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * Keeps `participant_session` and `meeting.num_clients` exact. Webhooks are triggers: their changes
 * are applied idempotently, and where the provider has a presence API, a reconciliation against it
 * is the final writer of open sessions and of the count.
 */
export class ParticipantService {
  constructor(private readonly deps: ParticipantServiceDeps) {}

  /** Applies a participant event to a meeting, inside the caller's transaction (meeting row locked). */
  async applyEvent(tx: Executor, row: MeetingRow, event: ParticipantEvent): Promise<void> {
    const change = { providerSessionId: event.sessionId, userId: event.userId, userName: event.userName, at: event.occurredAt };
    if (event.kind === 'participant.joined') {
      const isNew = await this.deps.repo.joined(tx, row.id, change);
      if (isNew) await this.deps.repo.clearOneReservation(tx, row.id, this.deps.clock.now());
      await this.deps.repo.markPresent(tx, row.id, event.occurredAt);
    } else {
      await this.deps.repo.left(tx, row.id, change);
    }
    if (event.numClients !== null) await this.deps.repo.applyAbsoluteCount(tx, row.id, event.numClients, event.occurredAt);
    else await this.deps.repo.deriveCount(tx, row.id);
  }

  /**
   * Reconciles one meeting with its provider. With a presence API: adds sessions the provider lists
   * and we miss, closes open sessions it no longer lists, and sets the count. With a sessions API:
   * notes whether anyone is in the call. `countEmpty` (periodic checks only) counts an empty check
   * towards ending the meeting. Provider errors change nothing.
   */
  async reconcile(meetingId: string, countEmpty: boolean): Promise<void> {
    const [row] = await this.deps.db.select().from(meeting).where(eq(meeting.id, meetingId));
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
    const emptyChecks = await this.deps.db.transaction(async (tx) => {
      const locked = await this.deps.repo.lockMeeting(tx, meetingId);
      if (!locked?.isActive) return 0;
      const { present, had } = presence ? await this.applyPresence(tx, locked, presence, fetchedAt) : summarize(sessions ?? []);
      if (present) await this.deps.repo.markPresent(tx, meetingId, fetchedAt);
      else if (had && countEmpty) await this.deps.repo.countEmptyCheck(tx, meetingId);
      return present ? 0 : locked.emptyChecks + (had && countEmpty ? 1 : 0);
    });
    if (emptyChecks >= EMPTY_CHECKS_TO_END) await this.deps.lifecycle.deactivate(meetingId, 'empty');
  }

  private async applyPresence(tx: Executor, row: MeetingRow, presence: PresenceParticipant[], fetchedAt: Date) {
    const open = await this.deps.repo.openSessions(tx, row.id);
    const had = presence.length > 0 || open.size > 0 || (await this.deps.repo.hadSessions(tx, row.id));
    const listed = new Set(presence.map((p) => p.sessionId));
    for (const p of presence) {
      if (open.has(p.sessionId)) continue;
      // New to us (a lost join webhook) → opened; one we saw leave stays closed (presence may lag).
      const isNew = await this.deps.repo.joined(tx, row.id, {
        providerSessionId: p.sessionId,
        userId: p.userId,
        userName: p.userName,
        at: p.joinedAt,
      });
      if (isNew) await this.deps.repo.clearOneReservation(tx, row.id, fetchedAt);
    }
    const stale = [...open]
      .filter(([id, joinedAt]) => !listed.has(id) && joinedAt.getTime() < fetchedAt.getTime() - PRESENCE_LAG_MS)
      .map(([id]) => id);
    await this.deps.repo.close(tx, row.id, stale, fetchedAt);
    const count = await this.deps.repo.deriveCount(tx, row.id);
    return { present: count > 0, had };
  }
}

function summarize(sessions: RoomSession[]): { present: boolean; had: boolean } {
  return { present: sessions.some((s) => s.endedAt === null), had: sessions.length > 0 };
}
