/**
 * `npm run bench:platforms`: the spec's "abstraction overhead" metric. Meeting creation through
 * the adapter (`adapter.createMeeting`) against the same raw HTTP call (`fetch` with the identical
 * body and headers) to the Whereby and Daily fakes, which run in a child process (the provider is
 * another process, as in production). After a warm-up, the two paths are interleaved, alternating
 * which goes first, so drift and GC hit both alike. Goal: overhead < 2 % and < 3 ms at p50.
 *
 * Options (environment): BENCH_ITERATIONS (default 2000), BENCH_WARMUP (default 200),
 * BENCH_LATENCY_MS (default 0: extra provider latency injected by the fakes' fault API).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import {
  buildCreateMeetingBody,
  buildCreateRoomBody,
  dailyProvider,
  silentLogger,
  systemClock,
  wherebyProvider,
  type CreateMeetingInput,
  type EnvRecord,
  type PlatformAdapter,
  type ProviderModule,
  type RoomSettings,
} from '@meetbridge/platforms';

const ROOT = join(import.meta.dirname, '..');
const N = Number(process.env.BENCH_ITERATIONS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 0);
/** Fake state is cleared this often (outside the timed calls) so it does not grow without bound. */
const RESET_EVERY = 250;
const GOAL_PERCENT = 2;
const GOAL_MS = 3;

const settings: RoomSettings = { isLocked: false, roomMode: 'normal', roomSize: null, recordingType: 'none', recordingTrigger: 'none' };

interface Fakes {
  env: Record<string, string>;
  child: ChildProcess;
}

/** Starts `packages/fakes/src/cli.ts` on free ports and reads the variables it prints. */
async function startFakes(): Promise<Fakes> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', join(ROOT, 'packages/fakes/src/cli.ts')], {
    // Rate limits are not what this measures: the fake's and the adapters' budgets are lifted.
    env: {
      ...process.env,
      FAKE_WHEREBY_PORT: '0',
      FAKE_DAILY_PORT: '0',
      FAKE_WEBHOOK_BASE_URL: 'http://127.0.0.1:9',
      FAKE_WHEREBY_RATE_LIMIT_POINTS: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const env: Record<string, string> = {};
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const match = /^([A-Z_]+)=(.*)$/.exec(line);
    if (match) env[match[1]!] = match[2]!;
    if (env.DAILY_WEBHOOK_SECRET) break;
  }
  if (!env.WHEREBY_API_URL || !env.DAILY_API_URL) throw new Error('the fakes did not start');
  Object.assign(env, { WHEREBY_RATE_LIMIT_POINTS: '100000000', DAILY_RATE_LIMIT_PER_SECOND: '1000000' });
  return { env, child };
}

async function control(apiUrl: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${new URL(apiUrl).origin}/_control/${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${path}: ${res.status}`);
}

interface Target {
  label: string;
  apiUrl: string;
  adapter: PlatformAdapter;
  /** The raw call: same method, URL, headers and body the adapter sends. */
  raw: (input: CreateMeetingInput) => { url: string; init: RequestInit };
  faultPath: string;
}

function target<C>(
  provider: ProviderModule<C>,
  env: EnvRecord,
  apiUrl: string,
  apiKey: string,
  path: string,
  body: (input: CreateMeetingInput) => unknown,
): Target {
  const config = provider.loadConfig(env);
  if (!config.ok) throw new Error(`${provider.name}: missing ${config.missing.join(', ')}`);
  const adapter = provider.create(config.config, { clock: systemClock, logger: silentLogger, baseUrl: 'http://127.0.0.1:1250' });
  const headers = { authorization: `Bearer ${apiKey}`, accept: 'application/json', 'content-type': 'application/json' };
  return {
    label: provider.displayName,
    apiUrl,
    adapter,
    raw: (input) => ({ url: `${apiUrl}${path}`, init: { method: 'POST', headers, body: JSON.stringify(body(input)) } }),
    faultPath: `${new URL(apiUrl).pathname}${path}`,
  };
}

async function timeAdapter(t: Target, input: CreateMeetingInput): Promise<number> {
  const start = performance.now();
  await t.adapter.createMeeting(input);
  return performance.now() - start;
}

async function timeRaw(t: Target, input: CreateMeetingInput): Promise<number> {
  const { url, init } = t.raw(input); // built before the clock starts: the adapter's own building is overhead
  const start = performance.now();
  const res = await fetch(url, init);
  const json: unknown = await res.json();
  const elapsed = performance.now() - start;
  if (!res.ok || json === null) throw new Error(`raw call failed: ${res.status}`);
  return elapsed;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

interface Stats {
  p50: number;
  p95: number;
  mean: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}

async function run(t: Target): Promise<{ adapter: Stats; raw: Stats }> {
  const input = (i: number): CreateMeetingInput => ({ roomName: `bench-${i}`, settings, endDate: new Date(Date.now() + 3_600_000) });
  await control(t.apiUrl, 'reset');
  if (LATENCY_MS > 0) await control(t.apiUrl, 'faults', { path: t.faultPath, method: 'POST', delayMs: LATENCY_MS, times: -1 });
  for (let i = 0; i < WARMUP; i++) {
    await timeAdapter(t, input(i));
    await timeRaw(t, input(i));
  }
  const adapter: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < N; i++) {
    if (i % RESET_EVERY === 0 && LATENCY_MS === 0) await control(t.apiUrl, 'reset');
    if (i % 2 === 0) {
      adapter.push(await timeAdapter(t, input(i)));
      raw.push(await timeRaw(t, input(i)));
    } else {
      raw.push(await timeRaw(t, input(i)));
      adapter.push(await timeAdapter(t, input(i)));
    }
  }
  await control(t.apiUrl, 'reset');
  return { adapter: stats(adapter), raw: stats(raw) };
}

function machine(): string {
  const model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${model.trim()}, Node ${process.version}, ${process.platform}/${process.arch}`;
}

const ms = (v: number) => v.toFixed(3).padStart(8);

async function main(): Promise<void> {
  const fakes = await startFakes();
  const { env } = fakes;
  try {
    const dailyS3 = { bucket: null, region: 'us-west-2', roleArn: null };
    const wherebyS3 = { bucket: null, accessKeyId: null, accessKeySecret: null };
    const targets = [
      target(wherebyProvider, env, env.WHEREBY_API_URL!, env.WHEREBY_API_KEY!, '/meetings', (i) => buildCreateMeetingBody(i, wherebyS3)),
      target(dailyProvider, env, env.DAILY_API_URL!, env.DAILY_API_KEY!, '/rooms', (i) => buildCreateRoomBody(i, new Date(), dailyS3)),
    ];
    console.log(`Platforms: abstraction overhead of meeting creation (${new Date().toISOString()})`);
    console.log(`machine: ${machine()}`);
    console.log(
      `N=${N} per path after ${WARMUP} warm-up calls each, interleaved; fakes in a child process; extra provider latency ${LATENCY_MS} ms\n`,
    );
    console.log('provider  path        p50 ms   p95 ms  mean ms');
    let pass = true;
    for (const t of targets) {
      const r = await run(t);
      const overhead = r.adapter.p50 - r.raw.p50;
      const percent = (overhead / r.raw.p50) * 100;
      const ok = percent < GOAL_PERCENT && overhead < GOAL_MS;
      pass &&= ok;
      console.log(`${t.label.padEnd(9)} raw       ${ms(r.raw.p50)} ${ms(r.raw.p95)} ${ms(r.raw.mean)}`);
      console.log(`${t.label.padEnd(9)} adapter   ${ms(r.adapter.p50)} ${ms(r.adapter.p95)} ${ms(r.adapter.mean)}`);
      console.log(
        `${t.label.padEnd(9)} overhead  ${overhead >= 0 ? '+' : ''}${overhead.toFixed(3)} ms p50 (${percent >= 0 ? '+' : ''}${percent.toFixed(1)} %), ` +
          `p95 ${(r.adapter.p95 - r.raw.p95).toFixed(3)} ms; goal < ${GOAL_PERCENT} % and < ${GOAL_MS} ms: ${ok ? 'met' : 'NOT met'}\n`,
      );
    }
    console.log(pass ? 'All goals met.' : 'Some goals not met (see above).');
  } finally {
    fakes.child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
