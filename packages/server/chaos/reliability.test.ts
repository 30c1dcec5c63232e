import { signDailyWebhook } from '@meetbridge/platforms';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.js';
import {
  dailyDelivery,
  dailyEnv,
  post,
  startProcess,
  startProxy,
  tempDatabase,
  tempDir,
  TEST_DATABASE_URL,
  waitListening,
  type ServerProcess,
} from './harness.js';

/** Figures for docs/reliability.md, printed at the end. */
const figures: Record<string, unknown> = {};
// eslint-disable-next-line no-console -- the figures are the suite's report
afterAll(() => console.log(`CHAOS FIGURES ${JSON.stringify(figures, null, 2)}`));

const started: ServerProcess[] = [];
afterAll(async () => {
  for (const p of started) await p.kill('SIGKILL');
});
const track = (p: ServerProcess) => (started.push(p), p);

/** Seeds `n` pending inbox rows straight into a database (what a crash leaves behind). */
async function seedPending(query: (text: string) => Promise<unknown>, n: number): Promise<void> {
  await query(`insert into webhook_event (platform, provider_event_id, type, occurred_at, payload)
    select 'daily', 'seed-' || i, 'participant.joined', now(), '{"type":"participant.joined","payload":{"room":"nowhere"}}'::jsonb
    from generate_series(1, ${n}) as i`);
}

async function pendingOn(client: pg.Client): Promise<number> {
  return (await client.query(`select count(*)::int as n from webhook_event where status = 'pending'`)).rows[0].n as number;
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('hostile input on PGlite (the embedded default)', () => {
  it('answers deep JSON and oversized ids 400, stores nothing, and keeps answering', async () => {
    const { env, secret } = dailyEnv();
    const dataDir = tempDir();
    const p = track(await startProcess('serve', { ...env, DATA_DIR: dataDir, RUN_WORKERS: 'false' }));
    await waitListening(p);
    const deep = (n: number) => `${'['.repeat(n)}1${']'.repeat(n)}`;
    const statuses: number[] = [];
    for (const depth of [100, 7_000, 50_000]) {
      statuses.push(await post(p.url, withRaw(secret, deep(depth))));
    }
    statuses.push(await post(p.url, dailyDelivery(secret, 'r', { id: 'x'.repeat(3_000) })));
    expect(statuses).toEqual([400, 400, 400, 400]);
    expect(await post(p.url, dailyDelivery(secret))).toBe(200);
    expect((await fetch(`${p.url}/ready`)).status).toBe(200);
    await p.kill('SIGTERM');
    const db = await openDatabase({ pgliteDir: `${dataDir}/pglite` });
    const rows = await db.db.execute('select count(*)::int as n from webhook_event' as never);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(1);
    await db.close();
    figures.pgliteHostile = { refused: statuses.length, stored: 1 };
  });

  it('listens within 5 s of an empty start after a restart with 20,000 pending rows', async () => {
    const { env } = dailyEnv();
    const startMs = async (pending: number) => {
      const dataDir = tempDir();
      const db = await openDatabase({ pgliteDir: `${dataDir}/pglite` });
      await db.migrate();
      if (pending) await seedPending((text) => db.db.execute(text as never), pending);
      await db.close();
      const p = track(await startProcess('serve', { ...env, DATA_DIR: dataDir }));
      const ms = await waitListening(p, 90_000);
      const health: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = Date.now();
        expect((await fetch(`${p.url}/health`)).status).toBe(200);
        health.push(Date.now() - t0);
      }
      await p.kill('SIGTERM');
      return { ms, healthMaxMs: Math.max(...health) };
    };
    const empty = await startMs(0);
    const backlog = await startMs(20_000);
    figures.pgliteRestart = { emptyListenMs: empty.ms, with20kPendingListenMs: backlog.ms, healthMaxMsWhileDraining: backlog.healthMaxMs };
    // Process start (tsx, PGlite's WASM, migrations) is the same either way; the backlog adds < 5 s.
    expect(backlog.ms - empty.ms).toBeLessThan(5_000);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL faults against real processes', () => {
  it('survives backends terminated during a storm (serve + worker stay up); every 200 is applied', async () => {
    const { env, secret } = dailyEnv();
    const db = await tempDatabase();
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const api = track(await startProcess('serve', { ...env, DATABASE_URL: db.url, RUN_WORKERS: 'false', DATA_DIR: tempDir() }));
      await waitListening(api);
      const worker = track(await startProcess('worker', { ...env, DATABASE_URL: db.url, DATA_DIR: tempDir() }));
      let terminations = 0;
      const killer = setInterval(() => {
        admin
          .query('select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [
            db.name,
          ])
          .then((r) => (terminations += r.rows[0].n as number))
          .catch(() => {});
      }, 200);
      const accepted: string[] = [];
      const outcomes: Record<string, number> = {};
      const deadline = Date.now() + 15_000;
      try {
        while (Date.now() < deadline) {
          const batch = Array.from({ length: 20 }, () => dailyDelivery(secret));
          const statuses = await Promise.all(batch.map((d) => post(api.url, d)));
          statuses.forEach((s, i) => {
            outcomes[s] = (outcomes[s] ?? 0) + 1;
            if (s === 200) accepted.push(batch[i]!.id);
          });
        }
      } finally {
        clearInterval(killer);
      }
      expect(api.child.exitCode).toBeNull();
      expect(worker.child.exitCode).toBeNull();
      expect(Object.keys(outcomes).filter((s) => s !== '200' && s !== '503')).toEqual([]);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const drainMs = await until(async () => (await pendingOn(client)) === 0, 60_000);
      const { rows } = await client.query(`select provider_event_id from webhook_event where status = 'ignored'`);
      const applied = new Set(rows.map((r) => r.provider_event_id as string));
      expect(accepted.filter((id) => !applied.has(id))).toEqual([]);
      await client.end();
      figures.postgresStorm = {
        deliveries: Object.values(outcomes).reduce((a, b) => a + b, 0),
        outcomes,
        terminations,
        accepted: accepted.length,
        appliedAfterMs: drainMs,
      };
      await api.kill();
      await worker.kill();
    } finally {
      await admin.end();
      await db.drop();
    }
  });

  it('resumes within 60 s after a worker is SIGKILLed mid-drain', async () => {
    const { env } = dailyEnv();
    const db = await tempDatabase();
    const client = new pg.Client({ connectionString: db.url });
    try {
      const first = track(await startProcess('worker', { ...env, DATABASE_URL: db.url, DATA_DIR: tempDir() }));
      await client.connect();
      await until(
        async () =>
          (await client.query(`select to_regclass('pgboss.queue') is not null and to_regclass('public.webhook_event') is not null as ok`))
            .rows[0].ok as boolean,
        60_000,
      );
      await until(
        async () => (await client.query(`select count(*)::int as n from pgboss.queue where name = 'webhook.drain'`)).rows[0].n === 1,
        60_000,
      );
      await seedPending((text) => client.query(text), 8_000);
      await until(
        async () =>
          (await client.query(`select count(*)::int as n from pgboss.job where name = 'webhook.drain' and state = 'active'`)).rows[0].n > 0,
        60_000,
      );
      await first.kill('SIGKILL');
      const left = await pendingOn(client);
      const restartedAt = Date.now();
      const second = track(await startProcess('worker', { ...env, DATABASE_URL: db.url, DATA_DIR: tempDir() }));
      // Processing resumes (the pending count falls) within 60 s, although the killed job is still 'active'.
      const resumedMs = await until(async () => (await pendingOn(client)) < left, 60_000);
      await until(async () => (await pendingOn(client)) === 0, 120_000);
      figures.postgresSigkill = {
        pendingAtKill: left,
        resumedAfterRestartMs: resumedMs,
        backlogAppliedAfterRestartMs: Date.now() - restartedAt,
      };
      expect(resumedMs).toBeLessThan(60_000);
      await second.kill();
    } finally {
      await client.end();
      await db.drop();
    }
  });

  it('answers 503 problem+json with Retry-After everywhere while the database is down, and recovers', async () => {
    const { env, secret } = dailyEnv();
    const db = await tempDatabase();
    const proxy = await startProxy(db.url);
    try {
      const p = track(await startProcess('serve', { ...env, DATABASE_URL: proxy.url, DATA_DIR: tempDir() }));
      await waitListening(p);
      proxy.cut();
      const checks: [string, string, string | undefined][] = [
        ['GET', '/v1/rooms', undefined],
        ['POST', '/v1/rooms', JSON.stringify({ name: 'down' })],
        ['GET', '/v1/rooms/name/down', undefined],
        ['POST', '/v1/rooms/down/meeting', undefined],
        ['GET', '/v1/meetings', undefined],
        ['GET', '/ready', undefined],
      ];
      const answers: Record<string, number> = {};
      for (const [method, path, body] of checks) {
        const res = await fetch(`${p.url}${path}`, { method, body, headers: body ? { 'content-type': 'application/json' } : {} });
        answers[`${method} ${path}`] = res.status;
        expect(res.status, `${method} ${path}`).toBe(503);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.headers.get('retry-after')).not.toBeNull();
      }
      const webhook = await post(p.url, dailyDelivery(secret));
      answers['POST /v1/daily/webhook'] = webhook;
      expect(webhook).toBe(503);
      expect((await fetch(`${p.url}/health`)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(p.child.exitCode).toBeNull();
      figures.postgresDown = answers;
      await p.kill('SIGKILL');
    } finally {
      await proxy.close();
      await db.drop();
    }
  });
});

/** A signed delivery whose payload carries `raw` JSON text verbatim. */
function withRaw(secret: string, raw: string) {
  const d = dailyDelivery(secret, 'r', { extra: '__RAW__' });
  const body = d.body.replace('"__RAW__"', raw);
  const ts = d.headers['x-webhook-timestamp'];
  return { id: d.id, body, headers: { ...d.headers, 'x-webhook-signature': signDailyWebhook(secret, ts, body) } };
}
