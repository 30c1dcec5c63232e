import { randomBytes, randomUUID } from 'node:crypto';
import { signDaily, signWhereby } from '@meetbridge/fakes';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

const OLD_DAILY = randomBytes(32).toString('base64');
const OLD_WHEREBY = 'previous-whereby-secret';
let w: World;
let dailyMeeting: any;
let wherebyMeeting: any;

beforeAll(async () => {
  // Rotation: the server is configured with the previous and the current secret at once.
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' }, { previousSecrets: { daily: OLD_DAILY, whereby: OLD_WHEREBY } });
  dailyMeeting = await roomWithMeeting(w.t, 'daily-room', 'daily');
  wherebyMeeting = await roomWithMeeting(w.t, 'whereby-room', 'whereby');
});
afterAll(async () => w.close());

interface Provider {
  name: string;
  path: string;
  /** A participant.joined event body for the given room (compact JSON). */
  joined(room: string, eventId: string, sessionId: string): string;
  unknownType(eventId: string): string;
  sign(body: string, offsetSeconds?: number, secret?: string): Record<string, string>;
  room(): string;
  secret(): string;
  oldSecret: string;
}

const nowS = () => Math.floor(Date.now() / 1000);
const providers: Provider[] = [
  {
    name: 'daily',
    path: '/v1/daily/webhook',
    joined: (room, id, session) =>
      JSON.stringify({
        version: '1.0.0',
        type: 'participant.joined',
        id,
        payload: { room, user_id: 'u-1', user_name: 'Zoë', session_id: session, joined_at: Date.now() / 1000, owner: false },
        event_ts: Date.now() / 1000,
      }),
    unknownType: (id) => JSON.stringify({ version: '1.0.0', type: 'streaming.started', id, payload: {}, event_ts: nowS() }),
    sign: (body, offset = 0, secret = w.dailySecret) => {
      const ts = String(nowS() + offset);
      return { 'x-webhook-signature': signDaily(secret, ts, body), 'x-webhook-timestamp': ts };
    },
    room: () => dailyMeeting.provider_room_name,
    secret: () => w.dailySecret,
    oldSecret: OLD_DAILY,
  },
  {
    name: 'whereby',
    path: '/v1/whereby',
    joined: (room, id, session) =>
      JSON.stringify({
        id,
        apiVersion: '1.0',
        createdAt: new Date().toISOString(),
        type: 'room.client.joined',
        data: { meetingId: 'x', roomName: room, roleName: 'visitor', displayName: 'Zoë', participantId: session, numClients: 1 },
      }),
    unknownType: (id) =>
      JSON.stringify({ id, apiVersion: '1.0', createdAt: new Date().toISOString(), type: 'assistant.requested', data: {} }),
    sign: (body, offset = 0, secret = w.wherebySecret) => ({ 'whereby-signature': signWhereby(secret, nowS() + offset, body) }),
    room: () => wherebyMeeting.provider_room_name,
    secret: () => w.wherebySecret,
    oldSecret: OLD_WHEREBY,
  },
];

async function post(p: Provider, body: string, headers: Record<string, string>) {
  return w.t.request('POST', p.path, { raw: body, headers: { 'content-type': 'application/json', ...headers } });
}

async function eventStatus(meetingId: string, eventId: string) {
  const events = (await w.t.request('GET', `/v1/meetings/${meetingId}/events`)).body.items as any[];
  return events.find((e) => e.provider_event_id === eventId)?.status;
}

describe.each(providers)('$name webhooks', (p) => {
  const meetingId = () => (p.name === 'daily' ? dailyMeeting.id : wherebyMeeting.id);

  it('accepts a valid signature, stores the event once and applies it', async () => {
    const id = `ev-${randomUUID()}`;
    const session = randomUUID();
    const body = p.joined(p.room(), id, session);
    const res = await post(p, body, p.sign(body));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'stored' });
    await vi.waitFor(async () => expect(await eventStatus(meetingId(), id)).toBe('processed'), { timeout: 10_000 });
    const meeting = (await w.t.request('GET', `/v1/meetings/${meetingId()}`)).body;
    expect(meeting.participants.map((s: any) => s.provider_session_id)).toContain(session);
  });

  it('answers a replayed delivery with 200 and applies it once', async () => {
    const id = `ev-${randomUUID()}`;
    const body = p.joined(p.room(), id, randomUUID());
    expect((await post(p, body, p.sign(body))).body).toEqual({ status: 'stored' });
    expect((await post(p, body, p.sign(body))).body).toEqual({ status: 'duplicate' });
    await vi.waitFor(async () => expect(await eventStatus(meetingId(), id)).toBe('processed'), { timeout: 10_000 });
    expect((await post(p, body, p.sign(body))).body).toEqual({ status: 'duplicate' });
    const events = (await w.t.request('GET', `/v1/meetings/${meetingId()}/events?limit=500`)).body.items as any[];
    expect(events.filter((e) => e.provider_event_id === id)).toHaveLength(1);
  });

  it.each([
    ['a tampered body', (b: string) => ({ body: b.replace('Zoë', 'Eve'), headers: p.sign(b) })],
    ['a missing signature header', (b: string) => ({ body: b, headers: {} })],
    [
      'a wrong secret',
      (b: string) => ({ body: b, headers: p.sign(b, 0, p.name === 'daily' ? randomBytes(32).toString('base64') : 'not-the-secret') }),
    ],
    ['a signature 6 min old', (b: string) => ({ body: b, headers: p.sign(b, -360) })],
    ['a signature 6 min in the future', (b: string) => ({ body: b, headers: p.sign(b, 360) })],
  ])('refuses %s with 401 problem details and stores nothing', async (_label, make) => {
    const id = `ev-${randomUUID()}`;
    const { body, headers } = make(p.joined(p.room(), id, randomUUID()));
    const res = await post(p, body, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await eventStatus(meetingId(), id)).toBeUndefined();
  });

  it('accepts a signature made with any of the configured secrets (rotation)', async () => {
    const old = p.joined(p.room(), `ev-${randomUUID()}`, randomUUID());
    expect((await post(p, old, p.sign(old, 0, p.oldSecret))).body).toEqual({ status: 'stored' });
    const current = p.joined(p.room(), `ev-${randomUUID()}`, randomUUID());
    expect((await post(p, current, p.sign(current, 0, p.secret()))).body).toEqual({ status: 'stored' });
  });

  it('answers 400 for a correctly signed body that is not JSON', async () => {
    const body = '{"type": "participant.joined", ';
    const res = await post(p, body, p.sign(body));
    expect(res.status).toBe(400);
  });

  it('answers 400, not 5xx, for signed JSON the database cannot store (a \\u0000 escape)', async () => {
    const body = p.joined(p.room(), `ev-${randomUUID()}`, randomUUID()).replace('Zoë', 'Zo\\u0000ë');
    expect(body).toContain('\\u0000');
    const res = await post(p, body, p.sign(body));
    expect(res.status).toBe(400);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const body = JSON.stringify({ pad: 'x'.repeat(1_100_000) });
    const res = await post(p, body, p.sign(body));
    expect(res.status).toBe(413);
  });

  it('answers 200 for an unknown event type and records it as ignored', async () => {
    const id = `ev-${randomUUID()}`;
    const body = p.unknownType(id);
    const res = await post(p, body, p.sign(body));
    expect(res.status).toBe(200);
    const rows = await vi.waitFor(
      async () => {
        const r = await w.t.query<any>(`select status, error from webhook_event where provider_event_id = '${id}'`);
        expect(r[0]?.status).toBe('ignored');
        return r;
      },
      { timeout: 10_000 },
    );
    expect(rows[0].error).toContain('not used');
  });

  it('answers 200 for an unknown room and records it as ignored', async () => {
    const id = `ev-${randomUUID()}`;
    const body = p.joined('no-such-room', id, randomUUID());
    expect((await post(p, body, p.sign(body))).status).toBe(200);
    await vi.waitFor(
      async () => {
        const r = await w.t.query<any>(`select status, error from webhook_event where provider_event_id = '${id}'`);
        expect(r[0]).toMatchObject({ status: 'ignored', error: 'no meeting for this provider room' });
      },
      { timeout: 10_000 },
    );
  });
});

describe('daily specifics', () => {
  it('answers Daily\'s unsigned {"test":"test"} verification ping with 200', async () => {
    const delivery = await w.daily.control.sendVerificationPing();
    expect(delivery.state).toBe('delivered');
    const res = await w.t.request('POST', '/v1/daily/webhook', { raw: '{"test":"test"}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
  });

  it('accepts a timestamp in milliseconds', async () => {
    const body = providers[0]!.joined(dailyMeeting.provider_room_name, `ev-${randomUUID()}`, randomUUID());
    const ts = String(Date.now());
    const res = await w.t.request('POST', '/v1/daily/webhook', {
      raw: body,
      headers: { 'x-webhook-signature': signDaily(w.dailySecret, ts, body), 'x-webhook-timestamp': ts },
    });
    expect(res.status).toBe(200);
  });
});
