import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDailyFake, startWherebyFake } from '../src/index.js';
import type { DailyFake, WherebyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';
import { startReceiver } from './helpers/receiver.js';
import type { Receiver } from './helpers/receiver.js';

let daily: DailyFake;
let whereby: WherebyFake;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  daily = await startDailyFake({ apiKey: 'd' });
  whereby = await startWherebyFake({ apiKey: 'w' });
});
afterAll(async () => {
  await Promise.all([daily.close(), whereby.close()]);
  await receiver.close();
});

describe('HTTP control API (Daily)', () => {
  it('drives a call, exposes state and the exact request bodies, injects faults and resets', async () => {
    const body = '{"name":"ctl","properties":{"enable_recording":"cloud"}}';
    expect((await call(`${daily.url}/rooms`, { method: 'POST', headers: bearer('d'), body })).status).toBe(200);
    expect((await call(`${daily.origin}/_control/webhook-url`, { method: 'PUT', body: { url: receiver.url } })).status).toBe(204);
    const joined = await call(`${daily.origin}/_control/participants`, { method: 'POST', body: { room: 'ctl', userName: 'Ann' } });
    expect(joined.status).toBe(201);
    expect(receiver.json().map((e) => e.type)).toEqual(['meeting.started', 'participant.joined']);

    const state = await call<{ rooms: { name: string; participants: unknown[] }[] }>(`${daily.origin}/_control/state`);
    expect(state.body.rooms[0]).toMatchObject({ name: 'ctl', participants: [{ sessionId: joined.body.sessionId, userName: 'Ann' }] });
    const requests = await call<{ method: string; path: string; rawBody: string; status: number }[]>(`${daily.origin}/_control/requests`);
    expect(requests.body).toEqual([expect.objectContaining({ method: 'POST', path: '/v1/rooms', rawBody: body, status: 200 })]);

    expect(
      (await call(`${daily.origin}/_control/faults`, { method: 'POST', body: { path: '/v1/rooms/**', status: 500, times: -1 } })).status,
    ).toBe(204);
    expect((await call(`${daily.url}/rooms/ctl`, { headers: bearer('d') })).status).toBe(500);
    expect((await call(`${daily.url}/rooms/ctl/presence`, { headers: bearer('d') })).status).toBe(500);
    await call(`${daily.origin}/_control/faults`, { method: 'DELETE' });
    expect((await call(`${daily.url}/rooms/ctl`, { headers: bearer('d') })).status).toBe(200);

    expect((await call(`${daily.origin}/_control/reset`, { method: 'POST' })).status).toBe(204);
    expect((await call<{ rooms: unknown[] }>(`${daily.origin}/_control/state`)).body.rooms).toEqual([]);
  });

  it('answers control errors with a status and {error}', async () => {
    const res = await call(`${daily.origin}/_control/participants`, { method: 'POST', body: { room: 'nope' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: expect.stringContaining('nope') });
  });
});

describe('HTTP control API (Whereby)', () => {
  it('holds webhooks and flushes them reversed over HTTP', async () => {
    receiver.received.length = 0;
    const created = await call(`${whereby.url}/meetings`, {
      method: 'POST',
      headers: bearer('w'),
      body: { endDate: '2099-01-01T00:00:00Z' },
    });
    await call(`${whereby.origin}/_control/webhook-url`, { method: 'PUT', body: { url: receiver.url } });
    await call(`${whereby.origin}/_control/webhook-options`, { method: 'PUT', body: { hold: true } });
    const a = await call(`${whereby.origin}/_control/participants`, {
      method: 'POST',
      body: { meetingId: created.body.meetingId, displayName: 'A' },
    });
    await call(`${whereby.origin}/_control/participants`, {
      method: 'POST',
      body: { meetingId: created.body.meetingId, displayName: 'B' },
    });
    expect(receiver.received).toHaveLength(0);
    const flushed = await call<unknown[]>(`${whereby.origin}/_control/webhooks/flush`, { method: 'POST', body: { order: 'reversed' } });
    expect(flushed.body).toHaveLength(3);
    expect(receiver.json<{ type: string; data: { displayName?: string } }>().map((e) => `${e.type}:${e.data.displayName ?? ''}`)).toEqual([
      'room.session.started:',
      'room.client.joined:B',
      'room.client.joined:A',
    ]);
    expect(
      (await call(`${whereby.origin}/_control/participants/remove`, { method: 'POST', body: { participantId: a.body.participantId } }))
        .status,
    ).toBe(204);
  });
});
