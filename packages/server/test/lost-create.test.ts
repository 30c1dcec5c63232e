import { DEFAULT_TIMEOUT_MS } from '@meetbridge/platforms';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOST_CREATE_CLEANUP_DELAY_SECONDS } from '../src/modules/meetings/lifecycle.js';
import { waitForJob } from './helpers/jobs.js';
import { calls } from './helpers/provider-fakes.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * A provider create whose reply is lost after the provider made the room (it timed out, the
 * connection dropped) would leave that room for its whole lifetime. Daily rooms are named before
 * the call (capability plannedRoomNames), so a `meeting.delete-room` job deletes it by that name;
 * the caller's answer is what a failed create always answered. A room a meeting row names is never
 * deleted as unused.
 */

let w: World;
beforeAll(async () => {
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' });
});
afterAll(async () => w?.close());
beforeEach(() => w.daily.control.clearFaults());

const lifecycle = () => w.t.server.container.meetings.lifecycle;
const dailyRooms = (prefix: string) => w.daily.control.state().rooms.filter((r) => String(r.name).startsWith(`${prefix}-`));
const liveDailyRoom = (name: string) => w.daily.control.state().rooms.some((r) => r.name === name && r.deleted === false);

async function cleanupJobs(providerRoomName: string) {
  return w.t.query<{ id: string; state: string; delay: number }>(
    `select id, state, extract(epoch from (start_after - created_on))::int as delay from pgboss.job
      where name = 'meeting.delete-room' and data->>'providerRoomName' = '${providerRoomName}'`,
  );
}

async function meetingRows(roomId: string): Promise<number> {
  const [row] = await w.t.query<{ n: number }>(`select count(*)::int as n from meeting where room_id = '${roomId}'`);
  return row?.n ?? 0;
}

/** Creates a Daily room whose next meeting create loses its reply; returns the room and the answer. */
async function lostCreate(name: string, fault: { lostReply: 'delay' | 'destroy'; delayMs?: number }) {
  const room = await w.t.request('POST', '/v1/rooms', { body: { name, platform: 'daily' } });
  expect(room.status).toBe(201);
  w.daily.control.setFault({ method: 'POST', path: '/v1/rooms', ...fault });
  const answer = await w.t.request('POST', `/v1/rooms/${name}/meeting`);
  return { roomId: room.body.id as string, answer };
}

describe('a Daily create whose reply is lost after Daily made the room', () => {
  it(
    'timed out: answers 502 as before, and the delayed cleanup job deletes the room it left, by its planned name',
    { timeout: 60_000 },
    async () => {
      const { roomId, answer } = await lostCreate('lost-timeout', { lostReply: 'delay', delayMs: DEFAULT_TIMEOUT_MS + 1_000 });
      expect(answer.status, JSON.stringify(answer.body)).toBe(502);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body).toMatchObject({
        status: 502,
        type: 'urn:meetbridge:problem:provider_error',
        provider: 'daily',
        operation: 'createRoom',
      });
      expect(await meetingRows(roomId)).toBe(0);

      const [left] = dailyRooms('lost-timeout');
      expect(left).toMatchObject({ deleted: false });
      const name = String(left!.name);
      const [job] = await cleanupJobs(name);
      // Queued to run later: Daily may still be making a room whose reply we gave up on.
      expect(job).toMatchObject({ state: 'created' });
      expect(job!.delay).toBeGreaterThanOrEqual(LOST_CREATE_CLEANUP_DELAY_SECONDS - 1);

      const settled = waitForJob(w.t.server.queue, 'meeting.delete-room', (j) => j.id === job!.id, 20_000);
      await w.t.query(`update pgboss.job set start_after = now() where id = '${job!.id}'`);
      expect(await settled).toMatchObject({ state: 'completed' });
      expect(liveDailyRoom(name)).toBe(false);
      expect(dailyRooms('lost-timeout').filter((r) => !r.deleted)).toEqual([]);

      // The room works again: the next request creates a meeting under a new name.
      const next = await w.t.request('POST', '/v1/rooms/lost-timeout/meeting');
      expect(next.status).toBe(201);
      expect(next.body.provider_room_name).not.toBe(name);
      expect(liveDailyRoom(next.body.provider_room_name)).toBe(true);
    },
  );

  it('connection destroyed: answers 502 and queues the same cleanup, which deletes the room (a second run finds it gone)', async () => {
    const { roomId, answer } = await lostCreate('lost-reset', { lostReply: 'destroy' });
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ provider: 'daily', operation: 'createRoom', provider_status: null });
    expect(await meetingRows(roomId)).toBe(0);
    const [left] = dailyRooms('lost-reset');
    const name = String(left!.name);
    expect(await cleanupJobs(name)).toHaveLength(1);
    await lifecycle().deleteRoom({ meetingId: null, platform: 'daily', roomId, providerRoomName: name });
    expect(liveDailyRoom(name)).toBe(false);
    // Idempotent: Daily answers 404 now, which is done.
    await expect(lifecycle().deleteRoom({ meetingId: null, platform: 'daily', roomId, providerRoomName: name })).resolves.toBeUndefined();
  });

  it('queues no cleanup for a refusal (4xx): nothing was made', async () => {
    const room = await w.t.request('POST', '/v1/rooms', { body: { name: 'refused', platform: 'daily' } });
    w.daily.control.setFault({ method: 'POST', path: '/v1/rooms', status: 400 });
    const before = await w.t.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'meeting.delete-room'`);
    const answer = await w.t.request('POST', '/v1/rooms/refused/meeting');
    expect(answer.status).toBe(502);
    expect(answer.body).toMatchObject({ provider_status: 400 });
    const after = await w.t.query<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'meeting.delete-room'`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(await meetingRows(room.body.id)).toBe(0);
  });
});

describe('a room a meeting row names is never deleted as unused', () => {
  it('the lost-create job for a provider room a meeting refers to completes without deleting it', async () => {
    const meeting = await roomWithMeeting(w.t, 'sacred', 'daily');
    const name = meeting.provider_room_name as string;
    const deletesBefore = calls(w.daily, 'DELETE', `/v1/rooms/${name}`).length;
    const settled = waitForJob(
      w.t.server.queue,
      'meeting.delete-room',
      (j) => (j.data as { providerRoomName?: string }).providerRoomName === name,
    );
    await w.t.server.queue.send('meeting.delete-room', {
      meetingId: null,
      platform: 'daily',
      roomId: meeting.room_id,
      providerRoomName: name,
    });
    expect(await settled).toMatchObject({ state: 'completed' });
    // Also without the room id (no lock to wait on), and in the form of a discarded room.
    await lifecycle().deleteRoom({ meetingId: null, platform: 'daily', providerRoomName: name });
    await lifecycle().deleteRoom({
      meetingId: null,
      platform: 'daily',
      ref: {
        providerMeetingId: meeting.provider_meeting_id,
        providerRoomName: name,
        roomUrl: meeting.room_url,
        hostRoomUrl: null,
        endDate: meeting.end_date,
      },
    });
    expect(calls(w.daily, 'DELETE', `/v1/rooms/${name}`).length).toBe(deletesBefore);
    expect(liveDailyRoom(name)).toBe(true);
    const still = await w.t.request('GET', `/v1/meetings/${meeting.id}`);
    expect(still.body).toMatchObject({ is_active: true, provider_room_name: name });
  });
});
