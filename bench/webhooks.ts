/**
 * `npm run bench:webhooks`: signed Daily participant events against a running Meetbridge on real
 * PostgreSQL, in the production shape (an API process with RUN_WORKERS=false; worker processes apart),
 * and, in the same run, a bare Fastify route for the ratio. Prints events/s and latency for:
 *   1. intake alone (the API replica; workers run elsewhere),
 *   2. the worker draining the backlog that left (events applied per second),
 *   3. intake while a worker drains on the same two cores,
 *   4. the bare route.
 *
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) must allow CREATE DATABASE;
 * a throwaway database is created and dropped. BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 32).
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { signDaily } from '@meetbridge/fakes';
import { dailyBenchWorld, freePort, machine, startMeetbridge, stopAll, waitForOk, ROOT } from './lib.js';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const MEETINGS = 50;

async function load(url: string, body: () => { body: string; headers: Record<string, string> }) {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const next = body();
          return { ...req, body: next.body, headers: { ...req.headers, 'content-type': 'application/json', ...next.headers } };
        },
      },
    ],
  });
}

function summary(label: string, r: autocannon.Result) {
  const non2xx = r.non2xx + r.errors + r.timeouts;
  console.log(
    `${label}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, ${r.requests.total} requests, ${non2xx} non-2xx/errors`,
  );
}

const world = await dailyBenchWorld();
const { secret, env } = world;
const dbUrl = world.dbUrl;
const apiPort = await freePort();
const barePort = await freePort();
const base = `http://127.0.0.1:${apiPort}`;
const api = startMeetbridge(
  'serve',
  { ...env, PORT: String(apiPort), BASE_URL: base, RUN_WORKERS: 'false', DATABASE_POOL_SIZE: process.env.BENCH_POOL_SIZE ?? '10' },
  process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [],
);
const children = [api];
try {
  await waitForOk(`${base}/ready`);
  const bare = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/bare-fastify.ts')], {
    env: { ...process.env, PORT: String(barePort) },
    stdio: 'inherit',
  });
  children.push(bare);

  // Realistic traffic: 50 meetings, each with people joining and leaving (about 10 in a call).
  const rooms: { name: string; open: string[] }[] = [];
  for (let i = 0; i < MEETINGS; i++) {
    await fetch(`${base}/v1/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `bench-${i}` }),
    });
    const meeting = (await (await fetch(`${base}/v1/rooms/bench-${i}/meeting`, { method: 'POST' })).json()) as {
      provider_room_name: string;
    };
    rooms.push({ name: meeting.provider_room_name, open: [] });
  }

  let n = 0;
  const event = () => {
    const room = rooms[n++ % rooms.length]!;
    const leave = room.open.length >= 10 || (room.open.length > 0 && Math.random() < 0.5);
    const session = leave ? room.open.splice(Math.floor(Math.random() * room.open.length), 1)[0]! : randomUUID();
    if (!leave) room.open.push(session);
    const kind = leave ? 'left' : 'joined';
    const now = Date.now() / 1000;
    const body = JSON.stringify({
      version: '1.0.0',
      type: `participant.${kind}`,
      id: `ptcpt-${kind}-${session}`,
      payload: { room: room.name, user_id: session, user_name: 'bench', session_id: session, joined_at: now, owner: false },
      event_ts: now,
    });
    const ts = String(Math.floor(now));
    return { body, headers: { 'x-webhook-signature': signDaily(secret, ts, body), 'x-webhook-timestamp': ts } };
  };

  await load(`${base}/v1/daily/webhook`, event); // warm-up (JIT, pools), not reported
  const alone = await load(`${base}/v1/daily/webhook`, event);

  const pending = async () => {
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    const r = await client.query<{ n: number }>("select count(*)::int as n from webhook_event where status = 'pending'");
    await client.end();
    return r.rows[0]!.n;
  };
  const backlog = await pending();
  const drainStart = Date.now();
  children.push(
    startMeetbridge(
      'worker',
      { ...env, BASE_URL: base },
      process.env.BENCH_WORKER_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_WORKER_PROFILE_DIR}`] : [],
    ),
  );
  let left = backlog;
  // The worker's own rate is timed from its first applied row (its start-up, compiling the sources
  // through tsx and starting pg-boss, is reported apart).
  let firstApplied: { at: number; left: number } | undefined;
  while (left > 0 && Date.now() - drainStart < 300_000) {
    await new Promise((r) => setTimeout(r, 250));
    left = await pending();
    if (!firstApplied && left < backlog) firstApplied = { at: Date.now(), left };
  }
  const drainEnd = Date.now();
  // What the drain did: every row processed (none ignored or failed), and each meeting's count equal
  // to its open sessions.
  const check = new pg.Client({ connectionString: dbUrl });
  await check.connect();
  const statuses = (
    await check.query<{ status: string; n: number }>('select status, count(*)::int as n from webhook_event group by status')
  ).rows;
  const wrongCounts = (
    await check.query<{ n: number }>(`select count(*)::int as n from meeting m where m.num_clients <>
      (select count(*) from participant_session p where p.meeting_id = m.id and p.left_at is null)`)
  ).rows[0]!.n;
  await check.end();
  const drainRate = (backlog - left) / ((drainEnd - drainStart) / 1000);
  const workerRate = firstApplied ? (firstApplied.left - left) / Math.max(0.001, (drainEnd - firstApplied.at) / 1000) : 0;

  const shared = await load(`${base}/v1/daily/webhook`, event);
  await waitForOk(`http://127.0.0.1:${barePort}/v1/daily/webhook`).catch(() => {});
  const bareResult = await load(`http://127.0.0.1:${barePort}/v1/daily/webhook`, event);

  console.log(`\nWebhook intake benchmark — ${await machine()}, PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s per run`);
  summary('1. intake, API replica alone            ', alone);
  console.log(
    `2. worker applying the ${backlog}-event backlog: ${Math.round(workerRate)} events/s from its first applied row (${Math.round(drainRate)}/s including its start-up of ${(((firstApplied?.at ?? drainEnd) - drainStart) / 1000).toFixed(1)} s)`,
  );
  summary('3. intake while a worker drains (2 cores)', shared);
  summary('4. bare Fastify route (same bodies)      ', bareResult);
  console.log(`ratio (1 / 4): ${((alone.requests.average / bareResult.requests.average) * 100).toFixed(1)}% of a bare route's throughput`);
  console.log(
    `   inbox after the drain: ${statuses.map((r) => `${r.n} ${r.status}`).join(', ')}; meetings whose count differs from their open sessions: ${wrongCounts}`,
  );
  const ratio = workerRate / alone.requests.average;
  console.log(`worker / intake (2 / 1): ${ratio.toFixed(2)}× — goal >= 0.5× (issue 9): ${ratio >= 0.5 ? 'met' : 'NOT met'}`);
  const goal = alone.requests.average >= 5000 && alone.latency.p99 <= 25;
  console.log(`goal for intake (>= 5,000 events/s, p99 <= 25 ms): ${goal ? 'met' : 'NOT met'}`);
} finally {
  await stopAll(children);
  await world.close();
}
