import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDailyFake } from '../src/index.js';
import type { DailyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';
import { startReceiver } from './helpers/receiver.js';
import type { Receiver } from './helpers/receiver.js';
import { verifyDailySignature } from './helpers/verify.js';

interface Envelope {
  version: string;
  type: string;
  id: string;
  payload: Record<string, unknown>;
  event_ts: number;
}

const SECRET = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');
const auth = bearer('k');
let fake: DailyFake;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startDailyFake({ apiKey: 'k', webhookSecret: SECRET, webhookUrl: receiver.url });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
afterEach(() => {
  fake.control.reset();
  fake.control.setWebhookUrl(receiver.url);
  fake.control.setWebhookSecret(SECRET);
  fake.control.setTimestampUnit('seconds');
  receiver.received.length = 0;
  receiver.respondWith(() => 200);
});

async function roomWithParticipant(name: string) {
  await call(`${fake.url}/rooms`, { method: 'POST', headers: auth, body: { name } });
  return fake.control.addParticipant({ room: name, userId: 'user-1', userName: 'Ann' });
}

describe('Daily webhook payloads', () => {
  it('sends meeting.started then participant.joined with float timestamps, then left and (after its delay) meeting.ended', async () => {
    const p = await roomWithParticipant('pay');
    await fake.control.removeParticipant({ room: 'pay', sessionId: p.sessionId });
    expect(receiver.json<Envelope>().map((e) => e.type)).not.toContain('meeting.ended');
    await fake.control.flushScheduled();
    const [started, joined, left, ended] = receiver.json<Envelope>();
    expect([started?.type, joined?.type, left?.type, ended?.type]).toEqual([
      'meeting.started',
      'participant.joined',
      'participant.left',
      'meeting.ended',
    ]);
    expect(started).toMatchObject({
      version: '1.0.0',
      id: `met-sta-${p.meetingId}-${Math.floor(p.joinedAtMs / 1000)}`,
      payload: { meeting_id: p.meetingId, room: 'pay' },
    });
    expect(joined?.id).toBe(`ptcpt-join-user-1-${p.joinedAtMs}`);
    expect(joined?.payload).toEqual({
      room: 'pay',
      user_id: 'user-1',
      user_name: 'Ann',
      session_id: p.sessionId,
      joined_at: p.joinedAtMs / 1000,
      will_eject_at: null,
      owner: false,
      permissions: { hasPresence: true, canSend: true, canReceive: { base: true }, canAdmin: false },
    });
    expect(typeof joined?.event_ts).toBe('number');
    expect(left?.payload).toMatchObject({ session_id: p.sessionId, duration: expect.any(Number) });
    expect(ended?.payload).toMatchObject({ meeting_id: p.meetingId, room: 'pay', end_ts: expect.any(Number) });
  });

  it('computes will_eject_at from eject_after_elapsed', async () => {
    await call(`${fake.url}/rooms`, { method: 'POST', headers: auth, body: { name: 'ej', properties: { eject_after_elapsed: 60 } } });
    const p = await fake.control.addParticipant({ room: 'ej' });
    expect(p.willEjectAt).toBeCloseTo(p.joinedAtMs / 1000 + 60, 3);
  });
});

describe('Daily webhook signatures', () => {
  it('signs ts + "." + body with the base64-decoded secret (verified independently), timestamp in seconds', async () => {
    fake.control.setTimestampUnit('seconds');
    await roomWithParticipant('sig');
    for (const delivery of receiver.received) {
      const { valid, ts } = verifyDailySignature(delivery.headers, delivery.body, SECRET);
      expect(valid).toBe(true);
      expect(ts).toMatch(/^\d{10}$/);
    }
  });

  it('can send the timestamp in milliseconds, sign with a wrong secret, or send a stale timestamp', async () => {
    fake.control.setTimestampUnit('milliseconds');
    await roomWithParticipant('ms');
    const first = receiver.received[0];
    expect(verifyDailySignature(first?.headers ?? {}, first?.body ?? '', SECRET)).toMatchObject({
      valid: true,
      ts: expect.stringMatching(/^\d{13}$/),
    });
    receiver.received.length = 0;
    fake.control.setTimestampUnit('seconds');
    fake.control.setWebhookOptions({ wrongSecret: true });
    await fake.control.endMeeting({ room: 'ms' });
    await fake.control.flushScheduled();
    expect(receiver.received.map((d) => JSON.parse(d.body).type)).toContain('meeting.ended');
    expect(receiver.received.every((d) => !verifyDailySignature(d.headers, d.body, SECRET).valid)).toBe(true);
    receiver.received.length = 0;
    fake.control.setWebhookOptions({ timestampOffsetSeconds: -3600 });
    await fake.control.addParticipant({ room: 'ms' });
    const stale = receiver.received[0];
    expect(Date.now() / 1000 - Number(verifyDailySignature(stale?.headers ?? {}, stale?.body ?? '', SECRET).ts)).toBeGreaterThan(3500);
  });

  it('sends the verification ping {"test":"test"} unsigned', async () => {
    await fake.control.sendVerificationPing();
    const [ping] = receiver.received;
    expect(ping?.body).toBe('{"test":"test"}');
    expect(ping?.headers['x-webhook-signature']).toBeUndefined();
  });
});

describe('Daily webhook delivery', () => {
  it('duplicates and drops webhooks on request', async () => {
    fake.control.setWebhookOptions({ duplicate: 2, dropTypes: ['meeting.started'] });
    await roomWithParticipant('dd');
    const received = receiver.json<Envelope>();
    expect(received.map((e) => e.type)).toEqual(['participant.joined', 'participant.joined', 'participant.joined']);
    expect(new Set(received.map((e) => e.id)).size).toBe(1);
    expect(fake.webhooks.find((d) => d.type === 'meeting.started')?.state).toBe('dropped');
  });

  it('stops delivering after 3 consecutive failures (circuit breaker) until re-activated', async () => {
    receiver.respondWith(() => 500);
    await roomWithParticipant('cb');
    await fake.control.addParticipant({ room: 'cb' });
    expect(fake.control.webhookCircuit()).toEqual({ state: 'FAILED', failedCount: 3 });
    await fake.control.addParticipant({ room: 'cb' });
    expect(receiver.received).toHaveLength(3);
    expect(fake.webhooks.at(-1)?.state).toBe('suppressed');
    receiver.respondWith(() => 200);
    fake.control.reactivateWebhook();
    await fake.control.addParticipant({ room: 'cb' });
    expect(receiver.received).toHaveLength(4);
    expect(fake.control.webhookCircuit()).toEqual({ state: 'ACTIVE', failedCount: 0 });
  });

  it('registers a webhook via POST /webhooks after a 200 on the unsigned ping, then signs with its hmac', async () => {
    const hmac = Buffer.from('registered-secret-registered-secret').toString('base64');
    fake.control.setWebhookUrl(undefined);
    const created = await call(`${fake.url}/webhooks`, {
      method: 'POST',
      headers: auth,
      body: { url: receiver.url, hmac, eventTypes: ['participant.joined'] },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ url: receiver.url, hmac, state: 'ACTIVE', failedCount: 0, retryType: 'circuit-breaker' });
    expect(receiver.received[0]?.body).toBe('{"test":"test"}');
    await roomWithParticipant('reg');
    expect(
      receiver
        .json<Envelope>()
        .slice(1)
        .map((e) => e.type),
    ).toEqual(['participant.joined']);
    const last = receiver.received.at(-1);
    expect(verifyDailySignature(last?.headers ?? {}, last?.body ?? '', hmac).valid).toBe(true);
    expect((await call(`${fake.url}/webhooks`, { method: 'POST', headers: auth, body: { url: receiver.url } })).status).toBe(400);
  });

  it('refuses to register a webhook whose URL does not answer the ping with 200', async () => {
    receiver.respondWith(() => 500);
    const res = await call(`${fake.url}/webhooks`, { method: 'POST', headers: auth, body: { url: receiver.url } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-request-error');
    expect((await call(`${fake.url}/webhooks`, { headers: auth })).body).toEqual([]);
  });
});
