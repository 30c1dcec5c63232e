import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startDailyFake } from '@meetbridge/fakes';

export const ROOT = join(import.meta.dirname, '..');

/** A PostgreSQL that allows CREATE DATABASE: BENCH_DATABASE_URL, else the machine's local one. */
export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Runs one statement on the admin connection. */
export async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/**
 * A throwaway database and a Daily fake with a webhook secret, and the environment of a Meetbridge
 * on both (Daily the default platform, reconciliation kept out of the way). `close` stops the fake
 * and drops the database.
 */
export async function dailyBenchWorld(extraEnv: Record<string, string> = {}) {
  const dbName = `meetbridge_bench_${Date.now()}`;
  await admin(`create database ${dbName}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const secret = randomBytes(32).toString('base64');
  const daily = await startDailyFake({ webhookSecret: secret });
  const env: Record<string, string> = {
    DATABASE_URL: dbUrl.toString(),
    DAILY_API_URL: daily.url,
    DAILY_API_KEY: daily.apiKey,
    DAILY_WEBHOOK_SECRET: secret,
    DAILY_MIGRATION_ENABLED: 'true',
    DEFAULT_VIDEO_PLATFORM: 'daily',
    RECONCILE_INTERVAL_SECONDS: '3600',
    ...extraEnv,
  };
  return {
    dbUrl: dbUrl.toString(),
    secret,
    daily,
    env,
    async close(): Promise<void> {
      await daily.close();
      await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
    },
  };
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Runs the Meetbridge CLI (`serve` or `worker`) from source in a child process. */
export function startMeetbridge(
  command: 'serve' | 'worker',
  env: Record<string, string>,
  nodeArgs: string[] = [],
  args: string[] = [],
): ChildProcess {
  return spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', '--conditions=source', join(ROOT, 'packages/server/src/cli.ts'), command, ...args],
    {
      env: { ...process.env, DATA_DIR: mkdtempSync(join(tmpdir(), 'meetbridge-bench-')), LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

/** Polls `url` until it answers 200 (or throws after `timeoutMs`). */
export async function waitForOk(url: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become ready`);
}

/** Stops child processes and waits for them to exit. */
export async function stopAll(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export async function machine(): Promise<string> {
  const { readFileSync } = await import('node:fs');
  const { cpus, totalmem } = await import('node:os');
  const model = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} cores (${model}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}
