import type { FakeScheduler } from '../core/scheduler.js';
import type { WebhookSender } from '../core/webhook-sender.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';
import type { WherebyPresence } from './presence.js';
import type { WherebyUploads } from './uploads.js';
import type { S3NoticeSender } from '../core/s3-notices.js';
import type { WherebyState } from './state.js';

/** Everything the Whereby routes and control share. */
export interface WherebyContext {
  readonly apiKey: string;
  readonly subdomain: string;
  readonly state: WherebyState;
  readonly presence: WherebyPresence;
  readonly sender: WebhookSender;
  readonly scheduler: FakeScheduler;
  readonly now: () => number;
  /** How far insights lag behind the calls (ms). */
  readonly insightsLagMs: number;
  /** The organisation's point budget (`routes-meetings.ts`). */
  readonly budget: WherebyPointBudget;
  /** The fake's origin (`http://127.0.0.1:port`), known once listening; used in access links. */
  origin: string;
  /** Cloud recordings: upload to the S3 destination, bucket notices, `recording.finished`. */
  readonly uploads: WherebyUploads;
  /** The S3 event notifications of the recordings bucket (`s3Notices`), if configured. */
  readonly notices: S3NoticeSender | undefined;
}

/**
 * Whereby's rate limit: a budget of points per minute for the whole organisation, shared by all its
 * API keys; a read costs 1 point, a delete 2, a write 3
 * (https://github.com/whereby/docs/blob/main/reference/whereby-rest-api-reference/README.md).
 */
export class WherebyPointBudget {
  private windowStart: number | null = null;
  private spent = 0;

  constructor(
    /** Points per minute (Build plan 100, Grow 1000). */
    readonly limit: number,
    /** Points per call: `read` (GET), `delete`, `write` (POST, PUT, PATCH), `insights` (GET /insights/*). */
    readonly costs: { read: number; delete: number; write: number; insights: number },
  ) {}

  /** The points `method path` costs. */
  cost(method: string, path: string): number {
    if (method === 'GET' || method === 'HEAD') return path.includes('/insights/') ? this.costs.insights : this.costs.read;
    return method === 'DELETE' ? this.costs.delete : this.costs.write;
  }

  /** Charges a call; `null` when within budget, else how long until the window resets (ms). */
  charge(points: number, nowMs: number): { msLeft: number; remaining: number } | null {
    if (this.windowStart === null || nowMs - this.windowStart >= 60_000) {
      this.windowStart = nowMs;
      this.spent = 0;
    }
    if (this.spent + points > this.limit) return { msLeft: this.windowStart + 60_000 - nowMs, remaining: this.limit - this.spent };
    this.spent += points;
    return null;
  }

  /** Points left in the current window. */
  remaining(nowMs: number): number {
    return this.windowStart === null || nowMs - this.windowStart >= 60_000 ? this.limit : this.limit - this.spent;
  }

  reset(): void {
    this.windowStart = null;
    this.spent = 0;
  }
}

/** Sends webhooks caused by a REST call in the background (await `control.settle()` to wait for them). */
export function dispatch(ctx: WherebyContext, events: readonly OutgoingWebhook[]): void {
  if (events.length > 0) void ctx.sender.send(events);
}
