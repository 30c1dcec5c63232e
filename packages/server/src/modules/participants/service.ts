import type { Db, Executor } from '../../db/client.js';
import type { ParticipantSessionRow } from '../../db/schema/index.js';
import { ParticipantRepo, type SessionChange } from './repo.js';

export type { SessionChange } from './repo.js';

/**
 * Participant sessions: who was in which meeting, when. The only writer of `participant_session`;
 * other modules (the meetings module applying webhooks and presence) go through here. Every method
 * runs on the caller's executor, so it joins the caller's transaction and meeting lock.
 */
export class ParticipantService {
  private readonly repo = new ParticipantRepo();

  constructor(private readonly db: Db) {}

  /** Records a join; returns true when the session is new to us. */
  recordJoin(tx: Executor, meetingId: string, change: SessionChange): Promise<boolean> {
    return this.repo.joined(tx, meetingId, change);
  }

  /** Records a leave, also before its join arrived (it then stays closed). */
  recordLeave(tx: Executor, meetingId: string, change: SessionChange): Promise<void> {
    return this.repo.left(tx, meetingId, change);
  }

  /** Every session of a meeting, oldest first. */
  sessions(meetingId: string, tx: Executor = this.db): Promise<ParticipantSessionRow[]> {
    return this.repo.sessions(tx, meetingId);
  }

  /** One page of a meeting's sessions (oldest join first) and the total count. */
  sessionsPage(meetingId: string, limit: number, offset: number): Promise<{ rows: ParticipantSessionRow[]; total: number }> {
    return this.repo.sessionsPage(this.db, meetingId, limit, offset);
  }

  close(tx: Executor, meetingId: string, providerSessionIds: string[], at: Date): Promise<void> {
    return this.repo.close(tx, meetingId, providerSessionIds, at);
  }

  closeAll(tx: Executor, meetingId: string, at: Date): Promise<void> {
    return this.repo.closeAll(tx, meetingId, at);
  }

  openSessions(tx: Executor, meetingId: string): Promise<Map<string, Date>> {
    return this.repo.openSessions(tx, meetingId);
  }

  openCount(tx: Executor, meetingId: string): Promise<number> {
    return this.repo.openCount(tx, meetingId);
  }

  hadSessions(tx: Executor, meetingId: string): Promise<boolean> {
    return this.repo.hadSessions(tx, meetingId);
  }

  joinedSince(tx: Executor, meetingId: string, at: Date): Promise<boolean> {
    return this.repo.joinedSince(tx, meetingId, at);
  }
}
