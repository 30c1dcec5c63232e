import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtAuth, type JwtAuth } from './helpers/provider-fakes.js';
import { startWorld, type World } from './helpers/world.js';

/**
 * Whereby joins against a fake that behaves like Whereby: a `normal` room holds 4 participants, and
 * webhooks carry `externalId` and `displayName` only when they were room-URL parameters (defect 10).
 */

let w: World;
let auth: JwtAuth;
let alice: Record<string, string>;

beforeAll(async () => {
  auth = await jwtAuth();
  w = await startWorld({ ...auth.env, RUN_WORKERS: 'false', RECONCILE_INTERVAL_SECONDS: '3600' });
  alice = await auth.as('alice');
});
afterAll(async () => w?.close());

async function meetingOf(room: Record<string, unknown>): Promise<any> {
  expect((await w.t.request('POST', '/v1/rooms', { body: { platform: 'whereby', ...room }, headers: alice })).status).toBe(201);
  const res = await w.t.request('POST', `/v1/rooms/${String(room.name)}/meeting`, { headers: alice });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('Whereby room size', () => {
  it('creates a room for 10 as roomMode "group", so a fifth participant gets in', async () => {
    const m = await meetingOf({ name: 'ten-people', room_size: 10, room_mode: 'normal' });
    for (let i = 0; i < 5; i += 1) await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    expect(w.whereby.control.state().meetings.find((s) => s.meetingId === m.provider_meeting_id)).toMatchObject({ roomMode: 'group' });
    expect(w.whereby.control.state().meetings.find((s) => s.meetingId === m.provider_meeting_id)?.participants).toHaveLength(5);
  });
});

describe('Whereby join URLs', () => {
  it('identify the caller in the webhooks: the participant session carries their user id and name', async () => {
    const m = await meetingOf({ name: 'who-is-who' });
    const bob = await auth.as('bob');
    const join = await w.t.request('POST', `/v1/rooms/who-is-who/meetings/${m.id}/join`, { headers: bob });
    expect(join.status).toBe(200);
    await w.whereby.control.addParticipant({ url: join.body.url });
    await w.t.server.container.webhooks.drain.drain();
    const read = (await w.t.request('GET', `/v1/meetings/${m.id}`, { headers: alice })).body;
    expect(read.participants.map((p: any) => [p.user_id, p.user_name])).toEqual([['bob', 'bob name']]);
  });
});
