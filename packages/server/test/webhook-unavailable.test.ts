import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signMockWebhook } from '@meetbridge/platforms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ RUN_WORKERS: 'false' });
});
afterAll(async () => t.close().catch(() => {}));

describe('when our own database is down', () => {
  it('answers a valid webhook 503 (so the provider retries) and a bad signature still 401', async () => {
    const secret = readFileSync(join(t.server.container.config.dataDir, 'mock-webhook-secret'), 'utf8').trim();
    const body = JSON.stringify({
      type: 'participant.joined',
      timestamp: new Date().toISOString(),
      data: { room_name: 'r', session_id: 's' },
    });
    const headers = {
      ...signMockWebhook(secret, 'msg_1', Math.floor(Date.now() / 1000), Buffer.from(body)),
      'content-type': 'application/json',
    };
    await t.testDb.database.close();
    const res = await t.request('POST', '/v1/mock/webhook', { raw: body, headers });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const bad = await t.request('POST', '/v1/mock/webhook', { raw: body, headers: { ...headers, 'webhook-signature': 'v1,AAAA' } });
    expect(bad.status).toBe(401);
    expect((await t.request('GET', '/ready')).status).toBe(503);
  });

  it('answers every API route that needs the database 503 problem+json with Retry-After, not 500', async () => {
    // The database was closed by the test above.
    const id = '7d1e4c0a-1b2c-4d5e-8f90-123456789abc';
    for (const [method, path, body] of [
      ['GET', '/v1/rooms', undefined],
      ['POST', '/v1/rooms', { name: 'down' }],
      ['GET', '/v1/rooms/name/down', undefined],
      ['GET', `/v1/rooms/${id}`, undefined],
      ['POST', '/v1/rooms/down/meeting', undefined],
      ['GET', `/v1/meetings/${id}`, undefined],
      ['GET', '/v1/meetings', undefined],
      ['POST', `/v1/rooms/down/meetings/${id}/joining`, undefined],
      ['GET', '/ready', undefined],
    ] as const) {
      const res = await t.request(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(503);
      expect(res.headers.get('content-type'), `${method} ${path}`).toContain('application/problem+json');
      expect(Number(res.headers.get('retry-after')), `${method} ${path}`).toBeGreaterThan(0);
    }
    expect((await t.request('GET', '/health')).status).toBe(200);
  });
});
