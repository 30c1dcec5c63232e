import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { calls } from './helpers/provider-fakes.js';
import { startWorld, type World } from './helpers/world.js';

let w: World;
beforeAll(async () => {
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' });
});
afterAll(async () => w.close());

describe('races on a room', () => {
  it('100 concurrent first requests for a room make one provider create and one meeting', async () => {
    expect((await w.t.request('POST', '/v1/rooms', { body: { name: 'rush', platform: 'daily' } })).status).toBe(201);
    const before = calls(w.daily, 'POST', '/v1/rooms').length;
    const answers = await Promise.all(Array.from({ length: 100 }, () => w.t.request('POST', '/v1/rooms/rush/meeting')));
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(calls(w.daily, 'POST', '/v1/rooms').length - before).toBe(1);
    expect(w.daily.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('a request whose first look predates the create it would have shared joins that meeting (no second provider room)', async () => {
    expect((await w.t.request('POST', '/v1/rooms', { body: { name: 'late-look', platform: 'daily' } })).status).toBe(201);
    const before = calls(w.daily, 'POST', '/v1/rooms').length;
    type Lookup = (roomId: string, now: Date, db?: unknown) => Promise<unknown[]>;
    const repo = (w.t.server.container.meetings.service as unknown as { deps: { repo: { activeForRoom: Lookup } } }).deps.repo;
    const original = repo.activeForRoom.bind(repo);
    let first: Promise<unknown> | undefined;
    let staleServed = false;
    // The second request's first look (outside any transaction) ran before the first request's
    // meeting was committed, so it saw nothing; it reaches the single-flight check only after that
    // create has finished and left the map.
    vi.spyOn(repo, 'activeForRoom').mockImplementation(async (roomId, now, db) => {
      if (first && db === undefined && !staleServed) {
        staleServed = true;
        await first;
        return [];
      }
      return original(roomId, now, db);
    });
    try {
      const a = w.t.request('POST', '/v1/rooms/late-look/meeting');
      await vi.waitFor(() => expect(calls(w.daily, 'POST', '/v1/rooms').length - before).toBe(1));
      first = a;
      const [ra, rb] = await Promise.all([a, w.t.request('POST', '/v1/rooms/late-look/meeting')]);
      expect(staleServed).toBe(true);
      expect([ra.status, rb.status].sort()).toEqual([200, 201]);
      expect(rb.body.id).toBe(ra.body.id);
      expect(calls(w.daily, 'POST', '/v1/rooms').length - before).toBe(1);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it('deleting a room while meetings are created gives no 5xx and leaves no provider room behind', { timeout: 90_000 }, async () => {
    const statuses: number[] = [];
    for (let round = 0; round < 6; round++) {
      const name = `doomed-${round}`;
      const room = (await w.t.request('POST', '/v1/rooms', { body: { name, platform: 'daily' } })).body;
      const creates = Array.from({ length: 6 }, (_, i) =>
        w.t.request('POST', `/v1/rooms/${name}/meeting`, { body: i % 2 ? { allow_duplicated: true } : undefined }),
      );
      const del = new Promise((resolve) => setTimeout(resolve, round * 8)).then(() => w.t.request('DELETE', `/v1/rooms/${room.id}`));
      const done = await Promise.all([...creates, del]);
      statuses.push(...done.map((r) => r.status));
      // Whatever order things happened in, the room ends up gone.
      if ((await w.t.request('GET', `/v1/rooms/${room.id}`)).status !== 404) {
        expect((await w.t.request('DELETE', `/v1/rooms/${room.id}`)).status).toBe(204);
      }
    }
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    // Provider rooms discarded while our rate budget was spent are deleted by a retried job.
    await vi.waitFor(
      () => {
        const left = w.daily.control.state().rooms.filter((r) => String(r.name).startsWith('doomed') && !r.deleted);
        expect(left.map((r) => r.name)).toEqual([]);
      },
      { timeout: 60_000, interval: 500 },
    );
  });
});
