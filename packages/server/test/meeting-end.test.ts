import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from './helpers/provider-fakes.js';
import { TestClock } from './helpers/server.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * A meeting must not end under the people in it (defect 9): Daily ejects everyone at the room's
 * `exp`, so an occupied meeting's end moves later, on Daily first; Whereby's `endDate` is fixed
 * (it ejects nobody), so its occupied meeting simply stays active, its room undeleted, until the
 * call is empty. The shared clock moves; the fakes tick; the sweep runs as the worker would.
 */

const clock = new TestClock(new Date('2026-03-01T10:00:00.000Z'));
let w: World;

beforeAll(async () => {
  w = await startWorld({ MEETING_DURATION_HOURS: '1', RUN_WORKERS: 'false', RECONCILE_INTERVAL_SECONDS: '3600' }, { clock });
});
afterAll(async () => w?.close());

const drain = () => w.t.server.container.webhooks.drain.drain();
const meeting = async (id: string) => (await w.t.request('GET', `/v1/meetings/${id}`)).body;

/** Lets `ms` pass: the fakes run what became due (Daily ejects at exp), then the sweep runs. */
async function passAndSweep(ms: number): Promise<void> {
  clock.advance(ms);
  await w.daily.control.tick();
  await w.whereby.control.tick();
  await drain();
  await w.t.server.container.meetings.lifecycle.sweep();
}

describe('a Daily meeting with people in it at its end', () => {
  it("extends the meeting and pushes the room's exp, so nobody is ejected and the meeting stays active", async () => {
    const m = await roomWithMeeting(w.t, 'daily-long-call', 'daily');
    const end = new Date(m.end_date);
    const { token } = (await w.t.request('POST', `/v1/rooms/daily-long-call/meetings/${m.id}/join`)).body;
    await w.daily.control.addParticipant({ room: m.provider_room_name, token });
    await drain();
    await w.t.server.container.meetings.reconciler.reconcile(m.id, { countEmpty: false });
    expect((await meeting(m.id)).num_clients).toBe(1);

    await passAndSweep(end.getTime() - clock.now().getTime() - 5 * 60_000);
    const extended = new Date(end.getTime() + 60 * 60_000);
    expect((await meeting(m.id)).end_date).toBe(extended.toISOString());
    const update = calls(w.daily, 'POST', `/v1/rooms/${m.provider_room_name}`);
    expect(update.map((r) => r.json)).toEqual([{ properties: { exp: extended.getTime() / 1000 } }]);

    await passAndSweep(6 * 60_000);
    expect(w.daily.control.state().rooms.find((r) => r.name === m.provider_room_name)?.participants).toHaveLength(1);
    expect(await meeting(m.id)).toMatchObject({ is_active: true, num_clients: 1, end_date: extended.toISOString() });
    expect(calls(w.daily, 'DELETE', `/v1/rooms/${m.provider_room_name}`)).toEqual([]);
    expect((await w.t.request('POST', `/v1/rooms/daily-long-call/meetings/${m.id}/join`)).status).toBe(200);
  });
});

describe('a Whereby meeting with people in it at its end (endDate is fixed)', () => {
  it('stays active without a DELETE while someone is inside, and ends once the call is empty', async () => {
    const m = await roomWithMeeting(w.t, 'whereby-long-call', 'whereby');
    const end = new Date(m.end_date);
    const ann = await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    await drain();

    await passAndSweep(end.getTime() - clock.now().getTime() + 60_000);
    expect(await meeting(m.id)).toMatchObject({ is_active: true, num_clients: 1, end_date: end.toISOString() });
    expect(calls(w.whereby, 'DELETE', `/v1/meetings/${m.provider_meeting_id}`)).toEqual([]);
    expect(calls(w.whereby, 'PUT', `/v1/meetings/${m.provider_meeting_id}`)).toEqual([]);

    await w.whereby.control.removeParticipant({ participantId: ann.participantId });
    await passAndSweep(30_000);
    expect((await meeting(m.id)).is_active).toBe(false);
    await w.whereby.control.settle();
    expect(calls(w.whereby, 'DELETE', `/v1/meetings/${m.provider_meeting_id}`)).toHaveLength(1);
  });
});
