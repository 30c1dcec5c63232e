import { rowsOf } from '../src/db/client.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDailyFake, signDaily, type DailyFake } from '@meetbridge/fakes';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, TEST_DATABASE_URL, type TestDatabase } from './helpers/database.js';
import { freePort } from './helpers/server.js';

const ROOT = join(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'packages/server/src/cli.ts');

interface Proc {
  url: string;
  child: ChildProcess;
  output: string[];
}

async function startProcess(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', CLI, 'serve'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      BASE_URL: url,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'meetbridge-proc-')),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`process exited: ${output.join('')}`);
      const res = await fetch(`${url}/ready`).catch(() => undefined);
      expect(res?.status).toBe(200);
    },
    { timeout: 60_000, interval: 200 },
  );
  return { url, child, output };
}

/**
 * Two Meetbridge processes (API + workers each) on one PostgreSQL database receive a shuffled storm
 * of Daily participant events, each delivered twice and spread over both: every event must be
 * stored and applied once, and the counts must be exact.
 */
describe.skipIf(!TEST_DATABASE_URL)('two server processes on one PostgreSQL', () => {
  let testDb: TestDatabase;
  let daily: DailyFake;
  let a: Proc;
  let b: Proc;
  const secret = randomBytes(32).toString('base64');

  beforeAll(async () => {
    testDb = await createTestDatabase();
    await testDb.database.migrate();
    daily = await startDailyFake({ webhookSecret: secret });
    const env = {
      DATABASE_URL: testDb.url!,
      DAILY_API_URL: daily.url,
      DAILY_API_KEY: daily.apiKey,
      DAILY_WEBHOOK_SECRET: secret,
      DAILY_MIGRATION_ENABLED: 'true',
      DEFAULT_VIDEO_PLATFORM: 'daily',
      RECONCILE_INTERVAL_SECONDS: '3600',
    };
    [a, b] = await Promise.all([startProcess(env), startProcess(env)]);
  }, 120_000);

  afterAll(async () => {
    for (const p of [a, b]) p?.child.kill('SIGTERM');
    await Promise.all([a, b].map((p) => p && new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once('exit', r)))));
    await daily?.close();
    await testDb?.cleanup();
  });

  it('applies every event once and ends with exact counts', async () => {
    await fetch(`${a.url}/v1/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'storm' }),
    });
    const meeting = (await (await fetch(`${b.url}/v1/rooms/storm/meeting`, { method: 'POST' })).json()) as {
      id: string;
      provider_room_name: string;
    };
    daily.control.setWebhookOptions({ hold: true });
    const people = [];
    for (let i = 0; i < 30; i++) people.push(await daily.control.addParticipant({ room: meeting.provider_room_name, userName: `p${i}` }));
    for (const p of people.slice(0, 12))
      await daily.control.removeParticipant({ room: meeting.provider_room_name, sessionId: p.sessionId, endMeetingWhenEmpty: false });
    const events = daily.control.webhooks().filter((d) => d.type.startsWith('participant.') || d.type.startsWith('meeting.'));
    expect(events.length).toBeGreaterThanOrEqual(42);

    const deliveries = [...events, ...events].map((d, i) => ({ body: d.body, target: i % 2 === 0 ? a.url : b.url, key: Math.random() }));
    deliveries.sort((x, y) => x.key - y.key);
    for (let i = 0; i < deliveries.length; i += 8) {
      await Promise.all(
        deliveries.slice(i, i + 8).map(async (d) => {
          const ts = String(Math.floor(Date.now() / 1000));
          const res = await fetch(`${d.target}/v1/daily/webhook`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-webhook-signature': signDaily(secret, ts, d.body),
              'x-webhook-timestamp': ts,
            },
            body: d.body,
          });
          expect(res.status).toBe(200);
        }),
      );
    }

    const db = testDb.database.db;
    await vi.waitFor(
      async () => {
        const r = await db.execute(sql`select status, count(*)::int as n from webhook_event group by status`);
        const byStatus = Object.fromEntries(rowsOf<{ status: string; n: number }>(r).map((x) => [x.status, x.n]));
        expect(byStatus).toEqual({ processed: events.length });
      },
      { timeout: 30_000, interval: 200 },
    );
    const sessions = rowsOf<{ total: number; open: number }>(
      await db.execute(
        sql`select count(*)::int as total, count(*) filter (where left_at is null)::int as open from participant_session where meeting_id = ${meeting.id}`,
      ),
    );
    expect(sessions[0]).toEqual({ total: 30, open: 18 });
    const m = (await (await fetch(`${a.url}/v1/meetings/${meeting.id}`)).json()) as { num_clients: number; is_active: boolean };
    expect(m).toMatchObject({ num_clients: 18, is_active: true });
  });
});
