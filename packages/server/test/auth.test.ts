import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './helpers/server.js';

const ISSUER = 'https://auth.test/';
const AUDIENCE = 'meetbridge';
let privateKey: CryptoKey;
let t: TestServer;

async function token(sub: string, overrides: { iss?: string; aud?: string; exp?: string; key?: CryptoKey } = {}) {
  return new SignJWT({ name: `${sub} name` })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setSubject(sub)
    .setIssuer(overrides.iss ?? ISSUER)
    .setAudience(overrides.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(overrides.exp ?? '5m')
    .sign(overrides.key ?? privateKey);
}
const as = async (sub: string) => ({ authorization: `Bearer ${await token(sub)}` });

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  t = await startTestServer({
    AUTH_BACKEND: 'jwt',
    AUTH_JWT_PUBLIC_KEY: await exportSPKI(pair.publicKey),
    AUTH_JWT_ISSUER: ISSUER,
    AUTH_JWT_AUDIENCE: AUDIENCE,
  });
});
afterAll(async () => t.close());

describe('AUTH_BACKEND=jwt', () => {
  it('makes `sub` the owner of the rooms it creates', async () => {
    const res = await t.request('POST', '/v1/rooms', { body: { name: 'alice-room' }, headers: await as('alice') });
    expect(res.status).toBe(201);
    expect(res.body.user_id).toBe('alice');
    const list = await t.request('GET', '/v1/rooms', { headers: await as('alice') });
    expect(list.body.items.map((r: { name: string }) => r.name)).toEqual(['alice-room']);
    expect((await t.request('GET', '/v1/rooms', { headers: await as('bob') })).body.items).toEqual([]);
  });

  it('lets an anonymous caller read a room by name and get its meeting, without the host URL', async () => {
    const room = await t.request('GET', '/v1/rooms/name/alice-room');
    expect(room.status).toBe(200);
    const meeting = await t.request('POST', '/v1/rooms/alice-room/meeting');
    expect(meeting.status).toBe(201);
    expect(meeting.body.host_room_url).toBeNull();
    const owner = await t.request('GET', `/v1/meetings/${meeting.body.id}`, { headers: await as('alice') });
    expect(owner.body.host_room_url).toMatch(/\?role=host$/);
    const other = await t.request('GET', `/v1/meetings/${meeting.body.id}`, { headers: await as('bob') });
    expect(other.body.host_room_url).toBeNull();
  });

  it('refuses anonymous create, list, edit and delete with 401 problem details', async () => {
    const room = (await t.request('GET', '/v1/rooms/name/alice-room')).body;
    for (const [method, path, body] of [
      ['POST', '/v1/rooms', { name: 'anon' }],
      ['GET', '/v1/rooms', undefined],
      ['PATCH', `/v1/rooms/${room.id}`, { is_locked: true }],
      ['DELETE', `/v1/rooms/${room.id}`, undefined],
    ] as const) {
      const res = await t.request(method, path, { body });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('refuses edits, deletes and deactivation by someone other than the owner with 403', async () => {
    const room = (await t.request('GET', '/v1/rooms/name/alice-room')).body;
    expect((await t.request('PATCH', `/v1/rooms/${room.id}`, { body: { is_locked: true }, headers: await as('bob') })).status).toBe(403);
    expect((await t.request('DELETE', `/v1/rooms/${room.id}`, { headers: await as('bob') })).status).toBe(403);
    const meeting = (await t.request('POST', '/v1/rooms/alice-room/meeting')).body;
    expect((await t.request('PATCH', `/v1/meetings/${meeting.id}/deactivate`, { headers: await as('bob') })).status).toBe(403);
    expect((await t.request('PATCH', `/v1/meetings/${meeting.id}/deactivate`)).status).toBe(401);
    expect((await t.request('PATCH', `/v1/meetings/${meeting.id}/deactivate`, { headers: await as('alice') })).status).toBe(200);
  });

  it('answers 401 for a token with the wrong issuer, audience, key, or an expired one', async () => {
    const other = (await generateKeyPair('ES256')).privateKey;
    for (const bad of [
      await token('alice', { iss: 'https://evil/' }),
      await token('alice', { aud: 'other' }),
      await token('alice', { key: other }),
      await token('alice', { exp: '-1m' }),
      'not.a.jwt',
    ]) {
      const res = await t.request('GET', '/v1/rooms', { headers: { authorization: `Bearer ${bad}` } });
      expect(res.status).toBe(401);
      expect(JSON.stringify(res.body)).not.toContain(bad);
    }
    expect((await t.request('GET', '/v1/rooms', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });

  it('refuses a token without exp, with a future iat, valid for longer than the maximum age, or issued too long ago', async () => {
    const now = Math.floor(Date.now() / 1000);
    const base = () => new SignJWT({}).setProtectedHeader({ alg: 'ES256' }).setSubject('alice').setIssuer(ISSUER).setAudience(AUDIENCE);
    const bad = {
      'no exp': await base().setIssuedAt().sign(privateKey),
      'no exp, no iat': await base().sign(privateKey),
      'iat an hour ahead': await base()
        .setIssuedAt(now + 3600)
        .setExpirationTime(now + 7200)
        .sign(privateKey),
      'valid for a year': await base().setIssuedAt().setExpirationTime('365d').sign(privateKey),
      'valid for a year, no iat': await base().setExpirationTime('365d').sign(privateKey),
      'issued 2 days ago, still valid': await base()
        .setIssuedAt(now - 2 * 86_400)
        .setExpirationTime(now + 60)
        .sign(privateKey),
    };
    for (const [what, jwt] of Object.entries(bad)) {
      const res = await t.request('GET', '/v1/rooms', { headers: { authorization: `Bearer ${jwt}` } });
      expect(res.status, what).toBe(401);
    }
    // Within the skew (60 s) an iat slightly ahead is accepted.
    const slightlyAhead = await base()
      .setIssuedAt(now + 20)
      .setExpirationTime(now + 600)
      .sign(privateKey);
    expect((await t.request('GET', '/v1/rooms', { headers: { authorization: `Bearer ${slightlyAhead}` } })).status).toBe(200);
  });

  it('refuses a validly signed token whose sub holds a NUL or is too long, with 401 (not 500)', async () => {
    for (const sub of ['ali\u0000ce', 'x'.repeat(300)]) {
      const res = await t.request('GET', '/v1/rooms', { headers: { authorization: `Bearer ${await token(sub)}` } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('AUTH_BACKEND=jwt with a JWKS URL', () => {
  let jwks: HttpServer;
  let server: TestServer;
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
    jwks = createHttpServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', r));
    const port = (jwks.address() as { port: number }).port;
    server = await startTestServer({
      AUTH_BACKEND: 'jwt',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      AUTH_JWT_ISSUER: ISSUER,
      AUTH_JWT_AUDIENCE: AUDIENCE,
    });
  });
  afterAll(async () => {
    await server.close();
    jwks.close();
  });

  it('verifies tokens against the key set', async () => {
    const signed = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('carol')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    const res = await server.request('POST', '/v1/rooms', { body: { name: 'carol-room' }, headers: { authorization: `Bearer ${signed}` } });
    expect(res.status).toBe(201);
    expect(res.body.user_id).toBe('carol');
  });
});
