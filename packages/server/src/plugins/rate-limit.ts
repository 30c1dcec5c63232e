import rateLimit, { type FastifyRateLimitOptions, type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { TooManyRequestsError } from '../lib/errors.js';

/**
 * Route `config` for endpoints anyone may call without signing in (a room's page: read the room, get
 * or create its meeting, reserve a place, join): they share one budget per client address.
 */
export const ANONYMOUS_RATE_LIMIT = { rateLimit: { groupId: 'anonymous' } } as const;

/** Addresses remembered at most (older windows are dropped first when full). */
const MAX_KEYS = 50_000;

/**
 * An in-memory fixed-window counter shared by every limited route (@fastify/rate-limit gives each
 * route a store of its own otherwise, so `groupId` would not share one budget between routes).
 */
class SharedWindowStore implements FastifyRateLimitStore {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();
  private readonly timeWindow: number;

  constructor(options: FastifyRateLimitOptions) {
    const { timeWindow } = options as { timeWindow?: unknown };
    this.timeWindow = typeof timeWindow === 'number' ? timeWindow : 60_000;
  }

  incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void): void {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.startedAt + this.timeWindow <= now) {
      if (window) this.windows.delete(key);
      else if (this.windows.size >= MAX_KEYS) this.windows.delete(this.windows.keys().next().value!);
      window = { count: 0, startedAt: now };
      this.windows.set(key, window);
    }
    window.count++;
    callback(null, { current: window.count, ttl: window.startedAt + this.timeWindow - now });
  }

  child(): FastifyRateLimitStore {
    return this;
  }
}

/**
 * Limits anonymous callers (no signed-in user) on the routes whose config carries
 * `ANONYMOUS_RATE_LIMIT` to `perMinute` requests per client address (@fastify/rate-limit, in memory
 * per process). Signed-in users and `AUTH_BACKEND=none` (everyone is the local user) are not
 * limited; `perMinute` 0 registers nothing. Runs after authentication (preHandler), so it knows who
 * is signed in; a 429 is problem+json with `Retry-After`.
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance, opts: { perMinute: number }) => {
    if (opts.perMinute <= 0) return;
    await app.register(rateLimit, {
      global: false,
      hook: 'preHandler',
      max: opts.perMinute,
      timeWindow: 60_000,
      store: SharedWindowStore,
      allowList: (request) => request.user !== null,
      errorResponseBuilder: (_request, context) =>
        new TooManyRequestsError(
          `Too many requests from this address: at most ${context.max} a minute without signing in. Retry in ${Math.ceil(context.ttl / 1000)} s.`,
          Math.ceil(context.ttl / 1000),
        ),
    });
  },
  { name: 'rate-limit', dependencies: ['auth'] },
);
