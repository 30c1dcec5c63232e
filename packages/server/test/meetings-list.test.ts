import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoom, jwtAuth, type JwtAuth } from './helpers/provider-fakes.js';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
let auth: JwtAuth;
beforeAll(async () => {
  auth = await jwtAuth();
  t = await startTestServer({ ...auth.env, RUN_WORKERS: 'false' });
});
afterAll(async () => t.close());

describe('GET /v1/meetings', () => {
  it("lists the caller's meetings, newest first, filtered by room and by liveness", async () => {
    const ann = await auth.as('ann');
    const bob = await auth.as('bob');
    const one = await createRoom(t, { name: 'list-one' }, ann);
    const two = await createRoom(t, { name: 'list-two' }, ann);
    await createRoom(t, { name: 'list-bob' }, bob);
    const first = (await t.request('POST', '/v1/rooms/list-one/meeting', { headers: ann })).body;
    const second = (await t.request('POST', '/v1/rooms/list-two/meeting', { headers: ann })).body;
    await t.request('POST', '/v1/rooms/list-bob/meeting', { headers: bob });

    const all = await t.request('GET', '/v1/meetings', { headers: ann });
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, page_size: 20 });
    expect(all.body.items.map((m: { id: string }) => m.id)).toEqual([second.id, first.id]);
    expect(all.body.items[0]).toMatchObject({ room_id: two.id, room_name: 'list-two', num_clients: 0, is_active: true });
    expect(all.body.items[0].host_room_url).not.toBeUndefined();

    const ofOne = await t.request('GET', `/v1/meetings?room_id=${one.id}`, { headers: ann });
    expect(ofOne.body.items.map((m: { id: string }) => m.id)).toEqual([first.id]);

    expect((await t.request('PATCH', `/v1/meetings/${first.id}/deactivate`, { headers: ann })).status).toBe(200);
    const live = await t.request('GET', '/v1/meetings?active=true', { headers: ann });
    expect(live.body.items.map((m: { id: string }) => m.id)).toEqual([second.id]);
    const ended = await t.request('GET', '/v1/meetings?active=false', { headers: ann });
    expect(ended.body.items.map((m: { id: string }) => m.id)).toEqual([first.id]);
  });

  it('needs a signed-in caller and validates its query', async () => {
    expect((await t.request('GET', '/v1/meetings')).status).toBe(401);
    const bad = await t.request('GET', '/v1/meetings?room_id=nope&active=maybe', { headers: await auth.as('ann') });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.active', 'querystring.room_id']);
  });
});
