import { describe, expect, it } from 'vitest';
import { bearerAuth } from './auth.js';
import { HttpClient, parseRetryAfter, pathSegment } from './http.js';

describe('parseRetryAfter', () => {
  const now = new Date('2026-03-01T10:00:00Z');

  it.each([
    [null, null],
    ['0', 0],
    ['2', 2000],
    [' 1.5 ', 1500],
    ['Sun, 01 Mar 2026 10:00:30 GMT', 30_000],
    ['Sun, 01 Mar 2026 09:00:00 GMT', 0],
    ['soon', null],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});

describe('pathSegment', () => {
  it('encodes slashes and spaces so an id cannot change the path', () => {
    expect(pathSegment('a/b c')).toBe('a%2Fb%20c');
  });
});

describe('HttpClient.redact', () => {
  const client = new HttpClient({
    provider: 'p',
    baseUrl: 'http://x',
    auth: bearerAuth('api-key-1234'),
    redact: ['hook-secret', 'ab', ''],
  });

  it('removes the API key, extra secrets, bearer headers and JWTs', () => {
    const text = client.redact('api-key-1234 hook-secret Bearer xyz eyJa.eyJb.sig ab');
    expect(text).toBe('[redacted] [redacted] Bearer [redacted] [redacted-token] ab');
  });
});
