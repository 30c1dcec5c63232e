import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ RUN_WORKERS: 'false' });
});
afterAll(async () => t.close());

describe('mock provider presence (JSON)', () => {
  it('lists who joined a mock room, and forgets who left', async () => {
    await t.request('POST', '/v1/rooms', { body: { name: 'presence' } });
    const meeting = (await t.request('POST', '/v1/rooms/presence/meeting')).body;
    const base = `/mock/rooms/${meeting.provider_room_name}/participants`;
    expect((await t.request('GET', base)).body).toEqual({ provider_room_name: meeting.provider_room_name, participants: [] });

    const joined = await t.request('POST', base, { body: { user_name: 'Ann' } });
    expect(joined.status).toBe(201);
    const present = await t.request('GET', base);
    expect(present.body.participants).toEqual([
      { session_id: joined.body.session_id, user_id: null, user_name: 'Ann', joined_at: expect.any(String) },
    ]);

    expect((await t.request('DELETE', `${base}/${joined.body.session_id}`)).status).toBe(204);
    expect((await t.request('GET', base)).body.participants).toEqual([]);
  });

  it('answers 404 problem details for an unknown room, and documents the routes', async () => {
    const res = await t.request('GET', '/mock/rooms/nope/participants');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const doc = (await t.request('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths['/mock/rooms/{provider_room_name}/participants'])).toEqual(['get', 'post']);
    expect(Object.keys(doc.paths['/mock/rooms/{provider_room_name}/participants/{session_id}'])).toEqual(['delete']);
  });
});
