import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HeaderBag } from '../../src/core/adapter.js';

/** One webhook delivery exactly as it arrived: raw bytes and lower-cased headers. */
export interface ReceivedWebhook {
  rawBody: Buffer;
  headers: HeaderBag;
}

/** A real `node:http` listener that records every POST and answers 200 (what Daily and Whereby need). */
export interface WebhookCollector {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  clear(): void;
  close(): Promise<void>;
}

/** Starts a collector on 127.0.0.1 (free port). */
export async function startWebhookCollector(): Promise<WebhookCollector> {
  const received: ReceivedWebhook[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // Recorded before answering, so a sender that awaits the response sees it here.
      received.push({ rawBody: Buffer.concat(chunks), headers: { ...req.headers } });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    clear: () => void received.splice(0),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
