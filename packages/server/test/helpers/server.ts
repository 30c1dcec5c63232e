import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Clock } from '@meetbridge/platforms';
import { buildConfig } from '../../src/config/index.js';
import { createServer, type Server } from '../../src/main.js';
import { createTestDatabase, type TestDatabase } from './database.js';

/** A Meetbridge server listening on a real loopback port, on a throwaway database. */
export interface TestServer {
  server: Server;
  testDb: TestDatabase;
  url: string;
  /** `fetch` against the server; JSON bodies are encoded for you. */
  request(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; raw?: string }): Promise<{ status: number; headers: Headers; body: any }>;
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

/** Starts a server with `env` on top of safe defaults (mock provider, no auth, temp DATA_DIR). */
export async function startTestServer(env: Record<string, string> = {}, options: { clock?: Clock; testDb?: TestDatabase } = {}): Promise<TestServer> {
  const testDb = options.testDb ?? (await createTestDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'meetbridge-test-'));
  const config = buildConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', BASE_URL: 'http://127.0.0.1:1250', ...env });
  const server = await createServer(config, { logger: pino({ level: 'silent' }), clock: options.clock, database: testDb.database });
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
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
    async close() {
      await server.close();
      if (!options.testDb) await testDb.cleanup();
    },
  };
}
