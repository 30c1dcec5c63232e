import { createPublicKey, type KeyObject } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AuthConfig } from '../config/index.js';
import { UnauthorizedError } from '../lib/errors.js';
import { hasControlCharacters } from '../lib/text.js';

/** The caller of a request. */
export interface User {
  id: string;
  name: string | null;
}

/** With `AUTH_BACKEND=none` every request acts as this one local user. */
export const LOCAL_USER: User = { id: 'local', name: 'Local user' };

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated caller, or `null` when anonymous. */
    user: User | null;
  }
  interface FastifyContextConfig {
    /** `false` on routes that authenticate by other means (provider webhooks, health). */
    auth?: boolean;
  }
}

/** Returns the caller or throws 401: for routes that need a signed-in user. */
export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw new UnauthorizedError('Sign in first: send "Authorization: Bearer <token>".');
  return request.user;
}

type Verifier = (token: string) => Promise<User>;

/** Longest accepted `sub` and `name` (user ids are stored in rows and compared; a bound keeps them sane). */
const MAX_CLAIM_LENGTH = 255;

/**
 * Checks the token's lifetime beyond jose's own checks: `exp` is required (jose), `iat` may not lie
 * in the future beyond the skew, and the token may not be valid for longer than `maxAgeSeconds`
 * (`exp - iat`, or `exp - now` when there is no `iat`; an `iat` older than that is refused too).
 */
function checkLifetime(payload: { exp?: number; iat?: number }, maxAgeSeconds: number, skew: number, now: number): void {
  const exp = payload.exp!;
  if (payload.iat !== undefined) {
    if (payload.iat > now + skew) throw new Error('iat in the future');
    if (now - payload.iat > maxAgeSeconds + skew) throw new Error('token too old');
    if (exp - payload.iat > maxAgeSeconds) throw new Error('token lifetime too long');
  } else if (exp - now > maxAgeSeconds + skew) {
    throw new Error('token lifetime too long');
  }
}

function makeVerifier(auth: Extract<AuthConfig, { backend: 'jwt' }>): Verifier {
  const key: JWTVerifyGetKey | KeyObject = auth.jwksUrl
    ? createRemoteJWKSet(new URL(auth.jwksUrl))
    : createPublicKey(auth.publicKeyPem ?? '');
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, key as KeyObject, {
        issuer: auth.issuer,
        audience: auth.audience,
        requiredClaims: ['exp'],
        clockTolerance: auth.clockSkewSeconds,
      });
      checkLifetime(payload, auth.maxAgeSeconds, auth.clockSkewSeconds, Math.floor(Date.now() / 1000));
      const sub = payload.sub;
      if (typeof sub !== 'string' || sub === '' || sub.length > MAX_CLAIM_LENGTH || hasControlCharacters(sub)) throw new Error('bad sub');
      const rawName = typeof payload.name === 'string' ? payload.name : typeof payload.email === 'string' ? payload.email : null;
      const name = rawName === null || hasControlCharacters(rawName) ? null : rawName.slice(0, MAX_CLAIM_LENGTH);
      return { id: sub, name };
    } catch {
      // jose's messages are safe, but a single message keeps token details out of responses.
      throw new UnauthorizedError(
        'The bearer token is invalid or expired (checked: signature, issuer, audience, exp (required), iat, maximum age, sub).',
      );
    }
  };
}

/** Sets `request.user` from the configured auth backend. */
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { auth: AuthConfig }) => {
    app.decorateRequest('user', null);
    if (opts.auth.backend === 'none') {
      app.addHook('onRequest', async (request) => {
        request.user = LOCAL_USER;
      });
      return;
    }
    const verify = makeVerifier(opts.auth);
    app.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      if (!header || request.routeOptions.config?.auth === false) return;
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) throw new UnauthorizedError('The Authorization header must be "Bearer <token>".');
      request.user = await verify(match[1]);
    });
  },
  { name: 'auth' },
);
