import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWherebyFake } from '../src/index.js';
import type { WherebyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';

let fake: WherebyFake;
const FUTURE = '2099-02-18T14:23:00.000Z';
/** The fake's clock (unix ms), moved by the tests instead of sleeping. */
let now = Date.now();

beforeAll(async () => {
  fake = await startWherebyFake({ apiKey: 'wb-key', subdomain: 'acme', now: () => now });
});
afterAll(async () => fake.close());
afterEach(() => fake.control.reset());

function createMeeting(body: Record<string, unknown>, key = 'wb-key') {
  return call(`${fake.url}/meetings`, { method: 'POST', headers: bearer(key), body });
}

describe('Whereby auth', () => {
  it('answers 401 with a JSON error body when the Authorization header is missing', async () => {
    const res = await call(`${fake.url}/meetings`, { method: 'POST', body: { endDate: FUTURE } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'Access token is missing or invalid' });
  });

  it('answers 401 for a wrong API key and creates nothing', async () => {
    const res = await createMeeting({ endDate: FUTURE }, 'not-the-key');
    expect(res.status).toBe(401);
    expect(fake.control.state().meetings).toHaveLength(0);
  });
});

describe('POST /meetings validation', () => {
  it.each([
    ['a leading "/" in roomNamePrefix', { endDate: FUTURE, roomNamePrefix: '/room-' }],
    ['a 40-character roomNamePrefix', { endDate: FUTURE, roomNamePrefix: 'a'.repeat(40) }],
    ['a missing endDate', { roomMode: 'normal' }],
    ['an endDate in the past', { endDate: '2001-01-01T00:00:00Z' }],
    ['a non-ISO endDate', { endDate: 'tomorrow' }],
    ['an unknown roomMode', { endDate: FUTURE, roomMode: 'huge' }],
    ['an unknown roomNamePattern', { endDate: FUTURE, roomNamePattern: 'words' }],
    [
      'an unknown recording type',
      { endDate: FUTURE, recording: { type: 'server', destination: { provider: 'whereby' }, startTrigger: 'none' } },
    ],
    ['a recording without startTrigger', { endDate: FUTURE, recording: { type: 'cloud', destination: { provider: 'whereby' } } }],
    [
      'an s3 destination without credentials',
      { endDate: FUTURE, recording: { type: 'cloud', destination: { provider: 's3', bucket: 'b' }, startTrigger: 'none' } },
    ],
    [
      'an unknown startTrigger',
      { endDate: FUTURE, recording: { type: 'cloud', destination: { provider: 'whereby' }, startTrigger: 'later' } },
    ],
  ])('rejects %s with 400', async (_label, body) => {
    const res = await createMeeting(body);
    expect(res.status).toBe(400);
    expect(typeof res.body.error).toBe('string');
  });

  it('names the field in the error message', async () => {
    const res = await createMeeting({ endDate: FUTURE, roomNamePrefix: '/room-' });
    expect(res.body.error).toContain('roomNamePrefix');
  });

  it('tolerates unknown top-level fields and lower-cases the prefix', async () => {
    const res = await createMeeting({ endDate: FUTURE, roomNamePrefix: 'Team A-', someFutureField: { x: 1 } });
    expect(res.status).toBe(201);
    expect(res.body.roomName).toMatch(/^\/teama-[0-9a-f-]{36}$/);
  });
});

describe('meetings', () => {
  it('creates a meeting: roomName with "/", roomUrl on the subdomain, hostRoomUrl only when requested', async () => {
    const body = {
      endDate: '2099-02-18T15:23:00+01:00',
      roomNamePrefix: 'customer-',
      roomMode: 'group',
      isLocked: true,
      fields: ['hostRoomUrl'],
      recording: {
        type: 'cloud',
        destination: { provider: 's3', bucket: 'b/rec', accessKeyId: 'AKIA', accessKeySecret: 's', fileFormat: 'mp4' },
        startTrigger: 'automatic-2nd-participant',
      },
    };
    const res = await createMeeting(body);
    expect(res.status).toBe(201);
    const name = String(res.body.roomName).slice(1);
    expect(res.body).toEqual({
      meetingId: expect.any(String),
      roomName: expect.stringMatching(/^\/customer-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      roomUrl: `https://acme.whereby.com/${name}`,
      hostRoomUrl: expect.stringMatching(new RegExp(`^https://acme\\.whereby\\.com/${name}\\?roomKey=\\w+$`)),
      startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
      endDate: '2099-02-18T14:23:00Z',
    });
    expect(fake.requests.at(-1)?.rawBody).toBe(JSON.stringify(body));
  });

  it('omits hostRoomUrl unless requested, and supports the human-short pattern', async () => {
    const res = await createMeeting({ endDate: FUTURE, roomNamePattern: 'human-short' });
    expect(res.body).not.toHaveProperty('hostRoomUrl');
    expect(res.body.roomName).toMatch(/^\/[a-z0-9]{6}$/);
  });

  it('reads a meeting by id with ?fields=hostRoomUrl, deletes it idempotently with 204, then 404s', async () => {
    const created = await createMeeting({ endDate: FUTURE });
    const id = String(created.body.meetingId);
    const read = await call(`${fake.url}/meetings/${id}?fields=hostRoomUrl`, { headers: bearer('wb-key') });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ meetingId: id, roomName: created.body.roomName, hostRoomUrl: expect.any(String) });
    for (let i = 0; i < 2; i += 1) {
      const del = await call(`${fake.url}/meetings/${id}`, { method: 'DELETE', headers: bearer('wb-key') });
      expect(del.status).toBe(204);
      expect(del.text).toBe('');
    }
    expect((await call(`${fake.url}/meetings/${id}`, { headers: bearer('wb-key') })).status).toBe(404);
  });
});

describe('insights, logo, recordings', () => {
  it('lists room sessions by roomName (with the leading "/") and their participants, once the insights lag has passed', async () => {
    const created = await createMeeting({ endDate: FUTURE });
    const roomName = String(created.body.roomName);
    const p = await fake.control.addParticipant({ roomName, displayName: 'Ann', externalId: 'ext-1' });
    await fake.control.addParticipant({ roomName, displayName: 'Bo', externalId: 'ext-2' });
    now += 600_000;
    const sessions = await call(`${fake.url}/insights/room-sessions?roomName=${encodeURIComponent(roomName)}`, {
      headers: bearer('wb-key'),
    });
    expect(sessions.body).toMatchObject({
      cursor: null,
      results: [{ roomSessionId: p.roomSessionId, roomName, endedAt: null, totalUniqueParticipants: 2 }],
    });
    const withoutSlash = await call(`${fake.url}/insights/room-sessions?roomName=${encodeURIComponent(roomName.slice(1))}`, {
      headers: bearer('wb-key'),
    });
    expect(withoutSlash.body.results).toEqual([]);
    const participants = await call(`${fake.url}/insights/participants?roomSessionId=${p.roomSessionId}`, { headers: bearer('wb-key') });
    expect(participants.body).toMatchObject({
      results: [
        { participantId: p.participantId, displayName: 'Ann', externalId: 'ext-1', leftAt: null },
        { displayName: 'Bo', externalId: 'ext-2', leftAt: null },
      ],
    });
  });

  it('accepts a multipart logo in the "image" field with 204 and rejects a form without it', async () => {
    const created = await createMeeting({ endDate: FUTURE });
    const name = String(created.body.roomName).slice(1);
    const form = new FormData();
    form.append('image', new Blob([Buffer.from('PNGDATA')], { type: 'image/png' }), 'logo.png');
    const ok = await fetch(`${fake.url}/rooms/${name}/theme/logo`, { method: 'PUT', headers: bearer('wb-key'), body: form });
    expect(ok.status).toBe(204);
    expect(fake.control.state().meetings[0]?.logo).toEqual({ contentType: 'image/png', size: 7 });
    const other = new FormData();
    other.append('file', new Blob([Buffer.from('x')]), 'x.png');
    const bad = await fetch(`${fake.url}/rooms/${name}/theme/logo`, { method: 'PUT', headers: bearer('wb-key'), body: other });
    expect(bad.status).toBe(400);
  });

  it('gives access links with expires in ms for Whereby-hosted recordings and 403 for S3 ones', async () => {
    const hosted = await createMeeting({
      endDate: FUTURE,
      recording: { type: 'cloud', destination: { provider: 'whereby' }, startTrigger: 'none' },
    });
    await fake.control.addParticipant({ meetingId: String(hosted.body.meetingId) });
    const rec = await fake.control.finishRecording({ meetingId: String(hosted.body.meetingId) });
    const link = await call(`${fake.url}/recordings/${rec.recordingId}/access-link?validForSeconds=600`, { headers: bearer('wb-key') });
    expect(link.status).toBe(200);
    expect(Number(link.body.expires)).toBe(now + 600_000);
    const file = await fetch(String(link.body.accessLink));
    expect(file.status).toBe(200);
    const s3 = await createMeeting({
      endDate: FUTURE,
      recording: {
        type: 'cloud',
        destination: { provider: 's3', bucket: 'b', accessKeyId: 'a', accessKeySecret: 's' },
        startTrigger: 'none',
      },
    });
    await fake.control.addParticipant({ meetingId: String(s3.body.meetingId) });
    const s3rec = await fake.control.finishRecording({ meetingId: String(s3.body.meetingId) });
    expect((await call(`${fake.url}/recordings/${s3rec.recordingId}/access-link`, { headers: bearer('wb-key') })).status).toBe(403);
  });
});

describe('Whereby faults', () => {
  it('answers the next matching request with the documented 429 body and Retry-After, then recovers', async () => {
    fake.control.setFault({ path: '/v1/meetings', method: 'POST', status: 429, retryAfterSeconds: 7 });
    const limited = await createMeeting({ endDate: FUTURE });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body).toEqual({ error: 'Rate limit active for throttle key: organization:1', data: { msLeft: 7000 } });
    expect((await createMeeting({ endDate: FUTURE })).status).toBe(201);
  });

  it('injects 5xx on a path pattern for N requests and delays another', async () => {
    fake.control.setFault({ path: '/v1/meetings/*', status: 503, times: 2 });
    const a = await call(`${fake.url}/meetings/1`, { headers: bearer('wb-key') });
    const b = await call(`${fake.url}/meetings/1`, { headers: bearer('wb-key') });
    const c = await call(`${fake.url}/meetings/1`, { headers: bearer('wb-key') });
    expect([a.status, b.status, c.status]).toEqual([503, 503, 404]);
    fake.control.setFault({ path: '/v1/meetings', delayMs: 150 });
    const started = performance.now();
    expect((await createMeeting({ endDate: FUTURE })).status).toBe(201);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });
});
