import type { Clock, HeaderBag, LoggerLike, MeetingEvent, PlatformCatalog } from '@meetbridge/platforms';
import { WebhookVerificationError } from '@meetbridge/platforms';
import { and, eq, or } from 'drizzle-orm';
import { sqlState, type Db } from '../../db/client.js';
import { meeting, type MeetingRow, type WebhookEventRow } from '../../db/schema/index.js';
import { ServiceUnavailableError, ValidationError } from '../../lib/errors.js';
import type { MeetingLifecycle } from '../meetings/lifecycle.js';
import type { Executor, ParticipantRepo } from '../participants/repo.js';
import type { ParticipantService } from '../participants/service.js';
import type { InboxRepo } from './repo.js';

export interface WebhookServiceDeps {
  db: Db;
  inbox: InboxRepo;
  participants: ParticipantService;
  participantRepo: ParticipantRepo;
  lifecycle: MeetingLifecycle;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  /** Called after a new delivery is stored, to get it processed soon. */
  onStored: () => void;
  /** Called with meetings whose presence should be reconciled after their events were applied. */
  onReconcile: (meetingIds: string[]) => Promise<void>;
}

export type ReceiveResult = 'stored' | 'duplicate' | 'ping';
type Outcome = { status: 'processed' | 'ignored'; error: string | null; meetingId: string | null; reconcile: boolean; end: boolean };

/**
 * Webhook intake and processing. `receive` verifies the signature over the raw bytes (the adapter
 * does it), stores the delivery once in the inbox and returns; `drain` applies stored deliveries to
 * meeting state, one row per transaction, so several workers can drain side by side.
 */
export class WebhookService {
  constructor(private readonly deps: WebhookServiceDeps) {}

  async receive(platform: string, rawBody: Buffer | undefined, headers: HeaderBag): Promise<ReceiveResult> {
    const body = rawBody ?? Buffer.alloc(0);
    const adapter = this.deps.catalog.adapterForExisting(platform);
    if (!adapter)
      throw new WebhookVerificationError(
        'no_secret_configured',
        `The ${platform} platform is not configured here, so its webhooks cannot be verified.`,
      );
    if (adapter.webhooks.isPing(body, headers)) return 'ping';
    const verified = adapter.webhooks.verify(body, headers, this.deps.clock.now());
    if (verified.body === undefined)
      throw new ValidationError('The webhook body is not valid JSON.', [{ field: 'body', message: 'must be JSON' }]);
    let stored: boolean;
    try {
      stored = await this.deps.inbox.insert({
        platform,
        providerEventId: verified.eventId,
        type: verified.type,
        occurredAt: verified.occurredAt,
        rawJson: body.toString('utf8'),
      });
    } catch (error) {
      // Class 22 = data exception: JSON that PostgreSQL's jsonb refuses (e.g. \u0000). Retrying won't help.
      if (sqlState(error)?.startsWith('22'))
        throw new ValidationError('The webhook body is JSON that cannot be stored (e.g. a \\u0000 character).', [
          { field: 'body', message: 'unsupported JSON content' },
        ]);
      this.deps.logger.error({ err: error, platform }, 'could not store a webhook');
      throw new ServiceUnavailableError('The webhook could not be stored right now; retry later.', { cause: error });
    }
    if (stored) this.deps.onStored();
    return stored ? 'stored' : 'duplicate';
  }

  /**
   * Processes pending deliveries until none is left (or `max` were handled); returns how many.
   * Rows are applied in batches, one transaction each; when a batch fails (a bad row, or a deadlock
   * between workers), its rows are retried one per transaction so only the bad row is set aside.
   */
  async drain(max = 5000, batchSize = 50): Promise<number> {
    const reconcile = new Set<string>();
    const end = new Set<string>();
    let handled = 0;
    while (handled < max) {
      let outcomes: Outcome[];
      try {
        outcomes = await this.applyBatch(batchSize);
      } catch (error) {
        this.deps.logger.warn({ err: error }, 'webhook batch failed; retrying its rows one by one');
        const retried = await this.applyOneByOne(batchSize);
        handled += retried.failed;
        outcomes = retried.outcomes;
        if (outcomes.length === 0 && retried.failed === 0) break;
        if (outcomes.length === 0) continue;
      }
      if (outcomes.length === 0) break;
      handled += outcomes.length;
      for (const o of outcomes) {
        if (o.meetingId && o.reconcile) reconcile.add(o.meetingId);
        if (o.meetingId && o.end) end.add(o.meetingId);
      }
    }
    for (const id of end) await this.deps.lifecycle.deactivate(id, 'provider_ended');
    if (reconcile.size > 0) await this.deps.onReconcile([...reconcile]);
    return handled;
  }

  private applyBatch(limit: number): Promise<Outcome[]> {
    return this.deps.db.transaction(async (tx) => {
      const rows = await this.deps.inbox.claim(tx, limit);
      const outcomes: Outcome[] = [];
      for (const row of rows) {
        const outcome = await this.process(tx, row);
        await this.deps.inbox.finish(tx, row.id, outcome, this.deps.clock.now());
        outcomes.push(outcome);
      }
      return outcomes;
    });
  }

  private async applyOneByOne(count: number): Promise<{ outcomes: Outcome[]; failed: number }> {
    const outcomes: Outcome[] = [];
    let failed = 0;
    for (let i = 0; i < count; i++) {
      const one = await this.applyOne();
      if (!one) break;
      if (one === 'failed') failed++;
      else outcomes.push(one);
    }
    return { outcomes, failed };
  }

  /** One row in its own transaction; a failure is recorded on the row. `undefined` = inbox empty. */
  private async applyOne(): Promise<Outcome | 'failed' | undefined> {
    let claimed: WebhookEventRow | undefined;
    try {
      return await this.deps.db.transaction(async (tx) => {
        [claimed] = await this.deps.inbox.claim(tx, 1);
        if (!claimed) return undefined;
        const outcome = await this.process(tx, claimed);
        await this.deps.inbox.finish(tx, claimed.id, outcome, this.deps.clock.now());
        return outcome;
      });
    } catch (error) {
      if (!claimed) throw error;
      this.deps.logger.error({ err: error, eventId: claimed.id }, 'webhook processing failed');
      await this.deps.inbox.fail(claimed.id, error instanceof Error ? error.message : String(error), this.deps.clock.now());
      return 'failed';
    }
  }

  private async process(tx: Executor, row: WebhookEventRow): Promise<Outcome> {
    const adapter = this.deps.catalog.adapterForExisting(row.platform);
    if (!adapter) return ignored(null, `the ${row.platform} platform is not configured`);
    const events = adapter.webhooks.parse({ eventId: row.providerEventId, type: row.type, occurredAt: row.occurredAt, body: row.payload });
    let result: Outcome = ignored(null, 'no event Meetbridge acts on');
    for (const event of events) {
      const next = await this.apply(tx, row.platform, event, adapter.capabilities.presence);
      if (next.status === 'processed' || result.status === 'ignored') result = next;
    }
    return result;
  }

  private async apply(tx: Executor, platform: string, event: MeetingEvent, hasPresence: boolean): Promise<Outcome> {
    if (event.kind === 'unhandled') return ignored(null, `event type ${event.providerType} is not used`);
    const row = await this.findMeeting(tx, platform, event.providerRoomName, event.providerMeetingId);
    if (!row) return ignored(null, 'no meeting for this provider room');
    if (!row.isActive) return ignored(row.id, 'the meeting has ended');
    switch (event.kind) {
      case 'participant.joined':
      case 'participant.left':
        await this.deps.participants.applyEvent(tx, row, event);
        return { status: 'processed', error: null, meetingId: row.id, reconcile: hasPresence, end: false };
      case 'meeting.started':
        await this.deps.participantRepo.markPresent(tx, row.id, event.occurredAt);
        return { status: 'processed', error: null, meetingId: row.id, reconcile: hasPresence, end: false };
      case 'meeting.ended':
        // Delivered late, after someone already started the call again: nothing ends.
        if (await this.deps.participantRepo.joinedSince(tx, row.id, event.occurredAt))
          return { status: 'processed', error: null, meetingId: row.id, reconcile: hasPresence, end: false };
        await tx.update(meeting).set({ providerEndedAt: event.occurredAt }).where(eq(meeting.id, row.id));
        return { status: 'processed', error: null, meetingId: row.id, reconcile: false, end: true };
      default:
        return ignored(row.id, 'recording events are not processed yet (recordings issue)');
    }
  }

  private async findMeeting(
    tx: Executor,
    platform: string,
    roomName: string | null,
    providerMeetingId: string | null,
  ): Promise<MeetingRow | undefined> {
    const keys = [
      roomName ? eq(meeting.providerRoomName, roomName) : undefined,
      providerMeetingId ? eq(meeting.providerMeetingId, providerMeetingId) : undefined,
    ].filter((k) => k !== undefined);
    if (keys.length === 0) return undefined;
    // Found and locked in one statement: writers of one meeting are serialized from here on.
    const [row] = await tx
      .select()
      .from(meeting)
      .where(and(eq(meeting.platform, platform), or(...keys)))
      .limit(1)
      .for('update');
    return row;
  }
}

function ignored(meetingId: string | null, reason: string): Outcome {
  return { status: 'ignored', error: reason, meetingId, reconcile: false, end: false };
}
