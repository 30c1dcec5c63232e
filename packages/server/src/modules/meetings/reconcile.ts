import type { Clock, LoggerLike, PlatformAdapter, PlatformCatalog, PresenceSnapshot } from '@meetbridge/platforms';
import { RateLimitedError } from '@meetbridge/platforms';
import type { Executor } from '../../db/client.js';
import type { MeetingRow } from '../../db/schema/index.js';
import type { ParticipantService } from '../participants/service.js';
import type { MeetingLifecycle } from './lifecycle.js';
import { meetingRef, type MeetingRepo } from './repo.js';
import type { ReservationRepo } from './reservations.js';

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

/** What a reconciliation under the meeting lock decided. */
type Verdict = 'keep' | 'end' | 'confirm-then-end';

/**
 * Reconciles a meeting with what its provider says about who is in the call. The provider's
 * declared presence source (`adapter.presence.source`) is the final writer:
 *
 * - `api` (Daily, mock): the live presence API. Sessions it lists and we miss are opened, open
 *   sessions it no longer lists are closed (unless younger than its lag), and the count follows.
 * - `webhooks` (Whereby): the newest absolute count the webhooks carried (`num_clients`, applied
 *   by `events.ts` only when newer). No provider call while it says someone is present. Once it has
 *   said "empty" for longer than the sessions API lags, that API may confirm the end: a session it
 *   still shows running means a webhook went missing, so nothing ends.
 *
 * Webhooks only make reconciliation happen sooner. Provider errors and deferred calls (rate budget)
 * change nothing.
 */
export class PresenceReconciler {
  constructor(private readonly deps: ReconcilerDeps) {}

  /**
   * `countEmpty` (periodic checks only) counts an empty check towards ending a meeting that had
   * participants; `EMPTY_CHECKS_TO_END` in a row end it.
   */
  async reconcile(meetingId: string, options: { countEmpty: boolean }): Promise<void> {
    const row = await this.deps.repo.row(meetingId);
    if (!row?.isActive) return;
    const adapter = this.deps.catalog.adapterForExisting(row.platform);
    if (!adapter) return;
    const verdict =
      adapter.presence.source === 'webhooks'
        ? await this.fromWebhooks(row, adapter, options.countEmpty)
        : await this.fromPresenceApi(row, adapter, options.countEmpty);
    if (verdict === 'keep') return;
    if (verdict === 'confirm-then-end' && !(await this.sessionsConfirmEnd(row, adapter))) return;
    await this.deps.lifecycle.deactivate(meetingId, { reason: 'empty' });
  }

  private skipped(error: unknown, row: MeetingRow, what: string): void {
    if (error instanceof RateLimitedError) {
      this.deps.logger.debug(
        { meetingId: row.id, platform: row.platform, retryAfterMs: error.retryAfterMs },
        `${what} deferred: rate budget`,
      );
    } else {
      this.deps.logger.warn({ err: error, meetingId: row.id, platform: row.platform }, `${what} skipped: provider call failed`);
    }
  }

  private async fromPresenceApi(row: MeetingRow, adapter: PlatformAdapter, countEmpty: boolean): Promise<Verdict> {
    if (!adapter.capabilities.presence) return 'keep';
    const fetchedAt = this.deps.clock.now();
    let presence: PresenceSnapshot;
    try {
      presence = await adapter.getPresence(meetingRef(row));
    } catch (error) {
      this.skipped(error, row, 'reconciliation');
      return 'keep';
    }
    const emptyChecks = await this.deps.repo.transaction(async (tx) => {
      const locked = await this.deps.repo.lock(tx, row.id);
      if (!locked?.isActive) return 0;
      const { present, had } = await this.applyPresence(tx, locked, presence, fetchedAt, adapter.presence.presenceLagSeconds);
      if (present) await this.deps.repo.markPresent(tx, row.id, fetchedAt);
      else if (had && countEmpty) await this.deps.repo.countEmptyCheck(tx, row.id);
      return present ? 0 : locked.emptyChecks + (had && countEmpty ? 1 : 0);
    });
    return emptyChecks >= EMPTY_CHECKS_TO_END ? 'end' : 'keep';
  }

  /**
   * Adds the sessions the provider lists and we miss; closes open sessions it no longer lists
   * (unless younger than its lag), but only when its answer was complete: a session beyond a partial
   * page is not gone. The count is then the provider's own total.
   */
  private async applyPresence(tx: Executor, row: MeetingRow, presence: PresenceSnapshot, fetchedAt: Date, lagSeconds: number) {
    const { participants } = this.deps;
    const listedNow = presence.participants;
    const open = await participants.openSessions(tx, row.id);
    const had = presence.total > 0 || open.size > 0 || (await participants.hadSessions(tx, row.id));
    const listed = new Set(listedNow.map((p) => p.sessionId));
    for (const p of listedNow) {
      if (open.has(p.sessionId)) continue;
      // New to us (a lost join webhook) → opened; one we saw leave stays closed (presence may lag).
      const change = { providerSessionId: p.sessionId, userId: p.userId, userName: p.userName, at: p.joinedAt };
      if (await participants.recordJoin(tx, row.id, change)) await this.deps.reservations.clearOne(tx, row.id, fetchedAt);
    }
    const complete = presence.total <= listedNow.length;
    const stale = complete
      ? [...open]
          .filter(([id, joinedAt]) => !listed.has(id) && joinedAt.getTime() < fetchedAt.getTime() - lagSeconds * 1000)
          .map(([id]) => id)
      : [];
    await participants.close(tx, row.id, stale, fetchedAt);
    const count = complete ? await participants.openCount(tx, row.id) : presence.total;
    await this.deps.repo.setCount(tx, row.id, count);
    return { present: count > 0, had };
  }

  /**
   * Presence from the webhooks' absolute count: nothing to ask the provider while it says someone
   * is in the call. An empty check counts only for a meeting that had participants; the end waits
   * until the count has said "empty" for longer than the sessions API lags, so that API can confirm.
   */
  private async fromWebhooks(row: MeetingRow, adapter: PlatformAdapter, countEmpty: boolean): Promise<Verdict> {
    const now = this.deps.clock.now();
    const lagMs = adapter.presence.sessionsLagSeconds * 1000;
    return this.deps.repo.transaction(async (tx) => {
      const locked = await this.deps.repo.lock(tx, row.id);
      if (!locked?.isActive) return 'keep';
      if (locked.numClients > 0) {
        await this.deps.repo.markPresent(tx, row.id, now);
        return 'keep';
      }
      const emptySince = locked.numClientsAt;
      if (!countEmpty || emptySince === null) return 'keep';
      await this.deps.repo.countEmptyCheck(tx, row.id);
      if (locked.emptyChecks + 1 < EMPTY_CHECKS_TO_END) return 'keep';
      if (now.getTime() - emptySince.getTime() < lagMs) return 'keep';
      return adapter.capabilities.sessions && lagMs > 0 ? 'confirm-then-end' : 'end';
    });
  }

  /**
   * Asks the sessions API (a background read, so it may be deferred) whether the call it knows
   * about ended. It shows the past only, so it is asked only about a time the webhooks say was
   * empty for longer than its lag: a session it still shows running contradicts the webhooks.
   */
  private async sessionsConfirmEnd(row: MeetingRow, adapter: PlatformAdapter): Promise<boolean> {
    try {
      const sessions = await adapter.getSessions(meetingRef(row));
      const running = sessions.filter((s) => s.endedAt === null);
      if (running.length === 0) return true;
      this.deps.logger.warn(
        { meetingId: row.id, platform: row.platform, sessions: running.map((s) => s.sessionId) },
        'webhooks say the call is empty but the provider still shows a session running (a lost webhook?); not ending it',
      );
      return false;
    } catch (error) {
      this.skipped(error, row, 'end confirmation');
      return false;
    }
  }
}
