/**
 * `npm run bench:download-path`, two measurements (issue 10; `npm run bench:download` measures a whole worker process):
 *   1. A 2 GiB object from the S3 emulator (s3rver, a child process) into local storage through the
 *      download path (`RecordingDownloader.download` in a child process: S3 GetObject streamed into an
 *      atomic put), against `curl` fetching the same object to the same disk in the same run; the
 *      child's peak RSS. Goals: ≥ 0.8× curl's throughput, peak RSS ≤ 150 MB.
 *   2. Signed Daily `recording.ready-to-download` webhooks → a recording row with its
 *      `recording.download` job queued, on real PostgreSQL (an API process and a worker draining the
 *      inbox; download jobs stay queued). Goal: p99 ≤ 1 s.
 *
 * Options: BENCH_GIB (2), BENCH_ROUNDS (2), BENCH_EVENTS (200), BENCH_RATE (events/s, 20),
 * BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; must allow CREATE DATABASE).
 */
import { execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { Upload } from '@aws-sdk/lib-storage';
import pg from 'pg';
import { signDaily } from '@meetbridge/fakes';
import { EMULATOR_CREDENTIALS, startS3 } from '@meetbridge/fakes';
import { createS3Client } from '../packages/server/src/storage/index.js';
import { dailyBenchWorld, freePort, machine, percentile, ROOT, startMeetbridge, stopAll, waitForOk } from './lib.js';

const GIB = Number(process.env.BENCH_GIB ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const BUCKET = 'bench-recordings';
const KEY = 'acme/bench-room/1767225600000';
const run = promisify(execFile);
Object.assign(process.env, EMULATOR_CREDENTIALS);

/** `bytes` of incompressible data, streamed (a 16 MiB random block repeated). */
function bigStream(bytes: number): Readable {
  const block = randomBytes(16 * 2 ** 20);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const chunk = left >= block.length ? block : block.subarray(0, left);
      left -= chunk.length;
      this.push(chunk);
    },
  });
}

async function curlOnce(endpoint: string, dir: string): Promise<{ bytes: number; ms: number }> {
  const out = join(dir, 'curl.bin');
  const t0 = performance.now();
  // s3rver serves unsigned GETs (curl 7.88's --aws-sigv4 omits x-amz-content-sha256, which s3rver requires).
  await run('curl', ['-sS', '--fail', '-o', out, `${endpoint}/${BUCKET}/${KEY}`]);
  const ms = performance.now() - t0;
  const { size } = await stat(out);
  await rm(out);
  return { bytes: size, ms };
}

function downloadOnce(endpoint: string, dir: string): Promise<{ bytes: number; ms: number; maxRssMb: number; startRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', join(ROOT, 'bench/download-child.ts')], {
      env: { ...process.env, BENCH_S3_ENDPOINT: endpoint, BENCH_BUCKET: BUCKET, BENCH_KEY: KEY, BENCH_STORAGE_DIR: dir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`child exited ${code}`)),
    );
  });
}

const mbps = (r: { bytes: number; ms: number }) => r.bytes / 2 ** 20 / (r.ms / 1000);

async function throughput(): Promise<void> {
  const s3 = await startS3([BUCKET]);
  const dir = await mkdtemp(join(tmpdir(), 'meetbridge-bench-download-'));
  try {
    const client = createS3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true });
    const bytes = Math.round(GIB * 2 ** 30);
    const t0 = performance.now();
    await new Upload({ client, params: { Bucket: BUCKET, Key: KEY, Body: bigStream(bytes) }, partSize: 64 * 2 ** 20, queueSize: 4 }).done();
    console.log(`uploaded ${GIB} GiB to s3rver in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    client.destroy();
    for (let round = 1; round <= ROUNDS; round++) {
      const curl = await curlOnce(s3.endpoint, dir);
      const ours = await downloadOnce(s3.endpoint, join(dir, `storage-${round}`));
      if (ours.bytes !== curl.bytes || curl.bytes !== bytes)
        throw new Error(`sizes differ: ${bytes} / curl ${curl.bytes} / ours ${ours.bytes}`);
      await rm(join(dir, `storage-${round}`), { recursive: true, force: true });
      console.log(
        `round ${round}: curl ${mbps(curl).toFixed(0)} MiB/s (${(curl.ms / 1000).toFixed(1)} s); download path ${mbps(ours).toFixed(0)} MiB/s (${(ours.ms / 1000).toFixed(1)} s) = ${(mbps(ours) / mbps(curl)).toFixed(2)}× curl; peak RSS ${ours.maxRssMb.toFixed(0)} MB (${ours.startRssMb.toFixed(0)} MB before the download)`,
      );
    }
  } finally {
    await s3.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

async function webhookToJob(): Promise<void> {
  const world = await dailyBenchWorld({
    AWS_DAILY_S3_BUCKET: BUCKET,
    AWS_DAILY_ROLE_ARN: 'arn:aws:iam::123456789012:role/Bench',
    DAILY_RECORDINGS_POLL_SECONDS: '3600',
  });
  const { secret, env, dbUrl } = world;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = startMeetbridge('serve', { ...env, PORT: String(port), BASE_URL: base, RUN_WORKERS: 'false' });
  const children = [api];
  const db = new pg.Client({ connectionString: dbUrl });
  try {
    await waitForOk(`${base}/ready`);
    // The worker applies the inbox only: download jobs stay queued (what is measured is their queueing).
    children.push(startMeetbridge('worker', { ...env, PORT: String(await freePort()) }, [], ['--queues', 'webhook.*']));
    const rooms: string[] = [];
    for (let i = 0; i < 20; i++) {
      const name = `bench-${i}`;
      await fetch(`${base}/v1/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, platform: 'daily', recording_type: 'cloud', recording_trigger: 'prompt' }),
      });
      const meeting = (await (await fetch(`${base}/v1/rooms/${name}/meeting`, { method: 'POST' })).json()) as {
        provider_room_name: string;
      };
      rooms.push(meeting.provider_room_name);
    }
    await db.connect();
    const sent = new Map<string, number>();
    const seen = new Map<string, number>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const { rows } = await db.query<{ provider_recording_id: string }>(
          `select r.provider_recording_id from recording r
           join pgboss.job j on j.name = 'recording.download' and j.data->>'recordingId' = r.id::text`,
        );
        const at = performance.now();
        for (const r of rows) if (!seen.has(r.provider_recording_id)) seen.set(r.provider_recording_id, at);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const send = (i: number): Promise<void> => {
      const recordingId = randomUUID();
      const room = rooms[i % rooms.length]!;
      const startMs = Date.now() - 60_000;
      const sessions = [randomUUID(), randomUUID()];
      const body = JSON.stringify({
        version: '1.0.0',
        type: 'recording.ready-to-download',
        id: `rec-rtd-${recordingId}-${Math.floor(Date.now() / 1000)}`,
        payload: {
          type: 'raw-tracks',
          recording_id: recordingId,
          room_name: room,
          start_ts: Math.floor(startMs / 1000),
          status: 'finished',
          max_participants: 2,
          duration: 60,
          s3_key: `meetbridge/${room}/${startMs}`,
          tracks: sessions.map((s) => ({
            type: 'audio',
            s3Key: `meetbridge/${room}/${startMs}-${s}-cam-audio-${startMs + 400}`,
            size: 800_000,
          })),
        },
        event_ts: Date.now() / 1000,
      });
      const ts = String(Date.now());
      sent.set(recordingId, performance.now());
      return fetch(`${base}/v1/daily/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-timestamp': ts, 'x-webhook-signature': signDaily(secret, ts, body) },
        body,
      }).then((r) => {
        if (r.status !== 200) throw new Error(`webhook answered ${r.status}`);
      });
    };
    // Warm-up: the worker process is up and draining once a first recording got its job.
    for (let i = 0; seen.size === 0; i++) {
      if (i % 40 === 0) await send(i);
      if (i > 2400) throw new Error('the worker did not apply the warm-up recording within 2 minutes');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    sent.clear();
    seen.clear();
    const sends: Promise<unknown>[] = [];
    const startAll = performance.now();
    for (let i = 0; i < EVENTS; i++) {
      const wait = startAll + (i * 1000) / RATE - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      sends.push(send(i));
    }
    await Promise.all(sends);
    const deadline = performance.now() + 60_000;
    while ([...sent.keys()].some((id) => !seen.has(id)) && performance.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    polling = false;
    await poller;
    const latencies = [...sent].flatMap(([id, at]) => (seen.has(id) ? [seen.get(id)! - at] : [])).sort((a, b) => a - b);
    console.log(
      `webhook → recording row + download job queued: ${latencies.length}/${EVENTS} events at ${RATE}/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms`,
    );
  } finally {
    await db.end().catch(() => {});
    await stopAll(children);
    await world.close();
  }
}

console.log(`${await machine()}, ${new Date().toISOString().slice(0, 10)}`);
await throughput();
await webhookToJob();
