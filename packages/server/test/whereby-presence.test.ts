import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calls } from './helpers/provider-fakes.js';
import { TestClock } from './helpers/server.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * Whereby against a fake that behaves like Whereby: a session ends once fewer than 2 participants
 * have been in the room for some time, with someone possibly still inside (room.session.ended), and
 * insights lag by minutes and omit sessions only one person was in. Presence comes from the
 * webhooks' numClients; nothing here sleeps: the shared clock moves, the fake ticks, and the
 * periodic work (inbox drain, sweep, counted reconciliation) is called as the workers would.
 */

const clock = new TestClock(new Date('2026-03-01T10:00:00.000Z'));
const SESSION_END_AFTER_MS = 60_000;
let w: World;

beforeAll(async () => {
  w = await startWorld(
    { RUN_WORKERS: 'false', RECONCILE_INTERVAL_SECONDS: '3600' },
    { clock, whereby: { sessionEndAfterMs: SESSION_END_AFTER_MS, insightsLagMs: 10 * 60_000 } },
  );
});
afterAll(async () => w?.close());
beforeEach(() => {
  w.whereby.control.clearRequests();
});

/** Applies every stored webhook, as the `webhook.drain` job does. */
const drain = () => w.t.server.container.webhooks.drain.drain();

/** One periodic check of a meeting, as the sweep and its counted reconciliation do every 30 s. */
async function periodicCheck(meetingId: string): Promise<void> {
  await w.t.server.container.meetings.lifecycle.endDueMeetings();
  await w.t.server.container.meetings.reconciler.reconcile(meetingId, { countEmpty: true });
}

/** Lets `ms` pass: the fake runs what became due (session ends), its webhooks are applied. */
async function pass(ms: number): Promise<void> {
  clock.advance(ms);
  await w.whereby.control.tick();
  await drain();
}

const meeting = async (id: string) => (await w.t.request('GET', `/v1/meetings/${id}`)).body;
const deletes = (providerMeetingId: string) => calls(w.whereby, 'DELETE', `/v1/meetings/${providerMeetingId}`);
const insightReads = () => calls(w.whereby, 'GET', '/v1/insights/room-sessions');

describe('room.session.ended is not "the meeting ended" (defect 1)', () => {
  it('neither ends the meeting nor deletes the Whereby room while one participant is still inside', async () => {
    const m = await roomWithMeeting(w.t, 'wb-session-end', 'whereby');
    const ann = await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id, displayName: 'Ann' });
    await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id, displayName: 'Bo' });
    await w.whereby.control.removeParticipant({ participantId: ann.participantId });
    await pass(SESSION_END_AFTER_MS);
    expect(w.whereby.webhooks.map((d) => d.type)).toContain('room.session.ended');

    const events = (await w.t.request('GET', `/v1/meetings/${m.id}/events`)).body.items;
    expect(events.find((e: any) => e.type === 'room.session.ended')).toMatchObject({ status: 'processed', error: null });
    await periodicCheck(m.id);
    expect(await meeting(m.id)).toMatchObject({ is_active: true, num_clients: 1 });
    expect(deletes(m.provider_meeting_id)).toEqual([]);
    expect(w.whereby.control.state().meetings.find((s) => s.meetingId === m.provider_meeting_id)?.participants).toHaveLength(1);
  });
});

describe('Whereby presence comes from the webhooks, not from insights (defect 2)', () => {
  it('does not read insights, nor count an empty check, while the webhooks say someone is in the call', async () => {
    const m = await roomWithMeeting(w.t, 'wb-presence', 'whereby');
    const ann = await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    await w.whereby.control.removeParticipant({ participantId: ann.participantId });
    await pass(SESSION_END_AFTER_MS);
    // Past the insights lag, insights show the session ended: the one person left is invisible there.
    for (let i = 0; i < 30; i += 1) {
      await pass(30_000);
      await periodicCheck(m.id);
    }
    expect(insightReads()).toEqual([]);
    expect(await meeting(m.id)).toMatchObject({ is_active: true, num_clients: 1 });
    expect(deletes(m.provider_meeting_id)).toEqual([]);
  });

  it('ends the meeting once the webhooks have said "empty" for longer than the insights lag and insights confirm; then deletes the room', async () => {
    const m = await roomWithMeeting(w.t, 'wb-empty', 'whereby');
    const ann = await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    const bo = await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    await w.whereby.control.removeParticipant({ participantId: ann.participantId });
    await w.whereby.control.removeParticipant({ participantId: bo.participantId });
    await pass(SESSION_END_AFTER_MS);
    for (let i = 0; i < 27; i += 1) {
      await pass(30_000);
      await periodicCheck(m.id);
    }
    // 14.5 minutes empty; insights may confirm only at 15 (their declared lag).
    expect(insightReads()).toEqual([]);
    expect((await meeting(m.id)).is_active).toBe(true);
    await pass(30_000);
    await periodicCheck(m.id);
    expect(insightReads()).toHaveLength(1);
    expect(await meeting(m.id)).toMatchObject({ is_active: false, num_clients: 0 });
    await w.whereby.control.settle();
    expect(deletes(m.provider_meeting_id)).toHaveLength(1);
  });

  it('keeps a meeting whose webhooks say "empty" while insights still show its session running (a lost webhook)', async () => {
    const m = await roomWithMeeting(w.t, 'wb-lost', 'whereby');
    await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    await drain();
    await w.t.query(`update meeting set num_clients = 0, num_clients_at = '${clock.now().toISOString()}' where id = '${m.id}'`);
    for (let i = 0; i < 32; i += 1) {
      await pass(30_000);
      await periodicCheck(m.id);
    }
    expect(insightReads().length).toBeGreaterThan(0);
    expect((await meeting(m.id)).is_active).toBe(true);
    expect(deletes(m.provider_meeting_id)).toEqual([]);
  });
});

describe('scenario (a): Whereby, two people, one leaves, the session ends, the other stays 20 minutes', () => {
  it('keeps the meeting active without a DELETE, and a newcomer joins the same meeting', async () => {
    const m = await roomWithMeeting(w.t, 'wb-scenario-a', 'whereby');
    const ann = await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id, displayName: 'Ann' });
    await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id, displayName: 'Bo' });
    await drain();
    expect((await meeting(m.id)).num_clients).toBe(2);

    await w.whereby.control.removeParticipant({ participantId: ann.participantId });
    await pass(SESSION_END_AFTER_MS);
    const sessionEnds = w.whereby.webhooks.filter(
      (d) => d.type === 'room.session.ended' && (d.envelope as { data: { meetingId: string } }).data.meetingId === m.provider_meeting_id,
    );
    expect(sessionEnds).toHaveLength(1);
    for (let i = 0; i < 40; i += 1) {
      await pass(30_000);
      await periodicCheck(m.id);
    }
    expect(await meeting(m.id)).toMatchObject({ is_active: true, num_clients: 1 });
    expect(deletes(m.provider_meeting_id)).toEqual([]);

    const again = await w.t.request('POST', '/v1/rooms/wb-scenario-a/meeting');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(m.id);
    await w.whereby.control.addParticipant({ meetingId: again.body.provider_meeting_id, displayName: 'Cy' });
    await drain();
    expect(await meeting(m.id)).toMatchObject({ is_active: true, num_clients: 2 });
    expect(calls(w.whereby, 'POST', '/v1/meetings')).toHaveLength(1);
  });
});
