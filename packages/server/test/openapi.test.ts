import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/index.js';
import { createServer } from '../src/main.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

describe('operations endpoints', () => {
  it('serves /health and /ready', async () => {
    expect(await t.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await t.request('GET', '/ready')).toMatchObject({ status: 200, body: { status: 'ready' } });
  });

  it('lists every route in /openapi.json (OpenAPI 3.1) and serves the docs UI', async () => {
    const doc = (await t.request('GET', '/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /health',
        'GET /ready',
        'POST /v1/rooms',
        'GET /v1/rooms',
        'GET /v1/rooms/{room_id}',
        'GET /v1/rooms/name/{room_name}',
        'PATCH /v1/rooms/{room_id}',
        'DELETE /v1/rooms/{room_id}',
        'POST /v1/rooms/{room_name}/meeting',
        'GET /v1/meetings/{meeting_id}',
        'PATCH /v1/meetings/{meeting_id}/deactivate',
      ]),
    );
    expect(doc.paths['/v1/rooms'].post.requestBody.content['application/json'].schema.properties.name.type).toBe('string');
    const docs = await fetch(`${t.url}/docs`, { redirect: 'follow' });
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('<html');
  });
});

describe('embedded PGlite under DATA_DIR', () => {
  it('keeps data across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'meetbridge-persist-'));
    const config = buildConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const logger = pino({ level: 'silent' });
    const first = await createServer(config, { logger });
    const created = await first.app.inject({ method: 'POST', url: '/v1/rooms', payload: { name: 'kept' } });
    expect(created.statusCode).toBe(201);
    await first.close();
    const second = await createServer(config, { logger });
    const read = await second.app.inject({ method: 'GET', url: '/v1/rooms/name/kept' });
    expect(read.statusCode).toBe(200);
    expect(read.json().id).toBe(created.json().id);
    await second.close();
  });
});
