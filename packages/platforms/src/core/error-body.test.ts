import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ErrorTextWire, jsonErrorParser, noErrorBody } from './error-body.js';

describe('error body parsers', () => {
  const parse = jsonErrorParser(z.object({ code: ErrorTextWire, msg: ErrorTextWire }), (b) => ({
    code: b.code ?? null,
    detail: b.msg ?? null,
  }));

  it('the default reads nothing', () => {
    expect(noErrorBody('{"error":"x","info":"y"}')).toEqual({ code: null, detail: null });
  });

  it('reads the fields a provider parser names', () => {
    expect(parse('{"code":"not_found","msg":"room does not exist","meta":{}}')).toEqual({
      code: 'not_found',
      detail: 'room does not exist',
    });
  });

  it.each([['<html>502 Bad Gateway</html>'], [''], ['null'], ['"text"'], ['[1]']])('reads nothing from %j', (text) => {
    expect(parse(text)).toEqual({ code: null, detail: null });
  });

  it('treats a field of the wrong type as absent instead of dropping the whole body', () => {
    expect(parse('{"code":5,"msg":"still useful"}')).toEqual({ code: null, detail: 'still useful' });
  });
});
