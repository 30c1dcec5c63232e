import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from './helpers/database.js';
import { calls, createRoom, meetingRows, S3_ENV, startProviderFakes, type ProviderFakes } from './helpers/provider-fakes.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/**
 * What the API answers when a provider fails or cannot be used: 502 problem details naming the
 * provider and operation (no secret, no meeting row) for provider failures, 409 naming the missing
 * variables for missing credentials or recording storage.
 */

let fakes: ProviderFakes;
let t: TestServer;
const extra: TestServer[] = [];

beforeAll(async () => {
  fakes = await startProviderFakes();
  t = await startTestServer({ ...fakes.wherebyEnv, ...fakes.dailyEnv, ...S3_ENV, DAILY_MIGRATION_ENABLED: 'true', RUN_WORKERS: 'false' });
});
afterAll(async () => {
  for (const s of extra) await s.close();
  await t?.close();
  await fakes?.close();
});
beforeEach(() => fakes.reset());

/** A loopback URL nothing listens on: connections are refused (a network failure). */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/v1`;
}

async function expectBadGateway(server: TestServer, room: { id: string; name: string }, provider: string, operation: string) {
  const res = await server.request('POST', `/v1/rooms/${room.name}/meeting`);
  expect(res.status, JSON.stringify(res.body)).toBe(502);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status: 502, type: 'urn:meetbridge:problem:provider_error', provider, operation });
  expect(res.body.detail).toContain(provider);
  expect(res.body.detail).toContain(operation);
  const text = JSON.stringify(res.body);
  for (const secret of fakes.secrets) expect(text).not.toContain(secret);
  expect(await meetingRows(server, room.id)).toBe(0);
  return res.body;
}

describe('a provider failure while creating a meeting', () => {
  it('answers 502 naming whereby and createMeeting for a Whereby 500, without retrying the POST and without a meeting row', async () => {
    const room = await createRoom(t, { name: 'wb-500', platform: 'whereby', recording_type: 'cloud' });
    // The error body echoes credentials, as a misbehaving upstream might: none may reach the caller.
    fakes.whereby.control.setFault({
      method: 'POST',
      path: '/v1/meetings',
      status: 500,
      body: { error: `internal ${fakes.whereby.apiKey}`, message: `bad S3 secret ${S3_ENV.AWS_WHEREBY_ACCESS_KEY_SECRET}` },
    });
    const body = await expectBadGateway(t, room, 'whereby', 'createMeeting');
    expect(body.provider_status).toBe(500);
    expect(calls(fakes.whereby, 'POST', '/v1/meetings')).toHaveLength(1);
    const retried = await t.request('POST', `/v1/rooms/${room.name}/meeting`);
    expect(retried.status).toBe(201);
    expect(await meetingRows(t, room.id)).toBe(1);
  });

  it('answers 502 naming daily and createRoom for a Daily 503, without a meeting row', async () => {
    const room = await createRoom(t, { name: 'dy-503', platform: 'daily' });
    fakes.daily.control.setFault({
      method: 'POST',
      path: '/v1/rooms',
      status: 503,
      body: { error: 'server-error', info: `key ${fakes.daily.apiKey} overloaded` },
    });
    const body = await expectBadGateway(t, room, 'daily', 'createRoom');
    expect(body).toMatchObject({ provider_status: 503, provider_code: 'server-error' });
  });

  it('answers 502 naming the provider when its API cannot be reached at all, with no provider status and no meeting row', async () => {
    const server = await startTestServer({ ...fakes.wherebyEnv, WHEREBY_API_URL: await deadUrl(), RUN_WORKERS: 'false' });
    extra.push(server);
    const room = await createRoom(server, { name: 'wb-down', platform: 'whereby' });
    const body = await expectBadGateway(server, room, 'whereby', 'createMeeting');
    expect(body.provider_status).toBeNull();
  });
});

describe('a platform that cannot be used here', () => {
  it('refuses a room on a platform without credentials with 409 naming the missing variable', async () => {
    const server = await startTestServer({ DAILY_MIGRATION_ENABLED: 'true', RUN_WORKERS: 'false' });
    extra.push(server);
    for (const [platform, variable] of [
      ['whereby', 'WHEREBY_API_KEY'],
      ['daily', 'DAILY_API_KEY'],
    ] as const) {
      const res = await server.request('POST', '/v1/rooms', { body: { name: `no-${platform}`, platform } });
      expect(res.status, platform).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.detail).toContain(variable);
    }
  });

  it("refuses a meeting with 409 naming the missing variable once the room's platform lost its credentials", async () => {
    const testDb = await createTestDatabase();
    const first = await startTestServer({ ...fakes.wherebyEnv, RUN_WORKERS: 'false' }, { testDb });
    try {
      const room = await createRoom(first, { name: 'lost-key', platform: 'whereby' });
      await first.close();
      const second = await startTestServer({ RUN_WORKERS: 'false' }, { testDb });
      try {
        const res = await second.request('POST', '/v1/rooms/lost-key/meeting');
        expect(res.status).toBe(409);
        expect(res.body.detail).toContain('WHEREBY_API_KEY');
        expect(await meetingRows(second, room.id)).toBe(0);
      } finally {
        await second.close();
      }
    } finally {
      await testDb.cleanup();
    }
  });

  it('refuses a cloud-recorded Whereby meeting with 409 naming the AWS_WHEREBY_* variables when no bucket is configured, before calling Whereby', async () => {
    const server = await startTestServer({ ...fakes.wherebyEnv, RUN_WORKERS: 'false' });
    extra.push(server);
    const room = await createRoom(server, { name: 'wb-no-bucket', platform: 'whereby', recording_type: 'cloud' });
    const res = await server.request('POST', `/v1/rooms/${room.name}/meeting`);
    expect(res.status).toBe(409);
    for (const variable of ['AWS_WHEREBY_S3_BUCKET', 'AWS_WHEREBY_ACCESS_KEY_ID', 'AWS_WHEREBY_ACCESS_KEY_SECRET'])
      expect(res.body.detail).toContain(variable);
    expect(calls(fakes.whereby, 'POST', '/v1/meetings')).toHaveLength(0);
    expect(await meetingRows(server, room.id)).toBe(0);
  });

  it('refuses a cloud-recorded Daily meeting with 409 naming AWS_DAILY_S3_BUCKET and AWS_DAILY_ROLE_ARN when no bucket is configured', async () => {
    const server = await startTestServer({ ...fakes.dailyEnv, DAILY_MIGRATION_ENABLED: 'true', RUN_WORKERS: 'false' });
    extra.push(server);
    const room = await createRoom(server, { name: 'dy-no-bucket', platform: 'daily', recording_type: 'cloud' });
    const res = await server.request('POST', `/v1/rooms/${room.name}/meeting`);
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('AWS_DAILY_S3_BUCKET');
    expect(res.body.detail).toContain('AWS_DAILY_ROLE_ARN');
    expect(calls(fakes.daily, 'POST', '/v1/rooms')).toHaveLength(0);
  });
});
