import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TestClock, type TestServer } from './helpers/server.js';

const clock = new TestClock(new Date('2026-11-25T10:00:00Z'));
let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ MEETING_DURATION_HOURS: '2' }, { clock });
});
afterAll(async () => t.close());

async function room(name: string, extra: Record<string, unknown> = {}) {
  const res = await t.request('POST', '/v1/rooms', { body: { name, ...extra } });
  expect(res.status).toBe(201);
  return res.body;
}

describe('meetings API', () => {
  it('creates a meeting through the room platform, then returns the same active meeting', async () => {
    await room('standup');
    const first = await t.request('POST', '/v1/rooms/standup/meeting');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ room_name: 'standup', platform: 'mock', is_active: true, num_clients: 0 });
    expect(first.body.provider_room_name).toMatch(/^standup-20261125100000-[a-z0-9]{6}$/);
    expect(first.body.room_url).toBe(`${t.url}/mock/rooms/${first.body.provider_room_name}`);
    expect(first.body.id).not.toBe(first.body.provider_meeting_id);
    expect(first.body.end_date).toBe('2026-11-25T12:00:00.000Z');
    const again = await t.request('POST', '/v1/rooms/standup/meeting', { body: {} });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await t.request('GET', `/v1/meetings/${first.body.id}`)).body).toEqual({ ...first.body, participants: [] });
  });

  it('returns the host URL to the owner (everyone is the owner with AUTH_BACKEND=none)', async () => {
    await room('hosted');
    const res = await t.request('POST', '/v1/rooms/hosted/meeting');
    expect(res.body.host_room_url).toBe(`${res.body.room_url}?role=host`);
  });

  it('creates a new meeting after a settings change, and keeps the old one as it was', async () => {
    const r = await room('settings');
    const before = (await t.request('POST', '/v1/rooms/settings/meeting')).body;
    await t.request('PATCH', `/v1/rooms/${r.id}`, { body: { is_locked: true } });
    const after = await t.request('POST', '/v1/rooms/settings/meeting');
    expect(after.status).toBe(201);
    expect(after.body.id).not.toBe(before.id);
    expect(after.body.is_locked).toBe(true);
    const old = (await t.request('GET', `/v1/meetings/${before.id}`)).body;
    expect(old.is_locked).toBe(false);
  });

  it('creates a new meeting once the active one has passed its end date', async () => {
    await room('expiring');
    const first = (await t.request('POST', '/v1/rooms/expiring/meeting')).body;
    clock.advance(2 * 3_600_000 + 1000);
    const second = await t.request('POST', '/v1/rooms/expiring/meeting');
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.id);
  });

  it('creates a new meeting after the active one was deactivated', async () => {
    await room('deact');
    const first = (await t.request('POST', '/v1/rooms/deact/meeting')).body;
    const deactivated = await t.request('PATCH', `/v1/meetings/${first.id}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.is_active).toBe(false);
    const second = await t.request('POST', '/v1/rooms/deact/meeting');
    expect(second.body.id).not.toBe(first.id);
  });

  it('gives two concurrent callers the same meeting', async () => {
    await room('race');
    const results = await Promise.all([1, 2, 3, 4].map(() => t.request('POST', '/v1/rooms/race/meeting')));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
  });

  it('creates a duplicate only when asked to', async () => {
    await room('dupes');
    const a = (await t.request('POST', '/v1/rooms/dupes/meeting')).body;
    const b = (await t.request('POST', '/v1/rooms/dupes/meeting', { body: { allow_duplicated: true } })).body;
    expect(b.id).not.toBe(a.id);
  });

  it('404s an unknown room or meeting and 400s a malformed meeting id', async () => {
    expect((await t.request('POST', '/v1/rooms/ghost/meeting')).status).toBe(404);
    expect((await t.request('GET', '/v1/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const bad = await t.request('GET', '/v1/meetings/123');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('params.meeting_id');
    expect((await t.request('POST', '/v1/rooms/standup/meeting', { body: { allow_duplicated: 'yes' } })).status).toBe(400);
  });

  it('serves the mock room page for an active meeting and 404 for an unknown one', async () => {
    await room('page');
    const m = (await t.request('POST', '/v1/rooms/page/meeting')).body;
    const page = await fetch(`${t.url}/mock/rooms/${m.provider_room_name}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(m.provider_room_name);
    expect((await fetch(`${t.url}/mock/rooms/unknown-room`)).status).toBe(404);
  });

  it('joins: the owner gets the host URL; ended, inactive or foreign meetings are refused', async () => {
    await room('joinable');
    const m = (await t.request('POST', '/v1/rooms/joinable/meeting')).body;
    const join = await t.request('POST', `/v1/rooms/joinable/meetings/${m.id}/join`);
    expect(join.status).toBe(200);
    expect(join.body).toMatchObject({
      kind: 'url',
      url: m.host_room_url,
      server_url: null,
      token: expect.any(String),
      is_owner: true,
      platform: 'mock',
      expires_at: m.end_date,
    });
    expect((await t.request('POST', `/v1/rooms/standup/meetings/${m.id}/join`)).status).toBe(404);
    await t.request('PATCH', `/v1/meetings/${m.id}/deactivate`);
    const ended = await t.request('POST', `/v1/rooms/joinable/meetings/${m.id}/join`);
    expect(ended.status).toBe(409);
    expect(ended.body.detail).toContain('ended');
    const next = (await t.request('POST', '/v1/rooms/joinable/meeting')).body;
    clock.advance(3 * 3_600_000);
    expect((await t.request('POST', `/v1/rooms/joinable/meetings/${next.id}/join`)).status).toBe(409);
  });
});
