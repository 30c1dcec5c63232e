import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startWorld, type World } from './helpers/world.js';

let w: World;
beforeAll(async () => {
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' });
});
afterAll(async () => w.close());

const WAIT = { timeout: 10_000, interval: 25 };

/**
 * Upstream's "separate rooms" bug: a quick leave and rejoin empties the provider room for a moment,
 * the meeting is deactivated, and the next person to arrive gets a new meeting in another provider
 * room. Reservations (`/joining`) and the provider-ended rules keep everyone in one meeting.
 */
describe('the split-room scenario', () => {
  it('keeps a quick leave-and-rejoin and a newcomer in one meeting', async () => {
    await w.t.request('POST', '/v1/rooms', { body: { name: 'split', platform: 'daily' } });
    const m = (await w.t.request('POST', '/v1/rooms/split/meeting')).body;
    const room = m.provider_room_name;

    // Ana reserves, then joins.
    expect((await w.t.request('POST', `/v1/rooms/split/meetings/${m.id}/joining`)).status).toBe(201);
    const ana = await w.daily.control.addParticipant({ room, userName: 'Ana' });
    await vi.waitFor(async () => expect((await w.t.request('GET', `/v1/meetings/${m.id}`)).body.num_clients).toBe(1), WAIT);

    // Her connection drops: she reserves again to rejoin, and the room is empty for a moment, so the
    // provider reports the meeting ended.
    expect((await w.t.request('POST', `/v1/rooms/split/meetings/${m.id}/joining`)).status).toBe(201);
    await w.daily.control.removeParticipant({ room, sessionId: ana.sessionId, endMeetingWhenEmpty: true });
    // Daily reports the end up to 20 s later.
    await w.daily.control.flushScheduled();
    await vi.waitFor(async () => {
      const types = (await w.t.request('GET', `/v1/meetings/${m.id}/events`)).body.items
        .filter((e: any) => e.status !== 'pending')
        .map((e: any) => e.type);
      expect(types).toContain('meeting.ended');
    }, WAIT);
    // The periodic checks run meanwhile.
    await w.t.server.container.meetings.lifecycle.sweep();
    await w.t.server.container.meetings.reconciler.reconcile(m.id, { countEmpty: true });
    await w.t.server.container.meetings.reconciler.reconcile(m.id, { countEmpty: true });

    // Bo arrives while Ana is rejoining: he must get the same meeting.
    const bo = await w.t.request('POST', '/v1/rooms/split/meeting');
    expect(bo.status).toBe(200);
    expect(bo.body.id).toBe(m.id);
    expect((await w.t.request('POST', `/v1/rooms/split/meetings/${m.id}/joining`)).status).toBe(201);

    await w.daily.control.addParticipant({ room, userName: 'Ana' });
    await w.daily.control.addParticipant({ room, userName: 'Bo' });
    await vi.waitFor(async () => expect((await w.t.request('GET', `/v1/meetings/${m.id}`)).body.num_clients).toBe(2), WAIT);

    // Later sweeps and checks do not end it: the provider's "ended" was superseded by the rejoin.
    await w.t.server.container.meetings.lifecycle.sweep();
    await w.t.server.container.meetings.reconciler.reconcile(m.id, { countEmpty: true });
    await w.t.server.container.meetings.reconciler.reconcile(m.id, { countEmpty: true });
    const final = (await w.t.request('GET', `/v1/meetings/${m.id}`)).body;
    expect(final.is_active).toBe(true);
    expect(final.num_clients).toBe(2);
    const rows = await w.t.query<{ n: number }>(
      `select count(*)::int as n from meeting m join room r on r.id = m.room_id where r.name = 'split'`,
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('without a reservation, the same leave ends the meeting (the reservation is what protects it)', async () => {
    await w.t.request('POST', '/v1/rooms', { body: { name: 'split-control', platform: 'daily' } });
    const m = (await w.t.request('POST', '/v1/rooms/split-control/meeting')).body;
    const ana = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Ana' });
    await vi.waitFor(async () => expect((await w.t.request('GET', `/v1/meetings/${m.id}`)).body.num_clients).toBe(1), WAIT);
    await w.daily.control.removeParticipant({ room: m.provider_room_name, sessionId: ana.sessionId, endMeetingWhenEmpty: true });
    await w.daily.control.flushScheduled();
    await vi.waitFor(async () => expect((await w.t.request('GET', `/v1/meetings/${m.id}`)).body.is_active).toBe(false), WAIT);
    const next = await w.t.request('POST', '/v1/rooms/split-control/meeting');
    expect(next.body.id).not.toBe(m.id);
  });
});
