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
