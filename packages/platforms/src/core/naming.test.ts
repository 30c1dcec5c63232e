import { describe, expect, it } from 'vitest';
import { PROVIDER_USER_ID_NAMESPACE, stableUserId, uuidV5 } from './naming.js';

describe('uuidV5', () => {
  it('matches the RFC 9562 example (www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('stableUserId', () => {
  it('keeps an id that fits and maps a longer one to the same UUIDv5 every time', () => {
    expect(stableUserId('alice', 36)).toBe('alice');
    const long = 'google-oauth2|104739294857203948572039485';
    expect(long.length).toBeGreaterThan(36);
    expect(stableUserId(long, 36)).toBe(uuidV5(long, PROVIDER_USER_ID_NAMESPACE));
    expect(stableUserId(long, 36)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUserId(`${long}x`, 36)).not.toBe(stableUserId(long, 36));
  });

  it('maps an id with characters the provider refuses', () => {
    expect(stableUserId('auth0|abc', 36, /^[A-Za-z0-9_-]+$/)).toBe(uuidV5('auth0|abc', PROVIDER_USER_ID_NAMESPACE));
    expect(stableUserId('user_1-a', 36, /^[A-Za-z0-9_-]+$/)).toBe('user_1-a');
  });
});
