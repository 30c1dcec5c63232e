import { ValidationError } from '../../lib/errors.js';

/** Deepest JSON nesting a delivery may have. Real ones are 3-5 levels deep; PostgreSQL's jsonb gives up near 6,000 and PGlite is left unusable. */
export const MAX_JSON_DEPTH = 64;

/** Longest event id (deduplication key) stored; the unique index refuses keys over ~2.7 kB. */
export const MAX_EVENT_ID_LENGTH = 255;

/** How much of a refused body or error goes into a log line. */
export const LOG_EXCERPT_CHARS = 200;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The nesting depth of a JSON text, counted over the raw bytes without parsing (brackets inside
 * strings do not count). Stops counting once `limit` is exceeded.
 */
export function jsonDepth(body: Uint8Array, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/**
 * Refuses, before anything parses or stores it, a body no retry can make storable: invalid UTF-8
 * or JSON nested deeper than `MAX_JSON_DEPTH`. Throws `ValidationError` (400).
 */
export function checkWebhookBody(body: Buffer): void {
  try {
    utf8.decode(body);
  } catch {
    throw new ValidationError('The webhook body is not valid UTF-8.', [{ field: 'body', message: 'must be UTF-8 encoded JSON' }]);
  }
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new ValidationError(`The webhook body is JSON nested deeper than ${MAX_JSON_DEPTH} levels.`, [
      { field: 'body', message: `nesting deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
}

/** Refuses an event id the inbox cannot index (400). */
export function checkEventId(eventId: string): void {
  if (eventId.length > MAX_EVENT_ID_LENGTH) {
    throw new ValidationError(`The webhook's event id is ${eventId.length} characters long; at most ${MAX_EVENT_ID_LENGTH} are accepted.`, [
      { field: 'body.id', message: `longer than ${MAX_EVENT_ID_LENGTH} characters` },
    ]);
  }
}

/** A bounded, log-safe description of an error: its SQLSTATE or code and the start of its message (never the query's parameters). */
export function errorExcerpt(error: unknown): { code: string | undefined; message: string } {
  let code: string | undefined;
  for (let e: unknown = error, n = 0; e && typeof e === 'object' && n < 5; e = (e as { cause?: unknown }).cause, n++) {
    const c = (e as { code?: unknown }).code;
    if (typeof c === 'string') {
      code = c;
      break;
    }
  }
  const root = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const message = root instanceof Error ? root.message : String(root);
  return { code, message: message.slice(0, LOG_EXCERPT_CHARS) };
}
