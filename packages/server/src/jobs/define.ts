import type { z } from 'zod';
import type { JobName, JobPayloads } from './types.js';

/** How pg-boss keeps a queue: policy, retries with backoff, and how long a job may run. */
export interface QueuePolicy {
  /** `stately`: at most one queued and one active job (per singleton key). Default `standard`. */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  /** Retries after the first failure. Default 2. */
  retryLimit?: number;
  /** Seconds before the first retry. Default 1. */
  retryDelay?: number;
  /** Double the delay at each retry (with jitter). Default true. */
  retryBackoff?: boolean;
  /**
   * How long a job may stay `active` before it is considered lost (its process died) and retried.
   * Default 15 minutes (pg-boss's); keep it short for jobs that must resume quickly after a crash.
   */
  expireInSeconds?: number;
}

/** Facts about the job being handled. */
export interface JobInfo {
  id: string;
  /** Retries so far (0 on the first attempt). */
  retryCount: number;
  /** Retries the queue's policy allows; `retryCount >= retryLimit` is the last attempt. */
  retryLimit: number;
}

/** One queue: its name, policy, payload schema and handler. Declared by the module that owns the work. */
export interface JobDefinition<N extends JobName = JobName, Out = unknown> {
  name: N;
  /** Parses the payload before the handler sees it; a bad payload fails the job without retries. */
  schema: z.ZodType<Out, JobPayloads[N]>;
  queue: QueuePolicy;
  /** Jobs fetched per poll (the handler is called once per job). Default 1. */
  batchSize?: number;
  /** Seconds between polls when idle. Default 0.5. */
  pollingIntervalSeconds?: number;
  /**
   * Sent automatically every this many seconds by every process that works this queue, throttled
   * to one per period across all of them (a periodic sweep). Payload `{}`.
   */
  everySeconds?: number;
  /**
   * With `everySeconds`: also sent once, unthrottled, when a process starts working the queue (work
   * that depends on this process's configuration, such as a backend that has just been configured).
   */
  atStart?: boolean;
  handle(payload: Out, job: JobInfo): Promise<void>;
}

/** Declares a job with its payload type checked against the queue's entry in `JobPayloads`. */
export function defineJob<N extends JobName, Out>(definition: JobDefinition<N, Out>): JobDefinition {
  return definition as unknown as JobDefinition;
}

/** Thrown by a handler (or for a bad payload) when retrying cannot help: the job is cancelled, not retried. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
