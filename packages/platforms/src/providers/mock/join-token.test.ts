import { describe, expect, it } from 'vitest';
import { signMockJoinToken, verifyMockJoinToken } from './join-token.js';

const now = new Date('2026-05-01T10:00:00Z');
const grant = { room: 'standup-20260501', sub: 'user-1', owner: false, exp: now.getTime() / 1000 + 60 };

describe('mock join tokens', () => {
  it('verifies a token it signed, with any of the rotated secrets', () => {
    const token = signMockJoinToken('whsec_b2xk', grant);
    expect(verifyMockJoinToken(['whsec_bmV3', 'whsec_b2xk'], token, now)).toEqual(grant);
  });

  it('gives every call a different token', () => {
    expect(signMockJoinToken('s', grant)).not.toBe(signMockJoinToken('s', grant));
  });

  it('refuses another secret, a changed grant, an expired token and garbage', () => {
    const token = signMockJoinToken('whsec_b2xk', grant);
    expect(verifyMockJoinToken(['whsec_other'], token, now)).toBeNull();
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...grant, owner: true })).toString('base64url')}.${signature}`;
    expect(verifyMockJoinToken(['whsec_b2xk'], forged, now)).toBeNull();
    expect(verifyMockJoinToken(['whsec_b2xk'], token, new Date(now.getTime() + 61_000))).toBeNull();
    expect(verifyMockJoinToken(['whsec_b2xk'], 'not-a-token', now)).toBeNull();
    expect(verifyMockJoinToken(['whsec_b2xk'], `${token}.x`, now)).toBeNull();
  });
});
