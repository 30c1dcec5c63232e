import { describe, expect, it } from 'vitest';
import { parseWherebyError } from './wire.js';

describe('parseWherebyError', () => {
  it('reads error as the code and message as the detail', () => {
    expect(parseWherebyError('{"error":"Forbidden"}')).toEqual({ code: 'Forbidden', detail: null });
    expect(parseWherebyError('{"error":"Bad Request","message":"\\"endDate\\" must be in the future"}')).toEqual({
      code: 'Bad Request',
      detail: '"endDate" must be in the future',
    });
  });

  it("describes a 429's remaining wait from data.msLeft", () => {
    expect(parseWherebyError('{"error":"Rate limit active for throttle key: organization:1","data":{"msLeft":38689}}')).toEqual({
      code: 'Rate limit active for throttle key: organization:1',
      detail: 'the rate limit resets in 38689 ms',
    });
  });

  it('ignores a malformed data field and reads nothing from a body that is not JSON', () => {
    expect(parseWherebyError('{"error":"x","data":{"msLeft":"soon"}}')).toEqual({ code: 'x', detail: null });
    expect(parseWherebyError('Internal Server Error')).toEqual({ code: null, detail: null });
  });
});
