/**
 * `npm run bench:download` (issue 10): a recording download and the webhook that announces one.
 *
 * 1. A BENCH_GIB (default 2) GiB object in the S3 emulator (s3rver, a child process, objects on disk)
 *    copied into local storage by a `meetbridge worker --queues recording.download` process (the
 *    built CLI after `npm run build:server`, else from source through tsx; BENCH_FROM_SOURCE=1 forces
 *    the latter; BENCH_WORKER_NODE_FLAGS adds node flags to the worker, e.g. V8 heap settings), against `curl` fetching the same object to the same disk in the same run
 *    (alternating, BENCH_ROUNDS rounds, default 2). The time runs from queuing the job to the stored
 *    size being recorded (ffprobe's check of the random bytes follows and is not counted; the worker's
 *    0.5 s poll is). Reports MB/s, the ratio to curl, and the worker's peak RSS (VmRSS sampled every
 *    20 ms and VmHWM from /proc; goal ≤ 150 MB, ≥ 0.8× curl).
 * 2. BENCH_WEBHOOKS (default 200) signed Daily `recording.ready-to-download` webhooks POSTed one by one
 *    to the running server (only the inbox drain works, so nothing is downloaded): the time from the
 *    POST to the recording row (inserted with its download job in one transaction). Goal p99 ≤ 1 s.
 *
 * Runs Meetbridge in this process on PostgreSQL: BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres) must allow CREATE DATABASE; a throwaway database is
 * created and dropped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import pg from 'pg';
import { pino } from 'pino';
import { dailySignatureHeaders, startDailyFake } from '@meetbridge/fakes';
import { buildConfig, createServer } from '@meetbridge/server';
import { freePort, machine, percentile, ROOT, stopAll } from './lib.js';
import { createS3Client } from '../packages/server/src/storage/index.js';
import { LOCAL_USER } from '../packages/server/src/plugins/auth.js';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const GIB = Number(process.env.BENCH_GIB ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WEBHOOKS = Number(process.env.BENCH_WEBHOOKS ?? 200);
const BUCKET = 'bench-recordings';
const KEY = 'bench/recording.mp4';
const SIZE = Math.round(GIB * 2 ** 30);
const MB = 1e6;

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  await client.query(query);
  await client.end();
}

/** s3rver on a free port, objects under `dir`. */
async function startS3(dir: string): Promise<{ endpoint: string; stop: () => void }> {
  const require = createRequire(import.meta.url);
  const pkg = (require.resolve.paths('s3rver') ?? []).map((p) => join(p, 's3rver')).find((d) => existsSync(join(d, 'package.json')))!;
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [join(pkg, 'bin', 's3rver.js'), '-d', dir, '-a', '127.0.0.1', '-p', String(port), '--silent', '--configure-bucket', BUCKET],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      if (/listening/.test(out)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`s3rver exited ${code}: ${out}`)));
  });
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** A file of `size` bytes of random data (1 MiB of randomness repeated: S3 does not compress). */
async function makeFile(path: string, size: number): Promise<void> {
  const chunk = randomBytes(2 ** 20);
  const out = createWriteStream(path);
  for (let written = 0; written < size; written += chunk.length) {
    const piece = size - written >= chunk.length ? chunk : chunk.subarray(0, size - written);
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** The worker's RSS in MB from /proc: now (VmRSS) and its high-water mark (VmHWM). */
function rssOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return { rss: (kb('VmRSS') * 1024) / MB, hwm: (kb('VmHWM') * 1024) / MB };
}

function curl(url: string, to: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('curl', ['-sSf', '-o', to, url], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve((performance.now() - start) / 1000) : reject(new Error(`curl exited ${code}: ${err}`)),
    );
  });
}

const work = mkdtempSync(join(tmpdir(), 'meetbridge-bench-download-'));
const dbName = `meetbridge_bench_dl_${Date.now()}`;
await admin(`create database ${dbName}`);
const dbUrl = new URL(ADMIN_URL);
dbUrl.pathname = `/${dbName}`;
const s3 = await startS3(join(work, 's3'));
const dailySecret = randomBytes(32).toString('base64');
const daily = await startDailyFake({ webhookSecret: dailySecret });
Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' });
let server: Awaited<ReturnType<typeof createServer>> | undefined;
const children: ChildProcess[] = [];

try {
  console.log(`machine: ${await machine()}`);
  const source = join(work, 'source.bin');
  await makeFile(source, SIZE);
  const client = createS3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true });
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: KEY, Body: createReadStream(source), ContentLength: SIZE }));
  await rm(source);
  console.log(`object: ${(SIZE / MB).toFixed(0)} MB in s3rver`);

  const port = await freePort();
  const workerEnv: Record<string, string> = {
    DATABASE_URL: dbUrl.toString(),
    DATA_DIR: join(work, 'data'),
    S3_ENDPOINT_URL: s3.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    RECORDING_MAX_BYTES: String(SIZE + 1),
    RECONCILE_INTERVAL_SECONDS: '3600',
  };
  const config = buildConfig({
    ...workerEnv,
    PORT: String(port),
    LOG_LEVEL: 'silent',
    DAILY_API_URL: daily.url,
    DAILY_API_KEY: daily.apiKey,
    DAILY_WEBHOOK_SECRET: dailySecret,
    DAILY_MIGRATION_ENABLED: 'true',
  });
  // Only the inbox drain works here: downloads are run by hand below, and never for the webhooks' recordings.
  server = await createServer(config, { logger: pino({ level: 'silent' }), workers: true, queues: ['webhook.drain'] });
  const url = await server.app.listen({ host: '127.0.0.1', port });
  const c = server.container;

  // 1. One large download against curl.
  await c.rooms.create(LOCAL_USER, {
    name: 'bench-download',
    platform: 'mock',
    is_locked: false,
    room_mode: 'normal',
    room_size: null,
    recording_type: 'none',
    recording_trigger: 'none',
    skip_consent: false,
    webhook_url: null,
    webhook_secret: null,
  });
  const { meeting } = await c.meetings.service.getOrCreate('bench-download', LOCAL_USER);
  const objectUrl = `${s3.endpoint}/${BUCKET}/${KEY}`;
  // The built CLI, as deployed (`npm run build:server`); from source only when asked or not built. tsx
  // compiling the sources in the worker adds about 80 MB to its RSS.
  const built = join(ROOT, 'packages/server/dist/cli.js');
  const fromSource = process.env.BENCH_FROM_SOURCE === '1' || !existsSync(built);
  const nodeFlags = (process.env.BENCH_WORKER_NODE_FLAGS ?? '').split(' ').filter(Boolean);
  const cli = [
    ...nodeFlags,
    ...(fromSource ? ['--import', 'tsx', '--conditions=source', join(ROOT, 'packages/server/src/cli.ts')] : [built]),
  ];
  console.log(`worker: ${fromSource ? 'from source (tsx)' : 'built CLI (packages/server/dist/cli.js)'} ${nodeFlags.join(' ')}`);
  const worker = spawn(process.execPath, [...cli, 'worker', '--queues', 'recording.download'], {
    env: { ...process.env, ...workerEnv, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(worker);
  const stateOf = async (id: string) =>
    (
      await server!.database.pool!.query<{ status: string; size_bytes: string | null }>(
        `select status, size_bytes from recording where id = $1`,
        [id],
      )
    ).rows[0]!;
  /** Queues a download of `key` and resolves once its size is recorded (the copy finished). */
  const download = async (key: string, round: string) => {
    const { recording } = await c.recordings.service.discovered({
      platform: 'mock',
      providerRecordingId: `bench-${round}-${randomUUID()}`,
      kind: 'composite',
      source: { kind: 'bucket', bucket: BUCKET, region: 'us-east-1', keys: [{ key }] },
      recordedAt: new Date(),
      meetingHint: { meetingId: meeting.id },
    });
    const start = performance.now();
    for (;;) {
      const state = await stateOf(recording.id);
      if (state.size_bytes !== null)
        return { id: recording.id, seconds: (performance.now() - start) / 1000, size: Number(state.size_bytes) };
      if (['error', 'invalid'].includes(state.status)) throw new Error(`download ended ${state.status}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  // Warm-up: the worker is up once it copied a small object.
  await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'bench/warm-up', Body: Buffer.alloc(1024), ContentLength: 1024 }));
  await download('bench/warm-up', 'warm-up');
  const idle = readFileSync(`/proc/${worker.pid}/status`, 'utf8');
  const kb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(idle)?.[1] ?? 0) / 1000);
  console.log(`worker after warm-up: VmRSS ${kb('VmRSS')} MB (anonymous ${kb('RssAnon')} MB, files ${kb('RssFile')} MB)`);
  const rows: string[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const curlFile = join(work, 'curl.bin');
    const curlSeconds = await curl(objectUrl, curlFile);
    await rm(curlFile);
    const before = rssOf(worker.pid!);
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(worker.pid!).rss)), 20);
    const ours = await download(KEY, String(round)).finally(() => clearInterval(sampler));
    const after = rssOf(worker.pid!);
    if (ours.size !== SIZE) throw new Error(`stored ${ours.size} bytes, expected ${SIZE}`);
    await stat(join(work, 'data', 'storage', 'recordings', ours.id, 'composite.mp4'));
    await c.storage.delete(`recordings/${ours.id}/composite.mp4`);
    const curlMbs = SIZE / MB / curlSeconds;
    const oursMbs = SIZE / MB / ours.seconds;
    rows.push(
      `| ${round} | ${curlSeconds.toFixed(1)} s (${curlMbs.toFixed(0)} MB/s) | ${ours.seconds.toFixed(1)} s (${oursMbs.toFixed(0)} MB/s) | **${(oursMbs / curlMbs).toFixed(2)}×** | ${before.rss.toFixed(0)} → **${Math.max(peak, after.rss).toFixed(0)} MB** (VmHWM ${after.hwm.toFixed(0)} MB) |`,
    );
    console.log(rows.at(-1));
  }
  console.log('\n| round | curl | Meetbridge worker | ratio | worker RSS before → peak |\n| --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) console.log(row);

  // 2. Webhook → recording row + download job.
  await c.rooms.create(LOCAL_USER, {
    name: 'bench-webhooks',
    platform: 'daily',
    is_locked: false,
    room_mode: 'normal',
    room_size: null,
    recording_type: 'none',
    recording_trigger: 'none',
    skip_consent: false,
    webhook_url: null,
    webhook_secret: null,
  });
  const dailyMeeting = (await c.meetings.service.getOrCreate('bench-webhooks', LOCAL_USER)).meeting;
  const sent = new Map<string, number>();
  for (let i = 0; i < WEBHOOKS; i++) {
    const recordingId = randomUUID();
    const now = Date.now();
    const body = JSON.stringify({
      version: '1.0.0',
      type: 'recording.ready-to-download',
      id: `rec-rtd-${recordingId}`,
      event_ts: now / 1000,
      payload: {
        type: 'cloud',
        recording_id: recordingId,
        room_name: dailyMeeting.provider_room_name,
        start_ts: Math.floor(now / 1000) - 60,
        status: 'finished',
        max_participants: 2,
        duration: 60,
        s3_key: `meetbridge/${dailyMeeting.provider_room_name}/${now}`,
      },
    });
    sent.set(recordingId, Date.now());
    const res = await fetch(`${url}/v1/daily/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...dailySignatureHeaders(dailySecret, now, body) },
      body,
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const latencies: number[] = [];
  const deadline = Date.now() + 60_000;
  while (latencies.length < WEBHOOKS && Date.now() < deadline) {
    const { rows: found } = await server.database.pool!.query<{ provider_recording_id: string; created_at: Date; jobs: number }>(
      `select r.provider_recording_id, r.created_at,
              (select count(*)::int from pgboss.job j where j.name = 'recording.download' and j.data->>'recordingId' = r.id::text) as jobs
         from recording r where r.platform = 'daily'`,
    );
    if (found.length === WEBHOOKS && found.every((r) => r.jobs === 1)) {
      for (const r of found) latencies.push(r.created_at.getTime() - sent.get(r.provider_recording_id)!);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (latencies.length < WEBHOOKS) throw new Error(`only ${latencies.length} of ${WEBHOOKS} recordings appeared`);
  latencies.sort((a, b) => a - b);
  console.log(
    `\nwebhook → recording row + download job (${WEBHOOKS} webhooks, one every ~10 ms): p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`,
  );
} finally {
  await stopAll(children);
  await server?.close();
  await daily.close();
  s3.stop();
  await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
  await rm(work, { recursive: true, force: true });
}
