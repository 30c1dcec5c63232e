import type { Executor } from '../db/client.js';

/**
 * The payload each queue accepts, keyed by queue name (`<domain>.<verb>`). Empty here: every module
 * adds its own queues from its `jobs.ts` by declaration merging, so adding a queue touches only that
 * module and one line of `jobs/registry.ts`:
 *
 * ```ts
 * declare module '../../jobs/types.js' {
 *   interface JobPayloads { 'meeting.reconcile': { meetingId: string } }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface JobPayloads {}

/** The name of a registered queue. */
export type JobName = keyof JobPayloads & string;

/** Options of one `send`. */
export interface SendOptions {
  /**
   * Enqueue inside this transaction: the job exists only if the transaction commits, so a job is
   * never queued for a row that was rolled back (and never missing for a row that was committed).
   */
  tx?: Executor;
  /** At most one queued (and, on `stately` queues, one running) job per key. */
  singletonKey?: string;
  /** With `singletonKey`: at most one job per key per this many seconds (throttling). */
  singletonSeconds?: number;
  /** Not before this time (a Date) or this many seconds from now. */
  startAfter?: Date | number;
}

/** Enqueues jobs; what services depend on (the queue implements it). */
export interface JobSender {
  /** Returns the job id, or `null` when coalesced into an existing job (singleton keys). */
  send<N extends JobName>(name: N, payload: JobPayloads[N], options?: SendOptions): Promise<string | null>;
  /**
   * Queues several jobs in one statement inside `tx` (a job whose singleton key is taken is
   * coalesced, as with `send`).
   */
  sendMany(jobs: readonly QueuedJob[], options: { tx: Executor }): Promise<void>;
}

/** One job of `sendMany`. */
export interface QueuedJob<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
  singletonKey?: string;
}

/** Reads which jobs may still run; what a sweep for work whose job died with its process asks. */
export interface JobInspector {
  /**
   * Of `singletonKeys`, those with a job of queue `name` that may still run: queued, waiting for a
   * retry, or active (an active job whose process died is expired and retried, or failed, by the queue).
   */
  liveKeys(name: JobName, singletonKeys: readonly string[]): Promise<Set<string>>;
}
