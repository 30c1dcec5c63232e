import type { Db, Executor } from '../../db/client.js';
import type { ParticipantSessionRow } from '../../db/schema/index.js';
import { ParticipantRepo, type SessionChange, type SessionWrite } from './repo.js';

export type { SessionChange } from './repo.js';

/** Joins and leaves queued in one transaction, and the sessions they made new so far. */
interface Queued {
  writes: SessionWrite[];
  created: Map<string, number>;
}

/**
 * Participant sessions: who was in which meeting, when. The only writer of `participant_session`;
 * other modules (the meetings module applying webhooks and presence) go through here. Every method
 * runs on the caller's executor, so it joins the caller's transaction and meeting lock.
 *
 * Joins and leaves can also be queued (`queueJoin`/`queueLeave`, the inbox's batches): they are
 * written together, in two statements, by `takeQueued` or before anything else reads or writes
 * sessions in that transaction — a caller always reads its own writes.
 */
export class ParticipantService {
  private readonly repo = new ParticipantRepo();
  private readonly queued = new WeakMap<Executor, Queued>();

  constructor(private readonly db: Db) {}

  /** Queues a join in `tx` (the caller holds the meeting's lock until `tx` ends). */
  queueJoin(tx: Executor, meetingId: string, change: SessionChange): void {
    this.queue(tx, { meetingId, kind: 'join', change });
  }

  /** Queues a leave in `tx`, also before its join arrived (the session then stays closed). */
  queueLeave(tx: Executor, meetingId: string, change: SessionChange): void {
    this.queue(tx, { meetingId, kind: 'leave', change });
  }

  private queue(tx: Executor, write: SessionWrite): void {
    let q = this.queued.get(tx);
    if (!q) {
      q = { writes: [], created: new Map() };
      this.queued.set(tx, q);
    }
    q.writes.push(write);
  }

  /** Writes what is queued in `tx`; then, per meeting, how many sessions its joins made new (and forgets them). */
  async takeQueued(tx: Executor): Promise<Map<string, number>> {
    await this.flush(tx);
    const q = this.queued.get(tx);
    this.queued.delete(tx);
    return q?.created ?? new Map<string, number>();
  }

  /** Writes what is queued in `tx` (before any other read or write of sessions in it). */
  private async flush(tx: Executor): Promise<void> {
    const q = this.queued.get(tx);
    if (!q || q.writes.length === 0) return;
    const writes = q.writes;
    q.writes = [];
    for (const [meetingId, n] of await this.repo.applyMany(tx, writes)) q.created.set(meetingId, (q.created.get(meetingId) ?? 0) + n);
  }

  /** Records a join; returns true when the session is new to us. */
  async recordJoin(tx: Executor, meetingId: string, change: SessionChange): Promise<boolean> {
    await this.flush(tx);
    return this.repo.joined(tx, meetingId, change);
  }

  /** Records a leave, also before its join arrived (it then stays closed). */
  async recordLeave(tx: Executor, meetingId: string, change: SessionChange): Promise<void> {
    await this.flush(tx);
    return this.repo.left(tx, meetingId, change);
  }

  /** Every session of a meeting, oldest first. */
  async sessions(meetingId: string, tx: Executor = this.db): Promise<ParticipantSessionRow[]> {
    await this.flush(tx);
    return this.repo.sessions(tx, meetingId);
  }

  /** One page of a meeting's sessions (oldest join first) and the total count. */
  sessionsPage(meetingId: string, limit: number, offset: number): Promise<{ rows: ParticipantSessionRow[]; total: number }> {
    return this.repo.sessionsPage(this.db, meetingId, limit, offset);
  }

  async close(tx: Executor, meetingId: string, providerSessionIds: string[], at: Date): Promise<void> {
    await this.flush(tx);
    return this.repo.close(tx, meetingId, providerSessionIds, at);
  }

  async closeAll(tx: Executor, meetingId: string, at: Date): Promise<void> {
    await this.flush(tx);
    return this.repo.closeAll(tx, meetingId, at);
  }

  async openSessions(tx: Executor, meetingId: string): Promise<Map<string, Date>> {
    await this.flush(tx);
    return this.repo.openSessions(tx, meetingId);
  }

  async openCount(tx: Executor, meetingId: string): Promise<number> {
    await this.flush(tx);
    return this.repo.openCount(tx, meetingId);
  }

  /** How many sessions are open in each of these meetings. */
  async openCounts(tx: Executor, meetingIds: readonly string[]): Promise<Map<string, number>> {
    await this.flush(tx);
    return this.repo.openCounts(tx, meetingIds);
  }

  async hadSessions(tx: Executor, meetingId: string): Promise<boolean> {
    await this.flush(tx);
    return this.repo.hadSessions(tx, meetingId);
  }

  async joinedSince(tx: Executor, meetingId: string, at: Date): Promise<boolean> {
    await this.flush(tx);
    return this.repo.joinedSince(tx, meetingId, at);
  }
}
