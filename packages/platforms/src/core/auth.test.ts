import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bearerAuth, DEFAULT_JWT_TTL_SECONDS, signedJwtAuth, signHs256Jwt, type AuthRequest } from './auth.js';

/** A JWT computed with openssl, independently of the implementation (see the fixture's `_how`). */
const vector = JSON.parse(readFileSync(new URL('../../test/fixtures/jwt-vector.json', import.meta.url), 'utf8')) as {
  secret: string;
  payload: string;
  token: string;
};

const NOW = new Date('2026-03-01T10:00:00Z');
const NOW_S = NOW.getTime() / 1000;
const call = (grant?: Record<string, unknown>): AuthRequest => ({ operation: 'createRoom', method: 'POST', path: '/x', grant });

function decode(authorization: string | undefined): { header: unknown; payload: Record<string, unknown>; token: string } {
  const token = (authorization ?? '').replace(/^Bearer /, '');
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown);
  return { header, payload: payload as Record<string, unknown>, token };
}

describe('signHs256Jwt', () => {
  it('reproduces the openssl vector byte for byte', () => {
    expect(signHs256Jwt(JSON.parse(vector.payload) as Record<string, unknown>, vector.secret)).toBe(vector.token);
  });
});

describe('bearerAuth', () => {
  it('sends the key as a bearer token and lists it as a secret', async () => {
    const auth = bearerAuth('key-123');
    expect(await auth.headers(call())).toEqual({ authorization: 'Bearer key-123' });
    expect(auth.secrets).toEqual(['key-123']);
  });
});

describe('signedJwtAuth', () => {
  const auth = signedJwtAuth({ issuer: 'APItestkey', secret: vector.secret, clock: { now: () => NOW } });

  it("mints an HS256 token per call carrying only that call's grant, the issuer and a 10 min lifetime", async () => {
    const first = decode((await auth.headers(call({ video: { roomCreate: true } }))).authorization);
    expect(first.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(first.payload).toEqual({ video: { roomCreate: true }, iss: 'APItestkey', nbf: NOW_S, exp: NOW_S + DEFAULT_JWT_TTL_SECONDS });
    const second = decode((await auth.headers(call({ video: { roomAdmin: true, room: 'r1' } }))).authorization);
    expect(second.payload.video).toEqual({ roomAdmin: true, room: 'r1' });
  });

  it('signs with the secret exactly like the openssl vector', async () => {
    const at = new Date(1772359200_000);
    const minted = signedJwtAuth({ issuer: 'APItestkey', secret: vector.secret, clock: { now: () => at } });
    expect(decode((await minted.headers(call({ video: { roomCreate: true } }))).authorization).token).toBe(vector.token);
  });

  it('merges default claims under the grant, honours ttlSeconds, and lists the secret for redaction', async () => {
    const custom = signedJwtAuth({
      issuer: 'k',
      secret: 's3cret-value',
      ttlSeconds: 60,
      claims: { sub: 'meetbridge', video: { roomList: true } },
      clock: { now: () => NOW },
    });
    expect(decode((await custom.headers(call())).authorization).payload).toEqual({
      sub: 'meetbridge',
      video: { roomList: true },
      iss: 'k',
      nbf: NOW_S,
      exp: NOW_S + 60,
    });
    expect(decode((await custom.headers(call({ video: { roomRecord: true } }))).authorization).payload.video).toEqual({
      roomRecord: true,
    });
    expect(custom.secrets).toEqual(['s3cret-value']);
  });

  it('uses the system clock by default', async () => {
    const { payload } = decode((await signedJwtAuth({ issuer: 'k', secret: 's' }).headers(call())).authorization);
    expect(Math.abs((payload.nbf as number) - Date.now() / 1000)).toBeLessThan(5);
  });
});
