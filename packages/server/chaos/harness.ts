import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, Socket, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signDailyWebhook } from '@meetbridge/platforms';
import pg from 'pg';
import { freePort } from '../test/helpers/server.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'packages/server/src/cli.ts');

/** The PostgreSQL server the suite may create databases on; unset = PGlite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** A Meetbridge CLI process (`serve` or `worker`) under tsx, with its output kept for diagnosis. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: string[];
  /** Exit code (or signal) once it exited. */
  exited: Promise<number | string>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startProcess(command: 'serve' | 'worker', env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const listenPort = port ?? (await freePort());
  const child = spawn(TSX, ['--conditions=source', CLI, command], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(listenPort),
      BASE_URL: `http://127.0.0.1:${listenPort}`,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<number | string>((done) => child.on('exit', (code, signal) => done(code ?? signal ?? 'unknown')));
  return {
    child,
    url: `http://127.0.0.1:${listenPort}`,
    output,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

/** Resolves once `GET url/health` answers 200; returns the milliseconds it took. */
export async function waitListening(p: ServerProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (p.child.exitCode !== null) throw new Error(`process exited early:\n${p.output.join('').slice(-3000)}`);
    try {
      if ((await fetch(`${p.url}/health`)).status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not listening after ${timeoutMs} ms:\n${p.output.join('').slice(-3000)}`);
}

/** A temporary PostgreSQL database for one test, dropped afterwards. */
export async function tempDatabase(): Promise<{ url: string; name: string; drop(): Promise<void> }> {
  const name = `mb_chaos_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export const tempDir = () => mkdtempSync(join(tmpdir(), 'meetbridge-chaos-'));

/** A signed Daily participant.joined delivery for `room` (a room Meetbridge may not know: then ignored). */
export function dailyDelivery(secret: string, room = 'chaos-room', extra: Record<string, unknown> = {}) {
  const id = `ev-${randomBytes(8).toString('hex')}`;
  const now = Date.now() / 1000;
  const body = JSON.stringify({
    version: '1.0.0',
    type: 'participant.joined',
    id,
    payload: { room, session_id: id, joined_at: now },
    event_ts: now,
    ...extra,
  });
  const ts = String(Math.floor(now));
  return {
    id,
    body,
    headers: { 'content-type': 'application/json', 'x-webhook-timestamp': ts, 'x-webhook-signature': signDailyWebhook(secret, ts, body) },
  };
}

/** Posts a delivery; the status, or 0 when the connection failed. */
export async function post(url: string, d: { body: string; headers: Record<string, string> }): Promise<number> {
  try {
    const res = await fetch(`${url}/v1/daily/webhook`, { method: 'POST', body: d.body, headers: d.headers });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** Environment for Daily deliveries: a fake API (never called for unknown rooms) and a webhook secret. */
export function dailyEnv(): { env: Record<string, string>; secret: string } {
  const secret = randomBytes(32).toString('base64');
  return {
    secret,
    env: {
      DAILY_API_KEY: 'chaos-key',
      DAILY_API_URL: 'http://127.0.0.1:9/v1',
      DAILY_WEBHOOK_SECRET: secret,
      DAILY_MIGRATION_ENABLED: 'true',
    },
  };
}

/** A TCP proxy in front of PostgreSQL: `cut()` drops every connection and refuses new ones (the database is "down"). */
export async function startProxy(target: string): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const t = new URL(target);
  const sockets = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = new Socket();
    upstream.connect(Number(t.port || 5432), t.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    cut() {
      down = true;
      for (const s of sockets) s.destroy();
      server.close();
    },
    async close() {
      down = true;
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
