import { randomUUID } from 'node:crypto';
import { signWhereby } from '@meetbridge/fakes';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

let w: World;
beforeAll(async () => {
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' });
});
afterAll(async () => w.close());

const WAIT = { timeout: 10_000, interval: 50 };
const meeting = async (id: string) => (await w.t.request('GET', `/v1/meetings/${id}`)).body;
const open = (m: any) =>
  m.participants
    .filter((p: any) => p.left_at === null)
    .map((p: any) => p.provider_session_id)
    .sort();
const reconcile = (id: string, countEmpty = true) => w.t.server.container.meetings.reconciler.reconcile(id, { countEmpty });

describe('participants from provider webhooks', () => {
  it('tracks Daily joins and leaves delivered by the fake', async () => {
    const m = await roomWithMeeting(w.t, 'daily-track', 'daily');
    const a = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Ana', userId: 'ana' });
    const b = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Bo' });
    await vi.waitFor(async () => expect((await meeting(m.id)).num_clients).toBe(2), WAIT);
    await w.daily.control.removeParticipant({ room: m.provider_room_name, sessionId: a.sessionId, endMeetingWhenEmpty: false });
    await vi.waitFor(async () => expect(open(await meeting(m.id))).toEqual([b.sessionId]), WAIT);
    const after = await meeting(m.id);
    expect(after.num_clients).toBe(1);
    expect(after.participants.find((p: any) => p.provider_session_id === a.sessionId)).toMatchObject({ user_name: 'Ana', user_id: 'ana' });
  });

  it('corrects the count from the presence API after a webhook was lost', async () => {
    const m = await roomWithMeeting(w.t, 'daily-lost', 'daily');
    w.daily.control.setWebhookOptions({ dropNext: 1 });
    const lost = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Lost' });
    w.daily.control.setWebhookOptions({});
    await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Seen' });
    await vi.waitFor(async () => expect((await meeting(m.id)).participants.length).toBeGreaterThanOrEqual(1), WAIT);
    await reconcile(m.id);
    const fixed = await meeting(m.id);
    expect(fixed.num_clients).toBe(2);
    expect(open(fixed)).toContain(lost.sessionId);
  });

  it('changes nothing when the presence API fails', async () => {
    const m = await roomWithMeeting(w.t, 'daily-fail', 'daily');
    await w.daily.control.addParticipant({ room: m.provider_room_name });
    await vi.waitFor(async () => expect((await meeting(m.id)).num_clients).toBe(1), WAIT);
    const presencePath = `/v1/rooms/${m.provider_room_name}/presence`;
    w.daily.control.clearRequests();
    w.daily.control.setFault({ path: presencePath, status: 500, times: Infinity });
    const before = await meeting(m.id);
    await reconcile(m.id);
    expect(await meeting(m.id)).toEqual(before);
    // The failure path was really taken: every presence attempt (first try and the transport's retries) got a 500.
    const attempts = w.daily.control.requests().filter((r) => r.path === presencePath);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.every((r) => r.status === 500)).toBe(true);
    w.daily.control.clearFaults();
  });

  it("applies Whereby's absolute numClients only when the event is newer", async () => {
    const m = await roomWithMeeting(w.t, 'whereby-order', 'whereby');
    const send = async (numClients: number, createdAt: string, participantId: string) => {
      const body = JSON.stringify({
        id: randomUUID(),
        apiVersion: '1.0',
        createdAt,
        type: 'room.client.joined',
        data: {
          meetingId: m.provider_meeting_id,
          roomName: m.provider_room_name,
          participantId,
          displayName: 'x',
          roleName: 'visitor',
          numClients,
        },
      });
      const res = await w.t.request('POST', '/v1/whereby', {
        raw: body,
        headers: {
          'content-type': 'application/json',
          'whereby-signature': signWhereby(w.wherebySecret, Math.floor(Date.now() / 1000), body),
        },
      });
      expect(res.status).toBe(200);
    };
    const t0 = Date.now();
    await send(3, new Date(t0).toISOString(), 'p3');
    await vi.waitFor(async () => expect((await meeting(m.id)).num_clients).toBe(3), WAIT);
    await send(1, new Date(t0 - 5000).toISOString(), 'p1'); // older, delivered late
    await vi.waitFor(async () => expect((await meeting(m.id)).participants).toHaveLength(2), WAIT);
    expect((await meeting(m.id)).num_clients).toBe(3);
  });
});

describe('meeting lifecycle', () => {
  it('ends a meeting that had participants after two consecutive empty checks, and deletes the provider room', async () => {
    const m = await roomWithMeeting(w.t, 'daily-empty', 'daily');
    const a = await w.daily.control.addParticipant({ room: m.provider_room_name });
    await vi.waitFor(async () => expect((await meeting(m.id)).num_clients).toBe(1), WAIT);
    await w.daily.control.removeParticipant({ room: m.provider_room_name, sessionId: a.sessionId, endMeetingWhenEmpty: false });
    await vi.waitFor(async () => expect((await meeting(m.id)).num_clients).toBe(0), WAIT);
    await reconcile(m.id);
    expect((await meeting(m.id)).is_active).toBe(true);
    await reconcile(m.id, false); // an event-triggered check does not count
    expect((await meeting(m.id)).is_active).toBe(true);
    await reconcile(m.id);
    expect((await meeting(m.id)).is_active).toBe(false);
    expect(w.daily.control.state().rooms.find((r: any) => r.name === m.provider_room_name)?.deleted).toBe(true);
  });

  it('never ends a meeting that somebody has reserved a place in', async () => {
    const m = await roomWithMeeting(w.t, 'daily-reserved', 'daily');
    const a = await w.daily.control.addParticipant({ room: m.provider_room_name });
    await vi.waitFor(async () => expect((await meeting(m.id)).num_clients).toBe(1), WAIT);
    await w.daily.control.removeParticipant({ room: m.provider_room_name, sessionId: a.sessionId, endMeetingWhenEmpty: false });
    await vi.waitFor(async () => expect((await meeting(m.id)).num_clients).toBe(0), WAIT);
    const r = await w.t.request('POST', `/v1/rooms/daily-reserved/meetings/${m.id}/joining`);
    expect(r.status).toBe(201);
    await reconcile(m.id);
    await reconcile(m.id);
    await reconcile(m.id);
    expect((await meeting(m.id)).is_active).toBe(true);
    // Long-expired reservations are purged by the sweep, and then protect nothing.
    await w.t.query(`update join_reservation set expires_at = now() - interval '2 hours' where meeting_id = '${m.id}'`);
    await w.t.server.container.meetings.lifecycle.sweep();
    const left = await w.t.query<{ n: number }>(`select count(*)::int as n from join_reservation where meeting_id = '${m.id}'`);
    expect(left[0]!.n).toBe(0);
  });

  it('ends a meeting when the provider reports it ended, and when its end date passes', async () => {
    const ended = await roomWithMeeting(w.t, 'daily-ended', 'daily');
    await w.daily.control.addParticipant({ room: ended.provider_room_name });
    await w.daily.control.endMeeting({ room: ended.provider_room_name });
    await w.daily.control.flushScheduled();
    await vi.waitFor(async () => expect((await meeting(ended.id)).is_active).toBe(false), WAIT);
    const events = (await w.t.request('GET', `/v1/meetings/${ended.id}/events`)).body.items.map((e: any) => e.type);
    expect(events).toEqual(expect.arrayContaining(['meeting.started', 'participant.joined', 'participant.left', 'meeting.ended']));

    const due = await roomWithMeeting(w.t, 'mock-due', 'mock');
    await w.t.query(`update meeting set end_date = now() - interval '1 minute' where id = '${due.id}'`);
    await w.t.server.container.meetings.lifecycle.sweep();
    expect((await meeting(due.id)).is_active).toBe(false);
  });

  it('deleting a room ends its active meeting and deletes the provider room', async () => {
    const m = await roomWithMeeting(w.t, 'daily-deleted', 'daily');
    const room = (await w.t.request('GET', '/v1/rooms/name/daily-deleted')).body;
    expect((await w.t.request('DELETE', `/v1/rooms/${room.id}`)).status).toBe(204);
    expect(w.daily.control.state().rooms.find((r: any) => r.name === m.provider_room_name)?.deleted).toBe(true);
  });

  it('refuses a reservation in an ended meeting and a foreign meeting', async () => {
    const m = await roomWithMeeting(w.t, 'mock-reserve', 'mock');
    expect((await w.t.request('POST', `/v1/rooms/daily-track/meetings/${m.id}/joining`)).status).toBe(404);
    await w.t.request('PATCH', `/v1/meetings/${m.id}/deactivate`);
    expect((await w.t.request('POST', `/v1/rooms/mock-reserve/meetings/${m.id}/joining`)).status).toBe(409);
  });
});

describe('the mock provider', () => {
  it('joining and leaving its room page sends signed webhooks that update the meeting', async () => {
    const m = await roomWithMeeting(w.t, 'mock-page', 'mock');
    const joined = await fetch(`${w.t.url}/mock/rooms/${m.provider_room_name}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_name: 'Mo' }),
    });
    expect(joined.status).toBe(201);
    const { session_id } = (await joined.json()) as { session_id: string };
    await vi.waitFor(async () => expect((await meeting(m.id)).num_clients).toBe(1), WAIT);
    expect((await fetch(`${w.t.url}/mock/rooms/${m.provider_room_name}/participants/${session_id}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    await vi.waitFor(async () => expect((await meeting(m.id)).is_active).toBe(false), WAIT);
    const statuses = (await w.t.request('GET', `/v1/meetings/${m.id}/events`)).body.items.map((e: any) => e.status);
    expect(statuses.every((s: string) => s === 'processed')).toBe(true);
  });
});
