import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClock } from './helpers/server.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * Daily presence comes in pages: `GET /rooms/:name/presence` takes a `limit` (its default page size
 * is not documented) and answers `total_count`. Sessions beyond the page read are not gone (defect 10).
 */

const clock = new TestClock(new Date('2026-03-01T10:00:00.000Z'));
let w: World;

beforeAll(async () => {
  w = await startWorld(
    { RUN_WORKERS: 'false', RECONCILE_INTERVAL_SECONDS: '3600' },
    { clock, daily: { presenceDefaultLimit: 2, presenceMaxLimit: 2 } },
  );
});
afterAll(async () => w?.close());

describe('Daily presence larger than one page', () => {
  it('closes no session beyond the page it read, and counts total_count', async () => {
    const m = await roomWithMeeting(w.t, 'crowded', 'daily');
    for (const name of ['Ana', 'Bo', 'Cy']) await w.daily.control.addParticipant({ room: m.provider_room_name, userName: name });
    await w.t.server.container.webhooks.drain.drain();
    clock.advance(60_000);
    await w.t.server.container.meetings.reconciler.reconcile(m.id, { countEmpty: true });

    const read = (await w.t.request('GET', `/v1/meetings/${m.id}`)).body;
    expect(read.num_clients).toBe(3);
    expect(read.participants.map((p: any) => [p.user_name, p.left_at]).sort()).toEqual([
      ['Ana', null],
      ['Bo', null],
      ['Cy', null],
    ]);
    const presence = w.daily.requests.filter((r) => r.path === `/v1/rooms/${m.provider_room_name}/presence`);
    expect(presence.map((r) => r.query.limit)).toEqual(['100']);
  });
});
