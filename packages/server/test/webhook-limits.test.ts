import { randomUUID } from 'node:crypto';
import { signWhereby } from '@meetbridge/fakes';
import { signDailyWebhook } from '@meetbridge/platforms';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH } from '../src/modules/webhooks/limits.js';
import { startWorld, type World } from './helpers/world.js';

let w: World;
beforeAll(async () => {
  w = await startWorld({ RUN_WORKERS: 'false' });
});
afterAll(async () => w.close());

const nowS = () => Math.floor(Date.now() / 1000);

function dailyEvent(overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}): string {
  return JSON.stringify({
    version: '1.0.0',
    type: 'participant.joined',
    id: `ev-${randomUUID()}`,
    payload: { room: 'some-room', session_id: randomUUID(), joined_at: nowS(), ...payload },
    event_ts: nowS(),
    ...overrides,
  });
}

async function postDaily(body: string | Buffer) {
  const ts = String(nowS());
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const res = await fetch(`${w.t.url}/v1/daily/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-webhook-timestamp': ts,
      'x-webhook-signature': signDailyWebhook(w.dailySecret, ts, bytes),
    },
    body: bytes,
  });
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as any };
}

async function storedRows(): Promise<number> {
  const [row] = await w.t.query<{ n: number }>('select count(*)::int as n from webhook_event');
  return row!.n;
}

/** `{"a":{"a":…{"a":1}…}}` nested `depth` objects deep. */
const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

describe('jsonDepth', () => {
  it('counts nesting over the raw bytes, ignoring brackets inside strings', () => {
    expect(jsonDepth(Buffer.from('1'))).toBe(0);
    expect(jsonDepth(Buffer.from('{"a":[1,{"b":2}]}'))).toBe(3);
    expect(jsonDepth(Buffer.from('{"a":"[[[[{{{\\"]]"}'))).toBe(1);
    expect(jsonDepth(Buffer.from(nested(500)), 64)).toBe(65);
  });
});

describe('webhook deliveries no retry can fix are refused with 400 (401 for a timestamp), and nothing is stored', () => {
  it('refuses JSON nested deeper than the limit (7,000 and 50,000 levels, and one past the limit)', async () => {
    const before = await storedRows();
    for (const depth of [MAX_JSON_DEPTH + 1, 7_000, 50_000]) {
      const res = await postDaily(dailyEvent({}, { raw: 0 }).replace('"raw":0', `"raw":${nested(depth)}`));
      expect(res.status, `depth ${depth}`).toBe(400);
      expect(res.type).toContain('application/problem+json');
    }
    expect(await storedRows()).toBe(before);
    expect((await w.t.request('GET', '/health')).status).toBe(200);
    // The database still answers queries and errors normally afterwards (PGlite was wedged before).
    expect((await w.t.request('GET', '/ready')).status).toBe(200);
    expect((await postDaily(dailyEvent())).body).toEqual({ status: 'stored' });
  });

  it('accepts JSON nested up to the limit', async () => {
    const body = dailyEvent({}, { raw: 0 }).replace('"raw":0', `"raw":${nested(MAX_JSON_DEPTH - 3)}`);
    expect((await postDaily(body)).body).toEqual({ status: 'stored' });
  });

  it('refuses an event id over 255 characters (the unique index refuses ~2.7 kB)', async () => {
    const before = await storedRows();
    for (const length of [256, 3_000, 100_000]) {
      const res = await postDaily(dailyEvent({ id: 'x'.repeat(length) }));
      expect(res.status, `id of ${length}`).toBe(400);
    }
    expect(await storedRows()).toBe(before);
    expect((await postDaily(dailyEvent({ id: 'y'.repeat(255) }))).body).toEqual({ status: 'stored' });
  });

  it('refuses Daily timestamps outside the JavaScript date range with 401', async () => {
    const before = await storedRows();
    for (const body of [dailyEvent({}, { joined_at: 1e300 }), dailyEvent({ type: 'meeting.started' }, { start_ts: 9e15 })]) {
      const res = await postDaily(body);
      expect(res.status).toBe(401);
      expect(res.type).toContain('application/problem+json');
    }
    expect(await storedRows()).toBe(before);
  });

  it('refuses a signed body that is not valid UTF-8 with 400', async () => {
    const before = await storedRows();
    const body = Buffer.concat([Buffer.from(dailyEvent().slice(0, -1)), Buffer.from(',"x":"\xff\xfe"}', 'latin1')]);
    const res = await postDaily(body);
    expect(res.status).toBe(400);
    expect(await storedRows()).toBe(before);
  });

  it('refuses unstorable Whereby deliveries the same way', async () => {
    const body = JSON.stringify({
      id: 'w'.repeat(300),
      apiVersion: '1.0',
      createdAt: new Date().toISOString(),
      type: 'room.client.joined',
      data: { roomName: '/r', participantId: 'p', numClients: 1 },
    });
    const res = await w.t.request('POST', '/v1/whereby', {
      raw: body,
      headers: { 'content-type': 'application/json', 'whereby-signature': signWhereby(w.wherebySecret, nowS(), body) },
    });
    expect(res.status).toBe(400);
  });

  it('never answers "duplicate" unless the row is there: an insert that stored nothing is a 503', async () => {
    const inbox = w.t.server.container.webhooks.inbox;
    const spy = vi.spyOn(inbox, 'insert').mockResolvedValueOnce(false);
    try {
      const res = await postDaily(dailyEvent());
      expect(res.status).toBe(503);
    } finally {
      spy.mockRestore();
    }
    // A real duplicate is still a duplicate.
    const body = dailyEvent();
    expect((await postDaily(body)).body).toEqual({ status: 'stored' });
    expect((await postDaily(body)).body).toEqual({ status: 'duplicate' });
  });
});
