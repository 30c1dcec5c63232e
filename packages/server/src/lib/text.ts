import { z } from 'zod';

/** Characters PostgreSQL text cannot hold (NUL) or that never belong in names and ids (other C0 controls, DEL). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** True when `value` holds a control character (NUL above all). */
export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/**
 * A string from a request (path parameter, query, body field) that may reach the database: no NUL
 * or other control characters, so a bad input is a 400 at the edge instead of a SQL error (500).
 */
export function text(): z.ZodString {
  return z.string().refine((value) => !hasControlCharacters(value), 'must not contain control characters (such as NUL)');
}
