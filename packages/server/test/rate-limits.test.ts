import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calls } from './helpers/provider-fakes.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * Provider rate limits (defect 3): Whereby's budget is points per minute for the whole organisation
 * (Build plan: 100). Background reads must never starve interactive calls, and an interactive call
 * answers 503 with Retry-After within seconds instead of sleeping inside the request.
 */

let w: World;
beforeAll(async () => {
  w = await startWorld(
    { WHEREBY_RATE_LIMIT_POINTS: '100', RUN_WORKERS: 'false', RECONCILE_INTERVAL_SECONDS: '3600' },
    { whereby: { rateLimitPoints: 100, insightsLagMs: 0 } },
  );
});
afterAll(async () => w?.close());
beforeEach(() => {
  w.whereby.control.reset();
  w.whereby.control.setWebhookUrl(`${w.t.url}/v1/whereby`);
});

describe('scenario (e): a burst of 200 background reconciliations under a 100-points/minute Whereby budget', () => {
  it('never makes a meeting creation wait more than 5 s: the burst is cut to its half of the budget and the rest deferred', async () => {
    const busy = await roomWithMeeting(w.t, 'busy', 'whereby');
    await w.whereby.control.addParticipant({ meetingId: busy.provider_meeting_id });
    await w.whereby.control.addParticipant({ meetingId: busy.provider_meeting_id });
    // Our webhooks say the call has been empty for 20 minutes, but insights still show it running:
    // every counted reconciliation asks insights again (a background read).
    await w.t.query(
      `update meeting set num_clients = 0, num_clients_at = now() - interval '20 minutes', empty_checks = 5 where id = '${busy.id}'`,
    );
    await w.t.request('POST', '/v1/rooms', { body: { name: 'next', platform: 'whereby' } });

    const { reconciler } = w.t.server.container.meetings;
    const burst = Promise.all(Array.from({ length: 200 }, () => reconciler.reconcile(busy.id, { countEmpty: true })));
    const started = performance.now();
    const created = await w.t.request('POST', '/v1/rooms/next/meeting');
    const elapsed = performance.now() - started;
    await burst;

    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(elapsed).toBeLessThan(5000);
    const insightReads = calls(w.whereby, 'GET', '/v1/insights/room-sessions');
    expect(insightReads.length).toBeGreaterThan(0);
    // 100 points: 3 for each meeting creation; background reads get at most half.
    expect(insightReads.length).toBeLessThanOrEqual(50);
    expect(w.whereby.requests.filter((r) => r.status === 429)).toEqual([]);
    expect((await w.t.request('GET', `/v1/meetings/${busy.id}`)).body.is_active).toBe(true);
  });
});

// Last: the 429 below blocks this process's Whereby budget for 30 s.
describe('an interactive call under a provider rate limit', () => {
  it('answers 503 problem+json with Retry-After within 5 s when Whereby says 429 for 90 s, instead of sleeping in the request', async () => {
    await w.t.request('POST', '/v1/rooms', { body: { name: 'throttled', platform: 'whereby' } });
    w.whereby.control.setFault({ method: 'POST', path: '/v1/meetings', status: 429, retryAfterSeconds: 90, times: Infinity });
    const started = performance.now();
    const res = await w.t.request('POST', '/v1/rooms/throttled/meeting');
    const elapsed = performance.now() - started;
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.headers.get('retry-after')).toBe('30');
    expect(res.body).toMatchObject({
      status: 503,
      type: 'urn:meetbridge:problem:provider_rate_limited',
      provider: 'whereby',
      operation: 'createMeeting',
      retry_after: 30,
    });
    expect(elapsed).toBeLessThan(5000);
    expect(calls(w.whereby, 'POST', '/v1/meetings')).toHaveLength(1);
  });
});
