import { PROVIDER_USER_ID_NAMESPACE, uuidV5 } from '@meetbridge/platforms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtAuth, type JwtAuth } from './helpers/provider-fakes.js';
import { startWorld, type World } from './helpers/world.js';

/**
 * Who gets into a Daily room, against a fake that enforces Daily's rules at join: privacy,
 * `enable_knocking`, the token's `knocking` and owner admission.
 */

let w: World;
let auth: JwtAuth;
let alice: Record<string, string>;
let bob: Record<string, string>;

beforeAll(async () => {
  auth = await jwtAuth();
  w = await startWorld({ ...auth.env, RUN_WORKERS: 'false', RECONCILE_INTERVAL_SECONDS: '3600' });
  alice = await auth.as('alice');
  bob = await auth.as('bob');
});
afterAll(async () => w?.close());

async function lockedDailyMeeting(name: string): Promise<any> {
  const room = await w.t.request('POST', '/v1/rooms', { body: { name, platform: 'daily', is_locked: true }, headers: alice });
  expect(room.status, JSON.stringify(room.body)).toBe(201);
  const meeting = await w.t.request('POST', `/v1/rooms/${name}/meeting`, { headers: alice });
  expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
  return meeting.body;
}

async function tokenFor(meeting: { id: string; room_name: string }, headers: Record<string, string> = {}): Promise<string> {
  const res = await w.t.request('POST', `/v1/rooms/${meeting.room_name}/meetings/${meeting.id}/join`, { headers });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.token;
}

describe('scenario (b): a locked Daily room', () => {
  it('makes a guest knock (their token does not let them in) and lets the owner admit them', async () => {
    const m = await lockedDailyMeeting('locked-daily');
    const room = m.provider_room_name;
    const guestToken = await tokenFor(m, bob);
    const anonymousToken = await tokenFor(m);

    await expect(w.daily.control.addParticipant({ room, token: guestToken })).rejects.toMatchObject({ status: 403 });
    await expect(w.daily.control.addParticipant({ room, token: anonymousToken })).rejects.toMatchObject({ status: 403 });
    const guest = await w.daily.control.knock({ room, token: guestToken });
    expect(w.daily.control.state().rooms.find((r) => r.name === room)).toMatchObject({ waiting: [{ sessionId: guest.sessionId }] });

    const owner = await w.daily.control.addParticipant({ room, token: await tokenFor(m, alice) });
    expect(owner).toMatchObject({ owner: true, userId: 'alice' });
    await w.daily.control.admit({ room, sessionId: guest.sessionId });

    await w.t.server.container.webhooks.drain.drain();
    await w.t.server.container.meetings.reconciler.reconcile(m.id, { countEmpty: false });
    const read = (await w.t.request('GET', `/v1/meetings/${m.id}`, { headers: alice })).body;
    expect(read.num_clients).toBe(2);
    expect(read.participants.map((p: any) => p.user_id).sort()).toEqual(['alice', 'bob']);
  });

  it('lets anyone with a token straight into an unlocked room', async () => {
    await w.t.request('POST', '/v1/rooms', { body: { name: 'open-daily', platform: 'daily' }, headers: alice });
    const m = (await w.t.request('POST', '/v1/rooms/open-daily/meeting', { headers: alice })).body;
    await expect(w.daily.control.addParticipant({ room: m.provider_room_name, token: await tokenFor(m, bob) })).resolves.toMatchObject({
      userId: 'bob',
      owner: false,
    });
  });
});

describe('a signed-in user whose id is longer than Daily allows (user_id is at most 36 characters)', () => {
  it('joins under the stable UUIDv5 of their id, so the webhooks still identify them', async () => {
    const subject = 'google-oauth2|104739294857203948572039485';
    const mapped = uuidV5(subject, PROVIDER_USER_ID_NAMESPACE);
    await w.t.request('POST', '/v1/rooms', { body: { name: 'long-ids', platform: 'daily' }, headers: alice });
    const m = (await w.t.request('POST', '/v1/rooms/long-ids/meeting', { headers: alice })).body;
    const headers = await auth.as(subject);
    const first = await tokenFor(m, headers);
    expect(w.daily.control.tokens().find((t) => t.token === first)?.properties.user_id).toBe(mapped);

    await w.daily.control.addParticipant({ room: m.provider_room_name, token: first });
    await w.t.server.container.webhooks.drain.drain();
    const read = (await w.t.request('GET', `/v1/meetings/${m.id}`, { headers: alice })).body;
    expect(read.participants.map((p: any) => p.user_id)).toEqual([mapped]);
  });
});
