import type { CallPriority } from './errors.js';

/**
 * A per-provider rate budget kept by the transport, so background reads (insights, presence,
 * recordings) never use up what interactive calls (meeting creation, join) need. Each provider
 * describes its limit as pools of points within a sliding window (Whereby: one pool of points per
 * minute for the organisation; Daily: per-endpoint windows) and what each call costs. Background
 * calls may use only `backgroundShare` of a pool and are refused at once beyond it (the caller
 * defers them); interactive calls may use all of it, and wait a little when it is spent.
 *
 * The budget is per process: with several processes calling one provider, give each its share.
 */

/** At most `points` within any `windowMs` (a sliding window, so it also holds in any fixed window). */
export interface RatePool {
  points: number;
  windowMs: number;
}

/** What one call uses: the pool it counts against and its cost in points. */
export interface RateCharge {
  pool: string;
  cost: number;
}

/** A provider's rate limit, as data: its pools and how each call is charged. */
export interface RateBudgetSpec {
  readonly pools: Readonly<Record<string, RatePool>>;
  /** The pool and cost of a call (`method`, `path` below the base URL, the client method's name). */
  charge(call: { method: string; path: string; operation: string }): RateCharge;
}

/** Share of each pool background calls may use (the rest is kept for interactive calls). */
export const DEFAULT_BACKGROUND_SHARE = 0.5;

interface Spent {
  at: number;
  cost: number;
}

/** The budget of one provider in one process. */
export class RateBudget {
  private readonly spent = new Map<string, Spent[]>();
  private blockedUntil = 0;

  constructor(
    private readonly spec: RateBudgetSpec,
    private readonly backgroundShare = DEFAULT_BACKGROUND_SHARE,
  ) {}

  /** The pool and cost of a call (a pool the spec does not declare is not limited). */
  charge(call: { method: string; path: string; operation: string }): RateCharge {
    return this.spec.charge(call);
  }

  /**
   * Milliseconds until a call of `cost` points in `pool` may be made with this priority: 0 = now.
   * Counts the provider's own "slow down" (`block`) as well.
   */
  waitMs(charge: RateCharge, priority: CallPriority, nowMs: number): number {
    const blocked = Math.max(0, this.blockedUntil - nowMs);
    const pool = this.spec.pools[charge.pool];
    if (!pool) return blocked;
    const allowed = priority === 'interactive' ? pool.points : Math.floor(pool.points * this.backgroundShare);
    const live = this.prune(charge.pool, pool, nowMs);
    let used = live.reduce((sum, s) => sum + s.cost, 0);
    if (used + charge.cost <= allowed) return blocked;
    // The oldest spends leave the window first: wait until enough have left.
    for (const s of live) {
      used -= s.cost;
      if (used + charge.cost <= allowed) return Math.max(blocked, s.at + pool.windowMs - nowMs);
    }
    return Math.max(blocked, pool.windowMs);
  }

  /** Records a call made now. */
  take(charge: RateCharge, nowMs: number): void {
    const pool = this.spec.pools[charge.pool];
    if (!pool) return;
    this.prune(charge.pool, pool, nowMs).push({ at: nowMs, cost: charge.cost });
  }

  /** The provider said to wait (429 with `Retry-After`): nothing is sent before `untilMs`. */
  block(untilMs: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, untilMs);
  }

  private prune(name: string, pool: RatePool, nowMs: number): Spent[] {
    const live = (this.spent.get(name) ?? []).filter((s) => s.at > nowMs - pool.windowMs);
    this.spent.set(name, live);
    return live;
  }
}
