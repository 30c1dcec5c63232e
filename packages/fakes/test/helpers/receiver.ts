import http from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request received by the test webhook receiver. */
export interface ReceivedWebhook {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body bytes as UTF-8 text. */
  readonly body: string;
}

/** A local `node:http` webhook receiver that records every request. */
export interface Receiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** Decides the status of the n-th request (0-based). Default: always 200. */
  respondWith(fn: (index: number) => number): void;
  /** Parsed JSON bodies, in arrival order. */
  json<T = Record<string, unknown>>(): T[];
  close(): Promise<void>;
}

/** Starts a receiver on a free loopback port. */
export async function startReceiver(): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  let respond: (index: number) => number = () => 200;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const index = received.length;
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.statusCode = respond(index);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    respondWith(fn) {
      respond = fn;
    },
    json<T>() {
      return received.map((r) => JSON.parse(r.body) as T);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
