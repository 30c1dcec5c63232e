import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { calls, S3_ENV } from './helpers/provider-fakes.js';
import { TestClock } from './helpers/server.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * Daily webhooks as Daily sends them: `event_ts` is stamped when a webhook is sent (so a held or
 * delayed one carries a later time than its event), `meeting.ended` comes up to 20 s after the room
 * emptied, and documented event ids can collide across rooms. Nothing sleeps: the shared clock
 * moves, the fake ticks, and the inbox drain and periodic work are called as the workers would.
 */

const clock = new TestClock(new Date('2026-03-01T10:00:00.000Z'));
let w: World;

beforeAll(async () => {
  w = await startWorld({ ...S3_ENV, RUN_WORKERS: 'false', RECONCILE_INTERVAL_SECONDS: '3600' }, { clock });
});
afterAll(async () => w?.close());
beforeEach(() => {
  w.daily.control.setWebhookOptions({});
  w.daily.control.clearRequests();
});

const drain = () => w.t.server.container.webhooks.drain.drain();
const meeting = async (id: string) => (await w.t.request('GET', `/v1/meetings/${id}`)).body;

describe('event identity (defect 8)', () => {
  it("stores both rooms' recording.ready-to-download although their ids are the same (default instance id, same second)", async () => {
    const recorded = async (name: string) => {
      expect((await w.t.request('POST', '/v1/rooms', { body: { name, platform: 'daily', recording_type: 'cloud' } })).status).toBe(201);
      return (await w.t.request('POST', `/v1/rooms/${name}/meeting`)).body;
    };
    const ma = await recorded('rec-room-a');
    const mb = await recorded('rec-room-b');
    for (const m of [ma, mb]) {
      await w.daily.control.addParticipant({ room: m.provider_room_name });
      await w.daily.control.startRecording({ room: m.provider_room_name, type: 'raw-tracks' });
    }
    clock.advance(60_000);
    for (const m of [ma, mb]) await w.daily.control.finishRecording({ room: m.provider_room_name });
    const sent = w.daily.webhooks.filter((d) => d.type === 'recording.ready-to-download');
    expect(new Set(sent.map((d) => d.eventId)).size).toBe(1);

    const rows = await w.t.query<{ provider_event_id: string }>(
      `select provider_event_id from webhook_event where type = 'recording.ready-to-download' order by provider_event_id`,
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.provider_event_id)).size).toBe(2);
  });

  it('records when a participant joined from joined_at, not from event_ts (when the webhook was sent)', async () => {
    const m = await roomWithMeeting(w.t, 'joined-at', 'daily');
    w.daily.control.setWebhookOptions({ hold: true });
    const joinedAt = clock.now();
    await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Ana' });
    clock.advance(45_000);
    await w.daily.control.flushWebhooks();
    await drain();
    const [ana] = (await meeting(m.id)).participants;
    expect(ana).toMatchObject({ user_name: 'Ana', joined_at: joinedAt.toISOString(), left_at: null });
  });
});

describe('meeting.ended and a newer participant.joined drained in one batch (defect 5)', () => {
  it.each([['fifo'], ['reversed']] as const)(
    'keeps the meeting and its Daily room when someone joined after the end (%s order)',
    async (order) => {
      const m = await roomWithMeeting(w.t, `ended-joined-${order}`, 'daily');
      const room = m.provider_room_name;
      w.daily.control.setWebhookOptions({ hold: true });
      const ana = await w.daily.control.addParticipant({ room, userName: 'Ana' });
      clock.advance(60_000);
      await w.daily.control.removeParticipant({ room, sessionId: ana.sessionId });
      clock.advance(10_000);
      await w.daily.control.addParticipant({ room, userName: 'Bo' });
      clock.advance(10_000);
      // Daily sends meeting.ended 20 s after the room emptied, stamped then.
      await w.daily.control.tick();
      expect(w.daily.webhooks.filter((d) => d.state === 'held').map((d) => d.type)).toEqual([
        'meeting.started',
        'participant.joined',
        'participant.left',
        'meeting.started',
        'participant.joined',
        'meeting.ended',
      ]);
      await w.daily.control.flushWebhooks({ order });
      expect(await drain()).toBe(6);

      await w.t.server.container.meetings.lifecycle.endDueMeetings();
      expect(await meeting(m.id)).toMatchObject({ is_active: true });
      await w.daily.control.settle();
      expect(calls(w.daily, 'DELETE', `/v1/rooms/${room}`)).toEqual([]);
    },
  );
});
