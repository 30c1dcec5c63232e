import { createHmac } from 'node:crypto';
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';

/**
 * How the HTTP transport authenticates a provider's API calls. A static key (Daily, Whereby) and a
 * token minted per call with only that call's grant (LiveKit's server APIs,
 * https://docs.livekit.io/reference/server/server-apis/) are both an `HttpAuth`; the transport
 * never knows which one it holds.
 */

/** What an auth hook sees of one call. */
export interface AuthRequest {
  /** The client method's name (`createRoom`). */
  operation: string;
  method: string;
  path: string;
  /**
   * What this call needs to be allowed to do, for hooks that mint a per-call credential (LiveKit:
   * `{video: {roomCreate: true}}`). Static keys ignore it. `undefined` when the call names none.
   */
  grant: Readonly<Record<string, unknown>> | undefined;
}

/** The transport's auth hook. */
export interface HttpAuth {
  /** Headers added to one attempt; asked again on every retry, so a minted token is always fresh. */
  headers(request: AuthRequest): Promise<Record<string, string>> | Record<string, string>;
  /** Values that must never appear in an error message or log (API keys, signing secrets). */
  readonly secrets: readonly string[];
}

/** `Authorization: Bearer <apiKey>` on every call (Daily, Whereby). */
export function bearerAuth(apiKey: string): HttpAuth {
  return { headers: () => ({ authorization: `Bearer ${apiKey}` }), secrets: [apiKey] };
}

/** Default lifetime of a per-call token: 10 minutes, as LiveKit's server SDK mints them. */
export const DEFAULT_JWT_TTL_SECONDS = 600;

/** Options of `signedJwtAuth`. */
export interface SignedJwtAuthOptions {
  /** The `iss` claim (LiveKit: the API key). */
  issuer: string;
  /** The HS256 secret (LiveKit: the API secret). Redacted from every error. */
  secret: string;
  /** Token lifetime. Default `DEFAULT_JWT_TTL_SECONDS` (600 s). */
  ttlSeconds?: number;
  /** Claims every token carries; the call's `grant` is merged over them. Default none. */
  claims?: Readonly<Record<string, unknown>>;
  /** Default: the system clock. */
  clock?: Clock;
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

/** A compact HS256 JWT (RFC 7519) of `payload`, signed with `secret` as UTF-8. */
export function signHs256Jwt(payload: Readonly<Record<string, unknown>>, secret: string): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${base64url(createHmac('sha256', secret).update(signingInput).digest())}`;
}

/**
 * `Authorization: Bearer <JWT>` with a token minted for each attempt: `{...claims, ...grant, iss,
 * nbf: now, exp: now + ttl}`, HS256 with `secret`. Least privilege: each call's token carries only
 * the grant that call names (LiveKit's `ServiceBase.authHeader`).
 */
export function signedJwtAuth(options: SignedJwtAuthOptions): HttpAuth {
  const clock = options.clock ?? systemClock;
  const ttl = options.ttlSeconds ?? DEFAULT_JWT_TTL_SECONDS;
  return {
    secrets: [options.secret],
    headers: (request) => {
      const now = Math.floor(clock.now().getTime() / 1000);
      const payload = { ...options.claims, ...request.grant, iss: options.issuer, nbf: now, exp: now + ttl };
      return { authorization: `Bearer ${signHs256Jwt(payload, options.secret)}` };
    },
  };
}
