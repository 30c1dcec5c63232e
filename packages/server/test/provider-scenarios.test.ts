import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from './helpers/database.js';
import { calls, createRoom, startProviderFakes, type ProviderFakes } from './helpers/provider-fakes.js';
import { startTestServer, TestClock, type TestServer } from './helpers/server.js';

/**
 * The specification's "Manual Testing Procedure" scenarios 1-3, automated against the Whereby and
 * Daily fakes, plus the master switch turning Daily rooms back to Whereby. Restarts reuse the same
 * database (`{testDb}`), exactly as redeploying with new environment variables would.
 */

const clock = new TestClock(new Date(Math.floor(Date.now() / 1000) * 1000));
let fakes: ProviderFakes;
const open: TestServer[] = [];

async function serve(env: Record<string, string>, testDb?: Awaited<ReturnType<typeof createTestDatabase>>): Promise<TestServer> {
  const t = await startTestServer({ RUN_WORKERS: 'false', ...env }, { clock, testDb });
  open.push(t);
  return t;
}

async function newMeeting(t: TestServer, roomName: string): Promise<any> {
  const res = await t.request('POST', `/v1/rooms/${roomName}/meeting`);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function join(t: TestServer, meeting: { id: string; room_name: string }): Promise<any> {
  const res = await t.request('POST', `/v1/rooms/${meeting.room_name}/meetings/${meeting.id}/join`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

beforeAll(async () => {
  fakes = await startProviderFakes();
});
afterAll(async () => {
  await fakes?.close();
});
beforeEach(async () => {
  fakes.reset();
  // Servers of the previous test are closed here so a failing test still releases its listener.
  for (const t of open.splice(0)) await t.close();
});

describe('scenario 1: Whereby still works (DEFAULT_VIDEO_PLATFORM=whereby, DAILY_MIGRATION_ENABLED=false)', () => {
  it('puts rooms and meetings on Whereby, and refuses Daily with a message naming DAILY_MIGRATION_ENABLED even though Daily has credentials', async () => {
    const t = await serve({ ...fakes.wherebyEnv, ...fakes.dailyEnv, DEFAULT_VIDEO_PLATFORM: 'whereby', DAILY_MIGRATION_ENABLED: 'false' });
    const room = await createRoom(t, { name: 'weekly' });
    expect(room.platform).toBe('whereby');
    const meeting = await newMeeting(t, 'weekly');
    expect(meeting.platform).toBe('whereby');
    expect(calls(fakes.whereby, 'POST', '/v1/meetings')).toHaveLength(1);
    expect((await join(t, meeting)).url).toBe(`${meeting.host_room_url}&externalId=local&displayName=Local+user`);

    const refused = await t.request('POST', '/v1/rooms', { body: { name: 'on-daily', platform: 'daily' } });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toContain('DAILY_MIGRATION_ENABLED');
    const patched = await t.request('PATCH', `/v1/rooms/${room.id}`, { body: { platform: 'daily' } });
    expect(patched.status).toBe(409);
    expect(patched.body.detail).toContain('DAILY_MIGRATION_ENABLED');
    expect(fakes.daily.requests).toHaveLength(0);
  });
});

describe('scenario 2: Daily new installation (DEFAULT_VIDEO_PLATFORM=daily, DAILY_MIGRATION_ENABLED=true)', () => {
  it('puts rooms and meetings on Daily and joins with a meeting token, with no Whereby configuration at all', async () => {
    const t = await serve({ ...fakes.dailyEnv, DEFAULT_VIDEO_PLATFORM: 'daily', DAILY_MIGRATION_ENABLED: 'true' });
    const room = await createRoom(t, { name: 'kickoff' });
    expect(room.platform).toBe('daily');
    const meeting = await newMeeting(t, 'kickoff');
    expect(meeting.platform).toBe('daily');
    expect(calls(fakes.daily, 'POST', '/v1/rooms')).toHaveLength(1);
    expect(meeting.provider_room_name).toBe((calls(fakes.daily, 'POST', '/v1/rooms')[0]?.json as { name: string }).name);
    const joined = await join(t, meeting);
    expect(joined.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    // The token goes to daily-js join({url, token}), never in a URL a browser keeps.
    expect(joined.url).toBe(meeting.room_url);
    expect(fakes.whereby.requests).toHaveLength(0);
  });

  it("counts a participant who joins on Daily: the fake's signed participant.joined webhook updates num_clients", async () => {
    const t = await serve({
      ...fakes.dailyEnv,
      DEFAULT_VIDEO_PLATFORM: 'daily',
      DAILY_MIGRATION_ENABLED: 'true',
      RUN_WORKERS: 'true',
      RECONCILE_INTERVAL_SECONDS: '3600',
    });
    await createRoom(t, { name: 'counted' });
    const meeting = await newMeeting(t, 'counted');
    fakes.daily.control.setWebhookUrl(`${t.url}/v1/daily/webhook`);
    const { token } = await join(t, meeting);
    await fakes.daily.control.addParticipant({ room: meeting.provider_room_name, token });
    expect(fakes.daily.control.webhooks().map((w) => [w.type, w.state])).toContainEqual(['participant.joined', 'delivered']);
    await vi.waitFor(async () => expect((await t.request('GET', `/v1/meetings/${meeting.id}`)).body.num_clients).toBe(1), {
      timeout: 10_000,
    });
  });
});

describe('scenario 3: gradual migration by room id (DAILY_MIGRATION_ROOM_IDS)', () => {
  it('moves one of two existing Whereby rooms to Daily by configuration alone; the other room and the old meeting stay on Whereby', async () => {
    const testDb = await createTestDatabase();
    try {
      const whereby = { ...fakes.wherebyEnv, ...fakes.dailyEnv, DEFAULT_VIDEO_PLATFORM: 'whereby' };
      const before = await serve({ ...whereby, DAILY_MIGRATION_ENABLED: 'false' }, testDb);
      const roomA = await createRoom(before, { name: 'room-a' });
      const roomB = await createRoom(before, { name: 'room-b' });
      const oldA = await newMeeting(before, 'room-a');
      const oldB = await newMeeting(before, 'room-b');
      expect([oldA.platform, oldB.platform]).toEqual(['whereby', 'whereby']);
      await open.pop()!.close();
      fakes.reset();

      const after = await serve(
        { ...whereby, DAILY_MIGRATION_ENABLED: 'true', DAILY_MIGRATION_ROOM_IDS: JSON.stringify([roomA.id]) },
        testDb,
      );
      expect((await after.request('GET', `/v1/rooms/${roomA.id}`)).body.platform).toBe('daily');
      expect((await after.request('GET', `/v1/rooms/${roomB.id}`)).body.platform).toBe('whereby');

      const nextA = await newMeeting(after, 'room-a');
      expect(nextA).toMatchObject({ platform: 'daily', room_id: roomA.id });
      expect(nextA.id).not.toBe(oldA.id);
      expect(calls(fakes.daily, 'POST', '/v1/rooms')).toHaveLength(1);
      expect((await join(after, nextA)).token).toEqual(expect.any(String));

      const nextB = await after.request('POST', '/v1/rooms/room-b/meeting');
      expect(nextB.status).toBe(200);
      expect(nextB.body).toMatchObject({ id: oldB.id, platform: 'whereby' });
      expect((await join(after, oldB)).url.startsWith(oldB.host_room_url)).toBe(true);
      expect(calls(fakes.whereby, 'POST', '/v1/meetings')).toHaveLength(0);

      const keptA = (await after.request('GET', `/v1/meetings/${oldA.id}`)).body;
      expect(keptA).toMatchObject({ platform: 'whereby', provider_meeting_id: oldA.provider_meeting_id, room_url: oldA.room_url });
    } finally {
      for (const t of open.splice(0)) await t.close();
      await testDb.cleanup();
    }
  });
});

describe('scenario (c): the rollback, DEFAULT_VIDEO_PLATFORM=daily with DAILY_MIGRATION_ENABLED=false', () => {
  it('boots (the switch overrides the default) and puts a new room and its meeting on Whereby', async () => {
    const t = await serve({ ...fakes.wherebyEnv, ...fakes.dailyEnv, DEFAULT_VIDEO_PLATFORM: 'daily', DAILY_MIGRATION_ENABLED: 'false' });
    expect(t.server.catalog.warnings()).toEqual([expect.stringContaining('new rooms and meetings go to Whereby')]);
    const room = await createRoom(t, { name: 'rolled-back' });
    expect(room.platform).toBe('whereby');
    const meeting = await newMeeting(t, 'rolled-back');
    expect(meeting.platform).toBe('whereby');
    expect(calls(fakes.whereby, 'POST', '/v1/meetings')).toHaveLength(1);
    expect(fakes.daily.requests).toHaveLength(0);
  });
});

describe('the master switch DAILY_MIGRATION_ENABLED=false', () => {
  it("gives existing Daily rooms Whereby meetings from then on, and leaves their Daily meetings' records as they were", async () => {
    const testDb = await createTestDatabase();
    try {
      const env = { ...fakes.wherebyEnv, ...fakes.dailyEnv };
      const before = await serve({ ...env, DEFAULT_VIDEO_PLATFORM: 'daily', DAILY_MIGRATION_ENABLED: 'true' }, testDb);
      const room = await createRoom(before, { name: 'was-daily' });
      const oldMeeting = await newMeeting(before, 'was-daily');
      expect([room.platform, oldMeeting.platform]).toEqual(['daily', 'daily']);
      await open.pop()!.close();
      fakes.reset();

      const after = await serve({ ...env, DAILY_MIGRATION_ENABLED: 'false' }, testDb);
      expect((await after.request('GET', `/v1/rooms/${room.id}`)).body.platform).toBe('whereby');
      const next = await newMeeting(after, 'was-daily');
      expect(next.platform).toBe('whereby');
      expect(calls(fakes.whereby, 'POST', '/v1/meetings')).toHaveLength(1);
      expect(fakes.daily.requests.filter((r) => r.method === 'POST' && r.path === '/v1/rooms')).toHaveLength(0);
      expect((await after.request('GET', `/v1/meetings/${oldMeeting.id}`)).body).toMatchObject({
        platform: 'daily',
        provider_room_name: oldMeeting.provider_room_name,
      });
    } finally {
      for (const t of open.splice(0)) await t.close();
      await testDb.cleanup();
    }
  });
});
