import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWherebyFake } from '../src/index.js';
import type { WherebyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';
import { startReceiver } from './helpers/receiver.js';
import type { Receiver } from './helpers/receiver.js';

/**
 * The Whereby behaviour that decides who stays in a call (shared/reference/providers.md §8.1-8.6),
 * reproduced by the fake on its own clock: the tests move `now` and call `tick()`; nothing sleeps.
 */

interface Envelope {
  type: string;
  data: Record<string, unknown>;
}

const START = Date.UTC(2026, 2, 1, 10, 0, 0);
const SESSION_END_AFTER_MS = 90_000;
const LAG_MS = 12 * 60_000;
let now = START;
let fake: WherebyFake;
let receiver: Receiver;
let meetingId: string;
let roomName: string;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startWherebyFake({
    apiKey: 'k',
    webhookUrl: receiver.url,
    now: () => now,
    sessionEndAfterMs: SESSION_END_AFTER_MS,
    insightsLagMs: LAG_MS,
    rateLimitPoints: 10,
  });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
beforeEach(async () => {
  now = START;
  const res = await call(`${fake.url}/meetings`, {
    method: 'POST',
    headers: bearer('k'),
    body: { endDate: '2099-01-01T00:00:00Z', roomNamePrefix: 'b-', fields: ['hostRoomUrl'] },
  });
  expect(res.status).toBe(201);
  meetingId = String(res.body.meetingId);
  roomName = String(res.body.roomName);
  // Creating the meeting cost 3 points; the budget tests start from a fresh minute.
  fake.control.clearRequests();
  receiver.received.length = 0;
});
afterEach(() => fake.control.reset());

const types = () => receiver.json<Envelope>().map((e) => e.type);
const sessions = (at = '') =>
  call<{ results: { roomSessionId: string; endedAt: string | null }[] }>(
    `${fake.url}/insights/room-sessions?roomName=${encodeURIComponent(roomName)}${at}`,
    { headers: bearer('k') },
  );

describe('room.session.ended is not "the meeting ended" (webhooks.md: fewer than 2 "for some time")', () => {
  it('ends the session once fewer than 2 participants remained for sessionEndAfterMs, with the last one still inside', async () => {
    const ann = await fake.control.addParticipant({ meetingId, displayName: 'Ann' });
    await fake.control.addParticipant({ meetingId, displayName: 'Bo' });
    await fake.control.removeParticipant({ participantId: ann.participantId });
    expect(types()).toEqual(['room.client.joined', 'room.client.joined', 'room.session.started', 'room.client.left']);

    now += SESSION_END_AFTER_MS - 1;
    await fake.control.tick();
    expect(types()).not.toContain('room.session.ended');

    now += 1;
    await fake.control.tick();
    expect(types().at(-1)).toBe('room.session.ended');
    expect(fake.control.state().meetings[0]?.participants.map((p) => p.displayName)).toEqual(['Bo']);
    expect(fake.control.state().meetings[0]?.currentRoomSessionId).toBeNull();
  });

  it('keeps the session when a second participant is back before the time is up, and starts a new one after it ended', async () => {
    const ann = await fake.control.addParticipant({ meetingId });
    await fake.control.addParticipant({ meetingId });
    await fake.control.removeParticipant({ participantId: ann.participantId });
    now += 30_000;
    await fake.control.addParticipant({ meetingId });
    now += SESSION_END_AFTER_MS;
    await fake.control.tick();
    expect(types()).not.toContain('room.session.ended');
    expect(fake.control.scheduled()).toEqual([]);
  });

  it('ends a session whose room empties only after the time is up, or at once on DELETE', async () => {
    const a = await fake.control.addParticipant({ meetingId });
    const b = await fake.control.addParticipant({ meetingId });
    await fake.control.removeParticipant({ participantId: a.participantId });
    await fake.control.removeParticipant({ participantId: b.participantId });
    expect(fake.control.scheduled()).toEqual([{ dueMs: START + SESSION_END_AFTER_MS, key: `session-end ${meetingId}` }]);
    await fake.control.flushScheduled();
    expect(types().at(-1)).toBe('room.session.ended');
  });
});

describe('insights lag and omit single-person sessions (insights README: "10-15 minutes")', () => {
  it('shows a 2-person session only after the lag, and its end only once the end is older than the lag', async () => {
    const ann = await fake.control.addParticipant({ meetingId });
    await fake.control.addParticipant({ meetingId });
    expect((await sessions()).body.results).toEqual([]);

    now += LAG_MS;
    const running = (await sessions()).body.results;
    expect(running).toEqual([expect.objectContaining({ roomSessionId: ann.roomSessionId, endedAt: null })]);

    await fake.control.removeParticipant({ participantId: ann.participantId });
    now += SESSION_END_AFTER_MS;
    await fake.control.tick();
    const endedAt = now;
    expect((await sessions()).body.results[0]?.endedAt).toBeNull();
    now = endedAt + LAG_MS;
    expect((await sessions()).body.results[0]?.endedAt).toBe(new Date(endedAt).toISOString());
  });

  it('never lists a session in which only one person has been', async () => {
    const alone = await fake.control.addParticipant({ meetingId });
    now += 30 * 60_000;
    await fake.control.removeParticipant({ participantId: alone.participantId });
    now += 30 * 60_000;
    await fake.control.flushScheduled();
    expect((await sessions()).body.results).toEqual([]);
    const participants = await call(`${fake.url}/insights/participants?roomSessionId=${alone.roomSessionId}`, { headers: bearer('k') });
    expect(participants.body.results).toEqual([]);
  });
});

describe('the organisation point budget (REST API reference: read 1, delete 2, write 3 points per minute)', () => {
  it('answers 429 with Retry-After and the rate-limit headers once the minute budget is spent, and recovers next minute', async () => {
    now += 60_000;
    for (let i = 0; i < 10; i += 1) expect((await sessions()).status).toBe(200);
    const refused = await sessions();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.headers.get('x-ratelimit-limit')).toBe('10');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.body).toEqual({ error: 'Rate limit active for throttle key: organization:1', data: { msLeft: 60_000 } });
    now += 60_000;
    expect((await sessions()).status).toBe(200);
  });

  it('charges a write 3 points: the 4th meeting of a 10-point minute is refused', async () => {
    const create = () => call(`${fake.url}/meetings`, { method: 'POST', headers: bearer('k'), body: { endDate: '2099-01-01T00:00:00Z' } });
    now += 60_000;
    expect([(await create()).status, (await create()).status, (await create()).status]).toEqual([201, 201, 201]);
    expect(fake.control.budgetRemaining()).toBe(1);
    expect((await create()).status).toBe(429);
    expect((await call(`${fake.url}/meetings/${meetingId}`, { method: 'DELETE', headers: bearer('k') })).status).toBe(429);
    expect((await sessions()).status).toBe(200);
  });
});

describe('room size and the embed parameters', () => {
  it('holds 4 participants in a normal room and 200 in a group room (on-creation.md)', async () => {
    for (let i = 0; i < 4; i += 1) await fake.control.addParticipant({ meetingId });
    await expect(fake.control.addParticipant({ meetingId })).rejects.toMatchObject({ status: 403 });
    const group = await call(`${fake.url}/meetings`, {
      method: 'POST',
      headers: bearer('k'),
      body: { endDate: '2099-01-01T00:00:00Z', roomMode: 'group' },
    });
    for (let i = 0; i < 5; i += 1) await fake.control.addParticipant({ meetingId: String(group.body.meetingId) });
    expect(fake.control.state().meetings.find((m) => m.meetingId === group.body.meetingId)?.participants).toHaveLength(5);
  });

  it('echoes externalId, displayName and metadata only when they were passed as room-URL parameters (webhooks.md)', async () => {
    const { roomUrl, hostRoomUrl } = fake.control.state().meetings[0]!;
    const host = new URL(hostRoomUrl);
    host.searchParams.set('externalId', 'user-1');
    host.searchParams.set('displayName', 'Ann Host');
    await fake.control.addParticipant({ url: host.toString() });
    await fake.control.addParticipant({ url: roomUrl });
    const withBadId = new URL(roomUrl);
    withBadId.searchParams.set('externalId', 'auth0|not-allowed');
    await fake.control.addParticipant({ url: withBadId.toString() });
    const joined = receiver.json<Envelope>().filter((e) => e.type === 'room.client.joined');
    expect(joined.map((e) => [e.data.roleName, e.data.externalId, e.data.displayName])).toEqual([
      ['host', 'user-1', 'Ann Host'],
      ['visitor', null, 'Guest 2'],
      ['visitor', null, 'Guest 3'],
    ]);
    await expect(fake.control.addParticipant({ url: 'https://elsewhere.whereby.com/other' })).rejects.toMatchObject({ status: 404 });
  });
});
