import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_INSTANCE_ID, startDailyFake } from '../src/index.js';
import type { DailyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';
import { startReceiver } from './helpers/receiver.js';
import type { Receiver } from './helpers/receiver.js';
import { verifyDailySignature } from './helpers/verify.js';

/**
 * The Daily behaviour that decides who stays in a call (shared/reference/providers.md §8.7-8.15),
 * reproduced by the fake on its own clock: the tests move `now` and call `tick()`; nothing sleeps.
 */

interface Envelope {
  type: string;
  id: string;
  payload: Record<string, unknown>;
  event_ts: number;
}

const SECRET = Buffer.from('fedcba9876543210fedcba9876543210').toString('base64');
const START = Date.UTC(2026, 2, 1, 10, 0, 0);
const auth = bearer('k');
let now = START;
let fake: DailyFake;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startDailyFake({ apiKey: 'k', webhookSecret: SECRET, webhookUrl: receiver.url, now: () => now, presenceMaxLimit: 2 });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
beforeEach(() => {
  now = START;
});
afterEach(() => {
  fake.control.reset();
  fake.control.setWebhookUrl(receiver.url);
  fake.control.setWebhookSecret(SECRET);
  receiver.received.length = 0;
  receiver.respondWith(() => 200);
});

const received = () => receiver.json<Envelope>();
const types = () => received().map((e) => e.type);

async function room(name: string, body: Record<string, unknown> = {}): Promise<void> {
  const res = await call(`${fake.url}/rooms`, { method: 'POST', headers: auth, body: { name, ...body } });
  expect(res.status).toBe(200);
}

async function token(properties: Record<string, unknown>): Promise<string> {
  const res = await call<{ token: string }>(`${fake.url}/meeting-tokens`, { method: 'POST', headers: auth, body: { properties } });
  expect(res.status).toBe(200);
  return res.body.token;
}

describe('who may enter a room: privacy, enable_knocking, token knocking, owner admission', () => {
  const locked = { privacy: 'private', properties: { enable_knocking: true } };

  it('lets anyone into a public room, with or without a token', async () => {
    await room('open');
    await fake.control.addParticipant({ room: 'open' });
    await fake.control.addParticipant({ room: 'open', token: await token({ room_name: 'open', knocking: true }) });
    expect(types().filter((t) => t === 'participant.joined')).toHaveLength(2);
  });

  it('admits a plain token to a private room, but makes a knocking token and a token-less guest knock', async () => {
    await room('locked', locked);
    await fake.control.addParticipant({ room: 'locked', token: await token({ room_name: 'locked', user_id: 'member' }) });
    const knocking = await token({ room_name: 'locked', user_id: 'guest', knocking: true });
    await expect(fake.control.addParticipant({ room: 'locked', token: knocking })).rejects.toMatchObject({ status: 403 });
    await expect(fake.control.addParticipant({ room: 'locked' })).rejects.toMatchObject({ status: 403 });
    const guest = await fake.control.knock({ room: 'locked', token: knocking });
    await fake.control.knock({ room: 'locked', userName: 'Anonymous' });
    expect(types().filter((t) => t === 'waiting-participant.joined')).toHaveLength(2);
    expect(received().find((e) => e.type === 'waiting-participant.joined')?.payload).toMatchObject({
      room: 'locked',
      session_id: guest.sessionId,
      user_id: 'guest',
    });
    await expect(fake.control.knock({ room: 'locked', token: await token({ room_name: 'locked' }) })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('refuses a token-less guest outright when the private room does not enable knocking', async () => {
    await room('closed', { privacy: 'private' });
    await expect(fake.control.addParticipant({ room: 'closed' })).rejects.toMatchObject({ status: 403 });
    await expect(fake.control.knock({ room: 'closed' })).rejects.toMatchObject({ status: 403 });
  });

  it('lets only an owner in the call admit a knocking guest; then participant.joined follows', async () => {
    await room('desk', locked);
    const guest = await fake.control.knock({ room: 'desk', token: await token({ room_name: 'desk', user_id: 'guest', knocking: true }) });
    await fake.control.addParticipant({ room: 'desk', token: await token({ room_name: 'desk', user_id: 'member' }) });
    await expect(fake.control.admit({ room: 'desk', sessionId: guest.sessionId })).rejects.toMatchObject({ status: 409 });
    await fake.control.addParticipant({
      room: 'desk',
      token: await token({ room_name: 'desk', user_id: 'owner', is_owner: true, knocking: true }),
    });
    const admitted = await fake.control.admit({ room: 'desk', sessionId: guest.sessionId });
    expect(admitted).toMatchObject({ sessionId: guest.sessionId, userId: 'guest', owner: false });
    expect(types().at(-1)).toBe('participant.joined');
    expect(fake.control.state().rooms[0]).toMatchObject({ waiting: [] });
  });
});

describe('meeting.ended after its delay, event_ts stamped when sent, documented event ids', () => {
  it('sends meeting.ended 20 s after the room empties, with end_ts of the end and event_ts of the sending', async () => {
    await room('late');
    const p = await fake.control.addParticipant({ room: 'late', userId: 'user-7' });
    now += 60_000;
    await fake.control.removeParticipant({ room: 'late', sessionId: p.sessionId });
    const endedAt = now;
    now += 19_999;
    await fake.control.tick();
    expect(types()).not.toContain('meeting.ended');
    now += 1;
    await fake.control.tick();
    const ended = received().at(-1);
    expect(ended).toMatchObject({ type: 'meeting.ended', payload: { end_ts: endedAt / 1000 }, event_ts: (endedAt + 20_000) / 1000 });
    expect(ended?.id).toBe(`met-end-${p.meetingId}-${endedAt / 1000}`);
    expect(received().find((e) => e.type === 'participant.joined')?.id).toBe(`ptcpt-join-user-7-${START}`);
  });

  it('starts a new meeting session for a join during the delay and still reports the old one ended', async () => {
    await room('gap');
    const a = await fake.control.addParticipant({ room: 'gap' });
    await fake.control.removeParticipant({ room: 'gap', sessionId: a.sessionId });
    now += 5_000;
    const b = await fake.control.addParticipant({ room: 'gap' });
    now += 15_000;
    await fake.control.tick();
    expect(b.meetingId).not.toBe(a.meetingId);
    expect(types()).toEqual([
      'meeting.started',
      'participant.joined',
      'participant.left',
      'meeting.started',
      'participant.joined',
      'meeting.ended',
    ]);
    expect(received().at(-1)?.payload.meeting_id).toBe(a.meetingId);
  });

  it('stamps event_ts when a held webhook is finally sent, not when the participant joined', async () => {
    await room('held');
    fake.control.setWebhookOptions({ hold: true });
    await fake.control.addParticipant({ room: 'held' });
    now += 45_000;
    await fake.control.flushWebhooks();
    const joined = received().find((e) => e.type === 'participant.joined');
    expect(joined?.payload.joined_at).toBe(START / 1000);
    expect(joined?.event_ts).toBe((START + 45_000) / 1000);
  });

  it('gives two rooms recording in the same second with the default instance id the same rec-rtd id', async () => {
    for (const name of ['rec-a', 'rec-b']) {
      await room(name, { properties: { enable_recording: 'cloud' } });
      await fake.control.addParticipant({ room: name });
      await fake.control.startRecording({ room: name });
    }
    now += 30_000;
    const a = await fake.control.finishRecording({ room: 'rec-a' });
    const b = await fake.control.finishRecording({ room: 'rec-b' });
    const ready = received().filter((e) => e.type === 'recording.ready-to-download');
    expect(ready.map((e) => e.id)).toEqual([`rec-rtd-${DEFAULT_INSTANCE_ID}-${(START + 30_000) / 1000}`, ready[0]?.id]);
    expect(ready.map((e) => e.payload.recording_id)).toEqual([a.id, b.id]);
  });
});

describe('webhook health: retries, the circuit breaker and re-activation (webhooks reference)', () => {
  async function register(retryType: 'circuit-breaker' | 'exponential'): Promise<string> {
    fake.control.setWebhookUrl(undefined);
    const res = await call<{ uuid: string }>(`${fake.url}/webhooks`, {
      method: 'POST',
      headers: auth,
      body: { url: receiver.url, hmac: SECRET, retryType },
    });
    expect(res.status).toBe(200);
    receiver.received.length = 0;
    return res.body.uuid;
  }

  it('retries an exponential webhook minutes later with its original body and X-Webhook-Timestamp', async () => {
    await register('exponential');
    await room('retry');
    // meeting.started fails twice (attempts 0 and 2), participant.joined once (attempt 1).
    receiver.respondWith((i) => (i < 3 ? 503 : 200));
    await fake.control.addParticipant({ room: 'retry' });
    expect(receiver.received).toHaveLength(2);
    expect(fake.webhooks.filter((d) => d.signed).map((d) => d.state)).toEqual(['retry-scheduled', 'retry-scheduled']);
    now += 60_000;
    await fake.control.tick();
    now += 120_000;
    await fake.control.tick();
    const attempts = receiver.received.filter((r) => JSON.parse(r.body).type === 'meeting.started');
    expect(attempts).toHaveLength(3);
    expect(new Set(attempts.map((a) => a.body)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.headers['x-webhook-timestamp'])).size).toBe(1);
    expect(attempts.every((a) => verifyDailySignature(a.headers, a.body, SECRET).valid)).toBe(true);
    expect(Number(attempts[2]?.headers['x-webhook-timestamp'])).toBe(START);
  });

  it('shows a webhook FAILED in GET /webhooks after 3 failed deliveries, stops sending, and POST /webhooks/:uuid re-activates it', async () => {
    const uuid = await register('circuit-breaker');
    await room('cb');
    receiver.respondWith(() => 401);
    await fake.control.addParticipant({ room: 'cb' });
    await fake.control.addParticipant({ room: 'cb' });
    const listed = await call<{ uuid: string; state: string; failedCount: number }[]>(`${fake.url}/webhooks`, { headers: auth });
    expect(listed.body).toEqual([expect.objectContaining({ uuid, state: 'FAILED', failedCount: 3 })]);
    await fake.control.addParticipant({ room: 'cb' });
    expect(fake.webhooks.at(-1)?.state).toBe('suppressed');

    receiver.respondWith(() => 200);
    const reactivated = await call<{ state: string; failedCount: number }>(`${fake.url}/webhooks/${uuid}`, {
      method: 'POST',
      headers: auth,
      body: {},
    });
    expect(reactivated.body).toMatchObject({ state: 'ACTIVE', failedCount: 0 });
    expect(receiver.received.at(-1)?.body).toBe('{"test":"test"}');
    await fake.control.addParticipant({ room: 'cb' });
    expect(fake.webhooks.at(-1)?.state).toBe('delivered');
  });
});

describe('presence pages and ejection at exp', () => {
  it('returns at most `limit` presence entries with total_count of everyone present', async () => {
    await room('busy');
    for (let i = 0; i < 3; i += 1) await fake.control.addParticipant({ room: 'busy' });
    const page = await call<{ total_count: number; data: unknown[] }>(`${fake.url}/rooms/busy/presence?limit=2`, { headers: auth });
    expect(page.body.total_count).toBe(3);
    expect(page.body.data).toHaveLength(2);
    const capped = await call<{ total_count: number; data: unknown[] }>(`${fake.url}/rooms/busy/presence?limit=3`, { headers: auth });
    expect(capped.body).toMatchObject({ total_count: 3, data: [expect.anything(), expect.anything()] });
    expect((await call(`${fake.url}/rooms/busy/presence?limit=0`, { headers: auth })).status).toBe(400);
  });

  it('ejects everyone at exp with eject_at_room_exp, unless the room exp was pushed back', async () => {
    const exp = START / 1000 + 600;
    await room('ends', { properties: { exp, eject_at_room_exp: true } });
    await room('extended', { properties: { exp, eject_at_room_exp: true } });
    await fake.control.addParticipant({ room: 'ends' });
    await fake.control.addParticipant({ room: 'extended' });
    await call(`${fake.url}/rooms/extended`, { method: 'POST', headers: auth, body: { properties: { exp: exp + 3600 } } });
    now = exp * 1000;
    await fake.control.tick();
    const rooms = fake.control.state().rooms;
    expect(rooms.find((r) => r.name === 'ends')?.participants).toEqual([]);
    expect(rooms.find((r) => r.name === 'extended')?.participants).toHaveLength(1);
    expect(
      received()
        .filter((e) => e.type === 'participant.left')
        .map((e) => e.payload.room),
    ).toEqual(['ends']);
  });
});
