import type { MeetingEvent, MeetingEventKind, PlatformAdapter } from '@meetbridge/platforms';
import type { Executor } from '../db/client.js';
import type { JobName, JobPayloads } from '../jobs/types.js';

/**
 * The contract between the webhook inbox and the modules that own each kind of normalized event.
 * The inbox parses a stored delivery into events and hands each to its handler (one line per kind in
 * `modules/webhooks/dispatch.ts`), inside the transaction that marks the delivery processed.
 */
export interface EventContext {
  /** The transaction of this delivery's batch: writes commit together with the inbox row's status. */
  tx: Executor;
  /** The platform the delivery came from. */
  platform: string;
  adapter: PlatformAdapter;
  /**
   * Queues a follow-up job inside the same transaction, once per `(name, singletonKey)` per batch:
   * work that calls a provider (reconciliation, deleting a room) never runs inside the transaction.
   */
  followUp<N extends JobName>(name: N, payload: JobPayloads[N], options?: { singletonKey?: string }): void;
  /** What the handlers of one batch share (rows locked once, writes made once per meeting). */
  batch: EventBatch;
}

/**
 * One inbox batch, seen by its handlers. A batch is one transaction: what a module keeps here is valid
 * only inside it (a failed batch is retried row by row, each with a fresh batch).
 */
export interface EventBatch {
  /** The value this batch keeps under `key` (a module prefixes its keys), created by `init` on first use. */
  state<T>(key: string, init: () => T): T;
  /**
   * Runs `flush` once per `key`, after every event of the batch was handled and before its follow-ups
   * are queued and it commits: writes that only the batch's last word decides (a meeting's count)
   * are made once instead of once per event.
   */
  beforeCommit(key: string, flush: (tx: Executor) => Promise<void>): void;
}

/** An event of a batch with the platform of the delivery it came in. */
export interface BatchEvent {
  platform: string;
  event: MeetingEvent;
}

/**
 * Runs before a batch's events are handled, with all of them: a module locks, in one statement and
 * in a fixed order, the rows its handlers will need (no per-event lookups, no lock-order deadlocks
 * between workers).
 */
export type BatchPreparer = (events: readonly BatchEvent[], batch: EventBatch, tx: Executor) => Promise<void>;

/** What became of one event; the delivery's row records the most relevant outcome of its events. */
export interface EventOutcome {
  status: 'processed' | 'ignored';
  /** Why it was ignored. */
  error: string | null;
  /** The meeting it concerned, when one was found. */
  meetingId: string | null;
}

export type EventHandler<E extends MeetingEvent = MeetingEvent> = (event: E, ctx: EventContext) => Promise<EventOutcome>;

/** One handler per event kind: adding a kind to `MeetingEvent` fails to compile until it is routed. */
export type EventRoutes = { [K in MeetingEventKind]: EventHandler<Extract<MeetingEvent, { kind: K }>> };

export function processed(meetingId: string): EventOutcome {
  return { status: 'processed', error: null, meetingId };
}

export function ignored(meetingId: string | null, reason: string): EventOutcome {
  return { status: 'ignored', error: reason, meetingId };
}
