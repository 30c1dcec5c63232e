import { describe, expect, it } from 'vitest';
import { parseDailyError } from './wire.js';

describe('parseDailyError', () => {
  it('reads the stable error type as the code and info as the detail', () => {
    expect(parseDailyError('{"error":"invalid-request-error","info":"room team has an active stream"}')).toEqual({
      code: 'invalid-request-error',
      detail: 'room team has an active stream',
    });
  });

  it('reads a body without info, and nothing from a body that is not Daily JSON', () => {
    expect(parseDailyError('{"error":"authentication-error"}')).toEqual({ code: 'authentication-error', detail: null });
    expect(parseDailyError('<html>Bad Gateway</html>')).toEqual({ code: null, detail: null });
    expect(parseDailyError('{"message":"not daily"}')).toEqual({ code: null, detail: null });
  });
});
