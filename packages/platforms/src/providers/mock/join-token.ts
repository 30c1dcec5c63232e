import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a mock join token admits: one room, until `exp`, as this user (or anonymous), owner or not. */
export interface MockJoinGrant {
  /** The provider room name. */
  room: string;
  /** The user id, or `null` for an anonymous caller. */
  sub: string | null;
  owner: boolean;
  /** Expiry, unix seconds (the meeting's end). */
  exp: number;
}

/** Tokens are signed with a key derived from the mock's webhook secret, never the secret itself. */
function key(secret: string): Buffer {
  return createHmac('sha256', secret).update('meetbridge mock join token v1').digest();
}

/**
 * A signed join token of the mock provider: `base64url(JSON grant + nonce) "." base64url(HMAC-SHA256)`.
 * Like a real provider's meeting token it is handed out next to the room URL (`createJoin`) and
 * authorizes what a participant's client does in the room (uploading its recording).
 */
export function signMockJoinToken(secret: string, grant: MockJoinGrant): string {
  const payload = Buffer.from(JSON.stringify({ ...grant, n: randomBytes(9).toString('base64url') })).toString('base64url');
  return `${payload}.${createHmac('sha256', key(secret)).update(payload).digest('base64url')}`;
}

/** The grant of a valid, unexpired token signed with one of `secrets`; `null` for anything else. */
export function verifyMockJoinToken(secrets: readonly string[], token: string, now: Date): MockJoinGrant | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const given = Buffer.from(signature, 'base64url');
  const signedBy = secrets.some((secret) => {
    const expected = createHmac('sha256', key(secret)).update(payload).digest();
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!signedBy) return null;
  try {
    const grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<MockJoinGrant>;
    if (typeof grant.room !== 'string' || typeof grant.exp !== 'number' || typeof grant.owner !== 'boolean') return null;
    if (grant.sub !== null && typeof grant.sub !== 'string') return null;
    if (grant.exp * 1000 <= now.getTime()) return null;
    return { room: grant.room, sub: grant.sub, owner: grant.owner, exp: grant.exp };
  } catch {
    return null;
  }
}
