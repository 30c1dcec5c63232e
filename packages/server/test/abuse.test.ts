import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtAuth, type JwtAuth } from './helpers/provider-fakes.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
let auth: JwtAuth;
let alice: Record<string, string>;
beforeAll(async () => {
  auth = await jwtAuth();
  t = await startTestServer({ ...auth.env, RATE_LIMIT_ANONYMOUS_PER_MINUTE: '40' });
  alice = await auth.as('alice');
  await t.request('POST', '/v1/rooms', { body: { name: 'alices-room' }, headers: alice });
});
afterAll(async () => t.close());

describe('anonymous callers cannot run up cost or keep meetings alive', () => {
  it('allow_duplicated is for the room owner only (403 for anyone else, no provider room made)', async () => {
    const first = await t.request('POST', '/v1/rooms/alices-room/meeting');
    expect(first.status).toBe(201);
    const anon = await t.request('POST', '/v1/rooms/alices-room/meeting', { body: { allow_duplicated: true } });
    expect(anon.status).toBe(403);
    expect(anon.headers.get('content-type')).toContain('application/problem+json');
    const bob = await t.request('POST', '/v1/rooms/alices-room/meeting', {
      body: { allow_duplicated: true },
      headers: await auth.as('bob'),
    });
    expect(bob.status).toBe(403);
    const [row] = await t.query<{ n: number }>('select count(*)::int as n from meeting');
    expect(row?.n).toBe(1);
    const owner = await t.request('POST', '/v1/rooms/alices-room/meeting', { body: { allow_duplicated: true }, headers: alice });
    expect(owner.status).toBe(201);
    expect(owner.body.id).not.toBe(first.body.id);
  });

  it('limits live join reservations per caller and meeting (429 with Retry-After), not per meeting', async () => {
    const meeting = (await t.request('POST', '/v1/rooms/alices-room/meeting')).body;
    const path = `/v1/rooms/alices-room/meetings/${meeting.id}/joining`;
    for (let i = 0; i < 5; i++) expect((await t.request('POST', path)).status).toBe(201);
    const sixth = await t.request('POST', path);
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    // Someone else may still reserve.
    expect((await t.request('POST', path, { headers: await auth.as('carol') })).status).toBe(201);
    const [row] = await t.query<{ n: number }>(`select count(*)::int as n from join_reservation where meeting_id = '${meeting.id}'`);
    expect(row?.n).toBe(6);
  });

  it('rate limits anonymous requests per address (429 problem+json with Retry-After); signed-in callers are not limited', async () => {
    let limited: Awaited<ReturnType<TestServer['request']>> | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const res = await t.request('GET', '/v1/rooms/name/alices-room');
      if (res.status === 429) limited = res;
      else expect(res.status).toBe(200);
    }
    expect(limited).toBeDefined();
    expect(limited!.headers.get('content-type')).toContain('application/problem+json');
    expect(limited!.body.status).toBe(429);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The budget is shared by the room page's endpoints.
    expect((await t.request('POST', '/v1/rooms/alices-room/meeting')).status).toBe(429);
    expect((await t.request('GET', '/v1/rooms/name/alices-room', { headers: alice })).status).toBe(200);
    // Webhooks and health are never limited.
    expect((await t.request('GET', '/health')).status).toBe(200);
  });
});
