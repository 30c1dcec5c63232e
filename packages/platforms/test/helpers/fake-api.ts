import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AdapterDeps } from '../../src/core/adapter.js';
import type { Clock } from '../../src/core/clock.js';
import { silentLogger } from '../../src/core/logger.js';

/**
 * A real HTTP listener on 127.0.0.1 for transport and client tests. It records every request
 * (method, path, query, headers, raw and JSON body) and answers from per-route reply queues.
 */

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  /** The body parsed as JSON, or `undefined` when it is empty or not JSON. */
  json: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  /** Sent as-is instead of `JSON.stringify(body)`. */
  rawBody?: string;
  headers?: Record<string, string>;
  /** Never answer (to exercise timeouts). */
  hang?: boolean;
}

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  /** Queues replies for `METHOD /path`; the last one repeats. */
  on(method: string, path: string, ...replies: Reply[]): void;
  /** Requests to `METHOD /path`. */
  calls(method: string, path: string): RecordedRequest[];
  close(): Promise<void>;
}

function parseJson(raw: Buffer): unknown {
  try {
    return raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a fake API; unknown routes get 404 `{"error":"not-found"}`. */
export async function startFakeApi(): Promise<FakeApi> {
  const routes = new Map<string, Reply[]>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rawBody = Buffer.concat(chunks);
      requests.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        json: parseJson(rawBody),
      });
      const queue = routes.get(`${req.method} ${url.pathname}`);
      const reply = (queue && queue.length > 1 ? queue.shift() : queue?.[0]) ?? { status: 404, body: { error: 'not-found' } };
      if (reply.hang) return;
      const text = reply.rawBody ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (method, path, ...replies) => routes.set(`${method} ${path}`, replies),
    calls: (method, path) => requests.filter((r) => r.method === method && r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A clock stuck at `at`. */
export function fixedClock(at: Date): Clock {
  return { now: () => at };
}

/** A `sleep` that returns at once and records every wait. */
export function recordingSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Adapter deps for tests: fixed clock, silent logger, instant sleep. */
export function testDeps(overrides: Partial<AdapterDeps> = {}): AdapterDeps & { waits: number[] } {
  const { sleep, waits } = recordingSleep();
  return {
    clock: fixedClock(new Date('2026-03-01T10:00:00Z')),
    logger: silentLogger,
    baseUrl: 'http://meetbridge.test',
    http: { sleep, timeoutMs: 2000 },
    waits,
    ...overrides,
  };
}
