import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from './helpers/provider-fakes.js';
import { waitForJob } from './helpers/jobs.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * A deactivated meeting's provider room must not stay joinable: a deletion that fails is retried by
 * a job until the room is gone (defect 10).
 */

let w: World;
beforeAll(async () => {
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' });
});
afterAll(async () => w?.close());

describe('deleting the provider room of a deactivated meeting', () => {
  it('retries a failed Daily room deletion in a job until the room is gone', async () => {
    const m = await roomWithMeeting(w.t, 'stubborn', 'daily');
    const path = `/v1/rooms/${m.provider_room_name}`;
    // The request's own attempt (4 tries) and the job's first run (4 tries) fail; the retry succeeds.
    w.daily.control.setFault({ method: 'DELETE', path, status: 503, times: 8 });
    const deleted = waitForJob(w.t.server.queue, 'meeting.delete-room', (job) => job.state === 'completed', 20_000);

    const res = await w.t.request('PATCH', `/v1/meetings/${m.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.is_active).toBe(false);
    expect(w.daily.control.state().rooms.find((r) => r.name === m.provider_room_name)?.deleted).toBe(false);
    expect((await w.t.request('POST', `/v1/rooms/stubborn/meetings/${m.id}/join`)).status).toBe(409);

    await deleted;
    expect(calls(w.daily, 'DELETE', path).map((r) => r.status)).toEqual([503, 503, 503, 503, 503, 503, 503, 503, 200]);
    expect(w.daily.control.state().rooms.find((r) => r.name === m.provider_room_name)?.deleted).toBe(true);
    const [row] = await w.t.query<{ room_deleted_at: string | null }>(`select room_deleted_at from meeting where id = '${m.id}'`);
    expect(row?.room_deleted_at).not.toBeNull();
  });

  it('records the room as gone when the first attempt succeeds', async () => {
    const m = await roomWithMeeting(w.t, 'easy', 'daily');
    expect((await w.t.request('PATCH', `/v1/meetings/${m.id}/deactivate`)).status).toBe(200);
    expect(w.daily.control.state().rooms.find((r) => r.name === m.provider_room_name)?.deleted).toBe(true);
    const [row] = await w.t.query<{ room_deleted_at: string | null }>(`select room_deleted_at from meeting where id = '${m.id}'`);
    expect(row?.room_deleted_at).not.toBeNull();
  });
});
