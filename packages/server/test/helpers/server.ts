import { mkdtempSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { Clock } from '@meetbridge/platforms';
import { buildConfig } from '../../src/config/index.js';
import { rowsOf } from '../../src/db/client.js';
import { createServer, type Server } from '../../src/main.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** A Meetbridge server listening on a real loopback port, on a throwaway database. */
export interface TestServer {
  server: Server;
  testDb: TestDatabase;
  url: string;
  /** `fetch` against the server; JSON bodies are encoded for you. */
  request(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; raw?: string },
  ): Promise<{ status: number; headers: Headers; body: any }>;
  /** Runs raw SQL against the server's database (test inspection and setup) and returns the rows. */
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
  close(): Promise<void>;
}

/** A mutable clock for tests: `set` or `advance` instead of sleeping. */
export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = date;
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A free loopback port (so BASE_URL can point at the server itself, as the mock provider needs). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Starts a server with `env` on top of safe defaults (mock provider, no auth, temp DATA_DIR). */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { clock?: Clock; testDb?: TestDatabase } = {},
): Promise<TestServer> {
  const testDb = options.testDb ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'meetbridge-test-'));
  const port = await freePort();
  const config = buildConfig({ DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'silent', BASE_URL: `http://127.0.0.1:${port}`, ...env });
  const server = await createServer(config, { logger: pino({ level: 'silent' }), clock: options.clock, database: testDb.database });
  const address = await server.app.listen({ host: '127.0.0.1', port });
  return {
    server,
    testDb,
    url: address,
    async request(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      let body: string | undefined = opts.raw;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${address}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON; keep the text
      }
      return { status: res.status, headers: res.headers, body: parsed as any };
    },
    async query<T>(text: string) {
      return rowsOf<T>(await server.database.db.execute(sql.raw(text)));
    },
    async close() {
      await server.close();
      if (!options.testDb) await testDb.cleanup();
    },
  };
}
