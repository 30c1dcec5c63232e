import { randomUUID } from 'node:crypto';
import { signDailyWebhook } from '@meetbridge/platforms';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_DATABASE_URL } from './helpers/database.js';
import { startWorld, type World } from './helpers/world.js';

/** PostgreSQL only: PGlite has no connections to drop. */
describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL dropping connections (pg_terminate_backend)', () => {
  let w: World;
  let admin: pg.Client;
  let dbName: string;
  beforeAll(async () => {
    w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '2' });
    dbName = new URL(w.t.testDb.url!).pathname.slice(1);
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await w.close();
  });

  const terminateAll = () =>
    admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [dbName]);

  it('does not crash the process when a client checked out inside a transaction loses its backend', async () => {
    const client = await w.t.server.database.pool!.connect();
    await client.query('begin');
    await terminateAll();
    // The client learns of it between statements: an 'error' event, which had no listener before.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(client.query('select 1')).rejects.toThrow();
    client.release(true);
    expect((await w.t.request('GET', '/ready')).status).toBe(200);
  });

  it('applies every delivery answered 200 while backends are terminated again and again', async () => {
    const statuses: number[] = [];
    const stored: string[] = [];
    const killer = setInterval(() => void terminateAll().catch(() => {}), 150);
    try {
      for (let i = 0; i < 150; i++) {
        const id = `ev-${randomUUID()}`;
        const body = JSON.stringify({
          version: '1.0.0',
          type: 'participant.joined',
          id,
          payload: { room: 'no-such-room', session_id: randomUUID(), joined_at: Date.now() / 1000 },
          event_ts: Date.now() / 1000,
        });
        const ts = String(Math.floor(Date.now() / 1000));
        const res = await w.t.request('POST', '/v1/daily/webhook', {
          raw: body,
          headers: {
            'content-type': 'application/json',
            'x-webhook-timestamp': ts,
            'x-webhook-signature': signDailyWebhook(w.dailySecret, ts, body),
          },
        });
        statuses.push(res.status);
        if (res.status === 200) stored.push(id);
      }
    } finally {
      clearInterval(killer);
    }
    // Every answer is 200 or 503 (retry later); never 500.
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(stored.length).toBeGreaterThan(0);
    await vi.waitFor(
      async () => {
        const rows = await w.t.query<{ n: number }>(`select count(*)::int as n from webhook_event where status = 'pending'`);
        expect(rows[0]!.n).toBe(0);
      },
      { timeout: 45_000, interval: 500 },
    );
    const rows = await w.t.query<{ provider_event_id: string; status: string }>(`select provider_event_id, status from webhook_event`);
    const byId = new Map(rows.map((r) => [r.provider_event_id, r.status]));
    for (const id of stored) expect(byId.get(id), id).toBe('ignored');
    // No client leaked by a transaction whose BEGIN met a dead connection (the pool would run dry).
    const pool = w.t.server.database.pool!;
    await vi.waitFor(() => expect(pool.totalCount - pool.idleCount).toBe(0), { timeout: 5_000 });
  }, 90_000);
});
