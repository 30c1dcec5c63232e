import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

/** Sends raw bytes over a socket and returns the whole answer (the server closes the connection). */
function rawHttp(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('bad input is refused at the edge, as problem+json', () => {
  it('answers 400 (not 500) for a NUL in a path parameter', async () => {
    await t.request('POST', '/v1/rooms', { body: { name: 'nul-room' } });
    for (const path of ['/v1/rooms/name/%00', '/v1/rooms/name/a%00b', '/v1/rooms/nul%00room/meeting']) {
      const method = path.endsWith('/meeting') ? 'POST' : 'GET';
      const res = await t.request(method, path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type'), path).toContain('application/problem+json');
      expect(res.body.errors?.[0]?.field, path).toBe('params.room_name');
    }
    const meeting = (await t.request('POST', '/v1/rooms/nul-room/meeting')).body;
    const res = await t.request('POST', `/v1/rooms/nul%00room/meetings/${meeting.id}/joining`);
    expect(res.status).toBe(400);
  });

  it('answers a URL Fastify cannot decode 400 problem+json', async () => {
    const res = await t.request('GET', '/v1/rooms/name/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:meetbridge:problem:bad_request');
  });

  it('answers a path parameter over the router limit 414 problem+json', async () => {
    // Only reachable where no wildcard route takes the path instead (the web app serves the others).
    const res = await t.server.app.inject({ method: 'POST', url: `/v1/rooms/${'a'.repeat(200)}/meeting` });
    expect(res.statusCode).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().type).toBe('urn:meetbridge:problem:uri_too_long');
    const viaWeb = await t.request('GET', `/v1/rooms/name/${'a'.repeat(200)}`);
    expect(viaWeb.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers headers over the limit 431 problem+json, and malformed HTTP 400 problem+json', async () => {
    const big = await rawHttp(t.url, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(big).toMatch(/^HTTP\/1\.1 431 /);
    expect(big).toContain('application/problem+json');
    expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      type: 'urn:meetbridge:problem:headers_too_large',
    });
    const garbage = await rawHttp(t.url, 'NOT HTTP AT ALL\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(garbage).toContain('application/problem+json');
    expect((await t.request('GET', '/health')).status).toBe(200);
  });
});
