import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeTokenClaims, startDailyFake } from '../src/index.js';
import type { DailyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';

let fake: DailyFake;
const KEY = 'daily-key';
const auth = bearer(KEY);
const BUCKET = {
  bucket_name: 'rec',
  bucket_region: 'us-east-1',
  assume_role_arn: 'arn:aws:iam::123456789012:role/DailyS3AccessRole',
  allow_api_access: true,
};

beforeAll(async () => {
  fake = await startDailyFake({ apiKey: KEY, domain: 'acme', domainId: 'dom-1' });
});
afterAll(async () => fake.close());
afterEach(() => fake.control.reset());

const createRoom = (body: unknown) => call(`${fake.url}/rooms`, { method: 'POST', headers: auth, body });

describe('Daily auth', () => {
  it('answers 400 authorization-header-error when the header is missing', async () => {
    const res = await call(`${fake.url}/rooms`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'authorization-header-error', info: expect.any(String) });
  });

  it('answers 400 authorization-header-error for a malformed header', async () => {
    const res = await call(`${fake.url}/rooms`, { headers: { authorization: `Token ${KEY}` } });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('authorization-header-error');
  });

  it('answers 401 authentication-error for a wrong key', async () => {
    const res = await call(`${fake.url}/rooms`, { headers: bearer('wrong') });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'authentication-error', info: expect.any(String) });
  });

  it('answers 400 json-parsing-error for a body that is not JSON', async () => {
    const res = await call(`${fake.url}/rooms`, { method: 'POST', headers: auth, body: '{"name":' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('json-parsing-error');
  });
});

describe('POST /rooms validation', () => {
  it.each([
    ['boolean enable_recording', { properties: { enable_recording: false } }, 'enable_recording'],
    [
      'an unknown property (allow_streaming_from_bucket at the room level)',
      { properties: { allow_streaming_from_bucket: true } },
      'allow_streaming_from_bucket',
    ],
    ['raw-tracks without recordings_bucket', { properties: { enable_recording: 'raw-tracks' } }, 'recordings_bucket'],
    [
      'a recordings_bucket without assume_role_arn',
      { properties: { recordings_bucket: { ...BUCKET, assume_role_arn: undefined } } },
      'assume_role_arn',
    ],
    ['an unknown recordings_bucket field', { properties: { recordings_bucket: { ...BUCKET, region: 'x' } } }, 'region'],
    ['a float exp', { properties: { exp: 1730003600.5 } }, 'exp'],
    ['a room name with "/"', { name: 'a/b' }, 'name'],
    ['a 129-character room name', { name: 'a'.repeat(129) }, 'name'],
    ['privacy "secret"', { privacy: 'secret' }, 'privacy'],
    ['a recordings_template without {epoch_time}', { properties: { recordings_template: '{room_name}/x' } }, 'epoch_time'],
  ])('rejects %s with 400 invalid-request-error', async (_label, body, mentioned) => {
    const res = await createRoom(JSON.parse(JSON.stringify(body)));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-request-error');
    expect(String(res.body.info)).toContain(mentioned);
  });

  it('rejects a duplicate room name', async () => {
    expect((await createRoom({ name: 'dup' })).status).toBe(200);
    const again = await createRoom({ name: 'dup' });
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid-request-error');
  });
});

describe('rooms', () => {
  it('creates a room with config holding only non-default properties', async () => {
    const properties = {
      exp: 4102444800,
      enable_chat: false,
      enable_recording: 'raw-tracks',
      recordings_bucket: { ...BUCKET, allow_streaming_from_bucket: true },
    };
    const res = await createRoom({ name: 'standup_1', privacy: 'private', properties });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'standup_1',
      api_created: true,
      privacy: 'private',
      url: 'https://acme.daily.co/standup_1',
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/),
      config: { exp: 4102444800, enable_recording: 'raw-tracks', recordings_bucket: { ...BUCKET, allow_streaming_from_bucket: true } },
    });
    expect((await call(`${fake.url}/rooms/standup_1`, { headers: auth })).body).toEqual(res.body);
  });

  it('generates a name when none is given', async () => {
    const res = await createRoom({});
    expect(res.body.name).toMatch(/^[A-Za-z0-9]{20}$/);
  });

  it('deletes with 200 {deleted, name}, then answers 404', async () => {
    await createRoom({ name: 'gone' });
    const del = await call(`${fake.url}/rooms/gone`, { method: 'DELETE', headers: auth });
    expect(del.status).toBe(200);
    expect(del.body).toEqual({ deleted: true, name: 'gone' });
    expect((await call(`${fake.url}/rooms/gone`, { method: 'DELETE', headers: auth })).status).toBe(404);
    expect((await call(`${fake.url}/rooms/gone`, { headers: auth })).body.error).toBe('not-found');
  });
});

describe('presence and meetings', () => {
  it('reports presence with camelCase fields and meetings with snake_case ones', async () => {
    await createRoom({ name: 'live' });
    const p = await fake.control.addParticipant({ room: 'live', userId: 'user-1', userName: 'Ann' });
    const presence = await call(`${fake.url}/rooms/live/presence`, { headers: auth });
    expect(presence.body).toEqual({
      total_count: 1,
      data: [
        {
          room: 'live',
          id: p.sessionId,
          userId: 'user-1',
          userName: 'Ann',
          mtgSessionId: p.meetingId,
          joinTime: expect.stringMatching(/\.000Z$/),
          duration: expect.any(Number),
        },
      ],
    });
    const meetings = await call(`${fake.url}/meetings?room=live`, { headers: auth });
    expect(meetings.body).toMatchObject({
      total_count: 1,
      data: [
        {
          id: p.meetingId,
          room: 'live',
          ongoing: true,
          max_participants: 1,
          participants: [{ user_id: 'user-1', user_name: 'Ann', participant_id: p.sessionId }],
        },
      ],
    });
    await fake.control.removeParticipant({ room: 'live', sessionId: p.sessionId });
    const after = await call(`${fake.url}/meetings/${p.meetingId}`, { headers: auth });
    expect(after.body.ongoing).toBe(false);
    expect((await call(`${fake.url}/rooms/live/presence`, { headers: auth })).body).toEqual({ total_count: 0, data: [] });
  });
});

describe('joining', () => {
  it('refuses joins into an expired room, with an expired token, or into a full room', async () => {
    await createRoom({ name: 'old', properties: { exp: 1_000_000_000 } });
    await expect(fake.control.addParticipant({ room: 'old' })).rejects.toMatchObject({ status: 403 });
    await createRoom({ name: 'small', properties: { max_participants: 1 } });
    await fake.control.addParticipant({ room: 'small' });
    await expect(fake.control.addParticipant({ room: 'small' })).rejects.toThrow(/full/);
    const res = await call<{ token: string }>(`${fake.url}/meeting-tokens`, {
      method: 'POST',
      headers: auth,
      body: { properties: { exp: 1_000_000_000 } },
    });
    await createRoom({ name: 'open' });
    await expect(fake.control.addParticipant({ room: 'open', token: res.body.token })).rejects.toThrow(/exp-token/);
  });
});

describe('meeting tokens', () => {
  it('issues an HS256 JWT signed with the API key and records its properties', async () => {
    const properties = { room_name: 'r', exp: 4102444800, is_owner: true, user_id: 'u-123', user_name: 'Ann' };
    const res = await call<{ token: string }>(`${fake.url}/meeting-tokens`, { method: 'POST', headers: auth, body: { properties } });
    expect(res.status).toBe(200);
    const [header = '', payload = '', signature = ''] = res.body.token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(createHmac('sha256', KEY).update(`${header}.${payload}`).digest('base64url')).toBe(signature);
    expect(decodeTokenClaims(res.body.token)).toMatchObject({ r: 'r', exp: 4102444800, o: true, ud: 'u-123', u: 'Ann', d: 'dom-1' });
    expect(fake.control.tokens()).toEqual([{ token: res.body.token, properties, createdAtMs: expect.any(Number) }]);
    const validated = await call(`${fake.url}/meeting-tokens/${res.body.token}`, { headers: auth });
    expect(validated.body).toEqual(properties);
  });

  it('rejects a user_id longer than 36 characters and unknown properties', async () => {
    const long = await call(`${fake.url}/meeting-tokens`, {
      method: 'POST',
      headers: auth,
      body: { properties: { user_id: 'x'.repeat(37) } },
    });
    expect(long.status).toBe(400);
    const unknown = await call(`${fake.url}/meeting-tokens`, { method: 'POST', headers: auth, body: { properties: { room: 'r' } } });
    expect(unknown.body.error).toBe('invalid-request-error');
  });

  it('lets a participant join with an issued token: user_id, user_name and owner come from it', async () => {
    await createRoom({ name: 'tok' });
    const res = await call<{ token: string }>(`${fake.url}/meeting-tokens`, {
      method: 'POST',
      headers: auth,
      body: { properties: { room_name: 'tok', user_id: 'u-9', user_name: 'Zed', is_owner: true } },
    });
    const p = await fake.control.addParticipant({ room: 'tok', token: res.body.token });
    expect(p).toMatchObject({ userId: 'u-9', userName: 'Zed', owner: true });
  });
});

describe('a create whose reply is lost (fault lostReply)', () => {
  const roomNamed = (name: string) => fake.control.state().rooms.find((r) => r.name === name);

  it('destroy: the room is created, and the connection closes without an answer', async () => {
    fake.control.setFault({ method: 'POST', path: '/v1/rooms', lostReply: 'destroy' });
    await expect(createRoom({ name: 'lost-destroyed' })).rejects.toThrow();
    expect(roomNamed('lost-destroyed')).toMatchObject({ deleted: false });
    // The name is taken: a repeat of the create fails as Daily's does.
    expect((await createRoom({ name: 'lost-destroyed' })).status).toBe(400);
  });

  it('delay: the room is created, and the answer comes only after the client gave up', async () => {
    fake.control.setFault({ method: 'POST', path: '/v1/rooms', lostReply: 'delay', delayMs: 1_000 });
    const sent = fetch(`${fake.url}/rooms`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lost-delayed' }),
      signal: AbortSignal.timeout(200),
    });
    await expect(sent).rejects.toThrow(/abort|timeout/i);
    await vi.waitFor(() => expect(roomNamed('lost-delayed')).toMatchObject({ deleted: false }));
  });

  it('refuses an unknown lostReply mode', () => {
    expect(() => fake.control.setFault({ path: '/v1/rooms', lostReply: 'vanish' as 'delay' })).toThrow(/lostReply/);
  });
});
