import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => t.close());

describe('rooms API', () => {
  it('creates a room with defaults and the default platform (mock when nothing is configured)', async () => {
    const res = await t.request('POST', '/v1/rooms', { body: { name: 'alpha' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'alpha',
      user_id: 'local',
      platform: 'mock',
      is_locked: false,
      room_mode: 'normal',
      room_size: null,
      recording_type: 'none',
      recording_trigger: 'automatic-2nd-participant',
      skip_consent: false,
    });
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 409 with problem details for a duplicate name', async () => {
    await t.request('POST', '/v1/rooms', { body: { name: 'dup' } });
    const res = await t.request('POST', '/v1/rooms', { body: { name: 'dup' } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 409, title: 'Conflict' });
    expect(res.body.detail).toContain('"dup" already exists');
  });

  it('answers 400 naming every invalid field', async () => {
    const res = await t.request('POST', '/v1/rooms', {
      body: { name: 'Not Valid!', room_mode: 'huge', room_size: 1, recording_type: 'tape', colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.room_mode', 'body.room_size', 'body.recording_type', 'body']));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'body').message).toContain('colour');
  });

  it('rejects names longer than 64 characters and names with upper-case letters', async () => {
    for (const name of ['a'.repeat(65), 'Upper', '-leading', '']) {
      const res = await t.request('POST', '/v1/rooms', { body: { name } });
      expect(res.status, name).toBe(400);
      expect(res.body.errors[0].field).toBe('body.name');
    }
    expect((await t.request('POST', '/v1/rooms', { body: { name: 'a'.repeat(64) } })).status).toBe(201);
  });

  it('answers 400, not 500, for a body that is not JSON or not an object', async () => {
    const bad = await t.request('POST', '/v1/rooms', { raw: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(bad.body.status).toBe(400);
    const arr = await t.request('POST', '/v1/rooms', { body: ['x'] });
    expect(arr.status).toBe(400);
    const text = await t.request('POST', '/v1/rooms', { raw: 'name=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(400);
    expect(text.body.errors[0].field).toBe('body');
  });

  it('refuses an unknown platform, listing the allowed ones', async () => {
    const res = await t.request('POST', '/v1/rooms', { body: { name: 'zoomy', platform: 'zoom' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'body.platform' });
    expect(res.body.errors[0].message).toContain('mock');
  });

  it('reads a room by id and by name, and 404s unknown ones', async () => {
    const created = (await t.request('POST', '/v1/rooms', { body: { name: 'beta', is_locked: true, room_size: 10 } })).body;
    expect((await t.request('GET', `/v1/rooms/${created.id}`)).body).toEqual(created);
    expect((await t.request('GET', '/v1/rooms/name/beta')).body).toEqual(created);
    const missing = await t.request('GET', '/v1/rooms/name/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain('nope');
    expect((await t.request('GET', '/v1/rooms/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const badId = await t.request('GET', '/v1/rooms/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].field).toBe('params.room_id');
  });

  it('updates a room and rejects an empty or invalid patch', async () => {
    const created = (await t.request('POST', '/v1/rooms', { body: { name: 'gamma' } })).body;
    const res = await t.request('PATCH', `/v1/rooms/${created.id}`, { body: { recording_type: 'cloud', room_mode: 'group' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'gamma', recording_type: 'cloud', room_mode: 'group' });
    expect(new Date(res.body.updated_at).getTime()).toBeGreaterThanOrEqual(new Date(created.updated_at).getTime());
    expect((await t.request('PATCH', `/v1/rooms/${created.id}`, { body: {} })).status).toBe(400);
    await t.request('POST', '/v1/rooms', { body: { name: 'taken' } });
    expect((await t.request('PATCH', `/v1/rooms/${created.id}`, { body: { name: 'taken' } })).status).toBe(409);
  });

  it("lists the caller's rooms with pagination", async () => {
    const all = await t.request('GET', '/v1/rooms?page=1&page_size=100');
    expect(all.status).toBe(200);
    const total = all.body.total;
    expect(total).toBe(all.body.items.length);
    const page2 = await t.request('GET', '/v1/rooms?page=2&page_size=2');
    expect(page2.body).toMatchObject({ page: 2, page_size: 2, total });
    expect(page2.body.items).toEqual(all.body.items.slice(2, 4));
    expect((await t.request('GET', '/v1/rooms?page_size=1000')).status).toBe(400);
  });

  it('deletes a room (then 404)', async () => {
    const created = (await t.request('POST', '/v1/rooms', { body: { name: 'delta' } })).body;
    await t.request('POST', '/v1/rooms/delta/meeting');
    expect((await t.request('DELETE', `/v1/rooms/${created.id}`)).status).toBe(204);
    expect((await t.request('GET', `/v1/rooms/${created.id}`)).status).toBe(404);
    expect((await t.request('DELETE', `/v1/rooms/${created.id}`)).status).toBe(404);
  });

  it('answers unknown routes with a problem-details 404', async () => {
    const res = await t.request('GET', '/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
