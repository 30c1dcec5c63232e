import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress, SafeHttp, SafeHttpStatusError, SafeHttpTimeoutError, UnsafeUrlError } from '../src/lib/safe-http.js';

let server: Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') res.end('hello');
    else if (req.url === '/to-localhost') res.writeHead(302, { location: `http://localhost:${port}/ok` }).end();
    else if (req.url === '/to-self') res.writeHead(307, { location: '/ok' }).end();
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (req.url === '/slow') setTimeout(() => res.end('late'), 2_000);
    else if (req.url === '/missing') res.writeHead(404).end('no');
    else if (req.url === '/echo') req.pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    'ff02::1',
    'not-an-ip',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('SafeHttp', () => {
  it('refuses a link to 127.0.0.1 by default, before connecting', async () => {
    await expect(new SafeHttp().get(`${base}/ok`)).rejects.toBeInstanceOf(UnsafeUrlError);
  });

  it('refuses a name that resolves to a private address (checked at connect time)', async () => {
    const http = new SafeHttp({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    await expect(http.get(`http://recordings.example.com:${port}/ok`)).rejects.toThrow(/resolves to 127\.0\.0\.1/);
  });

  it('refuses non-http schemes and URLs with credentials', async () => {
    const http = new SafeHttp({ allowPrivate: true });
    await expect(http.get('file:///etc/passwd')).rejects.toThrow(/scheme file:/);
    await expect(http.get(`http://user:pw@127.0.0.1:${port}/ok`)).rejects.toThrow(/credentials/);
  });

  it('fetches a private address when allowed, streaming the body', async () => {
    const response = await new SafeHttp({ allowPrivate: true }).get(`${base}/ok`);
    expect(response.status).toBe(200);
    expect(response.contentLength).toBe(5);
    expect(await text(response.body)).toBe('hello');
  });

  it('fetches an allow-listed host and follows a redirect to the same host', async () => {
    const response = await new SafeHttp({ allowHosts: ['127.0.0.1'] }).get(`${base}/to-self`);
    expect(response.url).toBe(`${base}/ok`);
    expect(await text(response.body)).toBe('hello');
  });

  it('refuses a redirect from an allowed host to a private one that is not allowed', async () => {
    const http = new SafeHttp({ allowHosts: ['127.0.0.1'] });
    const error = await http.get(`${base}/to-localhost`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsafeUrlError);
    expect((error as Error).message).toMatch(/localhost resolves to/);
  });

  it('stops after too many redirects', async () => {
    await expect(new SafeHttp({ allowPrivate: true, maxRedirects: 3 }).get(`${base}/loop`)).rejects.toThrow(/more than 3 redirects/);
  });

  it('times out waiting for headers', async () => {
    await expect(new SafeHttp({ allowPrivate: true, headersTimeoutMs: 200 }).get(`${base}/slow`)).rejects.toBeInstanceOf(
      SafeHttpTimeoutError,
    );
  });

  it('fails a non-2xx answer with its status; 404 is not retryable', async () => {
    const error = await new SafeHttp({ allowPrivate: true }).get(`${base}/missing`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SafeHttpStatusError);
    expect((error as SafeHttpStatusError).status).toBe(404);
    expect((error as SafeHttpStatusError).retryable).toBe(false);
  });

  it('sends a body (outbound webhooks) and hides the query string in errors', async () => {
    const response = await new SafeHttp({ allowPrivate: true }).request(`${base}/echo`, { method: 'POST', body: '{"a":1}' });
    expect(await text(response.body)).toBe('{"a":1}');
    await expect(new SafeHttp().get(`${base}/ok?X-Amz-Signature=secret`)).rejects.not.toThrow(/secret/);
  });
});
