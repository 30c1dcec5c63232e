import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDailyFake, startWherebyFake, type DailyFake, type WherebyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';

let whereby: WherebyFake;
let daily: DailyFake;
beforeAll(async () => {
  whereby = await startWherebyFake({ apiKey: 'wb-key', subdomain: 'acme' });
  daily = await startDailyFake({ apiKey: 'dy-key', domain: 'acme' });
});
afterAll(async () => {
  await whereby.close();
  await daily.close();
});

const attr = (html: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];

describe('room pages (GET /_rooms/<room>, what browser tests route the real room URLs to)', () => {
  it('Whereby: names the room and the role its roomKey gives, and is not a recorded API request', async () => {
    const created = await call<{ roomUrl: string; hostRoomUrl: string }>(`${whereby.url}/meetings?fields=hostRoomUrl`, {
      method: 'POST',
      headers: bearer('wb-key'),
      body: { endDate: '2099-01-01T00:00:00.000Z', fields: ['hostRoomUrl'] },
    });
    expect(created.status).toBe(201);
    const host = new URL(created.body.hostRoomUrl);
    const room = host.pathname.slice(1);
    const before = whereby.requests.length;

    const asHost = await call(`${whereby.origin}/_rooms/${room}${host.search}&jsApi=true`);
    expect(asHost.status).toBe(200);
    expect(asHost.headers.get('content-type')).toContain('text/html');
    expect(attr(asHost.text, 'data-fake-room')).toBe('whereby');
    expect(attr(asHost.text, 'data-known')).toBe('true');
    expect(attr(asHost.text, 'data-role')).toBe('host');
    expect(asHost.text).toContain('parent.postMessage');
    expect(attr((await call(`${whereby.origin}/_rooms/${room}`)).text, 'data-role')).toBe('participant');
    expect(attr((await call(`${whereby.origin}/_rooms/nope`)).text, 'data-known')).toBe('false');
    expect(whereby.requests.length).toBe(before);
  });

  it('Daily: knows the room and tells whether the URL carries a meeting token, never showing it', async () => {
    expect((await call(`${daily.url}/rooms`, { method: 'POST', headers: bearer('dy-key'), body: { name: 'standup' } })).status).toBe(200);
    const clean = await call(`${daily.origin}/_rooms/standup?layout=browser&dailyJsVersion=0.87.0`);
    expect(attr(clean.text, 'data-known')).toBe('true');
    expect(attr(clean.text, 'data-token-in-url')).toBe('false');
    const withToken = await call(`${daily.origin}/_rooms/standup?t=secret-token`);
    expect(attr(withToken.text, 'data-token-in-url')).toBe('true');
    expect(withToken.text).not.toContain('secret-token');
  });
});
