import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter, unwrap } from '@/lib/api/errors';

const problem = (extra: Record<string, unknown> = {}) => ({
  type: 'urn:meetbridge:problem:validation_error',
  title: 'Bad Request',
  status: 400,
  detail: 'The request body is invalid.',
  ...extra,
});

describe('API errors', () => {
  it('maps RFC 9457 errors[] to form fields, joining two messages for one field; body-wide ones under ""', () => {
    const error = new ApiError(
      400,
      problem({
        errors: [
          { field: 'body.name', message: 'must be lower-case' },
          { field: 'body.name', message: 'is too long' },
          { field: 'body.room_size', message: 'must be at least 2' },
          { field: 'body', message: 'has an unknown key "colour"' },
        ],
      }),
    );
    expect(error.fieldErrors()).toEqual({
      name: 'must be lower-case; is too long',
      room_size: 'must be at least 2',
      '': 'has an unknown key "colour"',
    });
    expect(error.code).toBe('validation_error');
    expect(error.message).toBe('The request body is invalid.');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });

  it('unwraps data, or throws ApiError with the problem and Retry-After', async () => {
    expect(await unwrap(Promise.resolve({ data: { ok: 1 }, response: new Response(null, { status: 200 }) }))).toEqual({ ok: 1 });
    const failed = unwrap(
      Promise.resolve({
        error: problem({ status: 503, type: 'urn:meetbridge:problem:unavailable' }),
        response: new Response(null, { status: 503, headers: { 'retry-after': '3' } }),
      }),
    );
    await expect(failed).rejects.toMatchObject({ status: 503, code: 'unavailable', retryAfterSeconds: 3 });
    const notProblem = unwrap(Promise.resolve({ error: 'Bad Gateway', response: new Response(null, { status: 502 }) }));
    await expect(notProblem).rejects.toMatchObject({ status: 502, problem: null, message: 'The server answered HTTP 502.' });
  });
});
