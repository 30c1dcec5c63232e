import { randomBytes, randomUUID } from 'node:crypto';

/** A random RFC 4122 v4 UUID. */
export function uuid(): string {
  return randomUUID();
}

/** `bytes` random bytes as lower-case hex (Whereby webhook ids are 32 bytes of hex). */
export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random alphanumeric string of `length` characters (Daily share tokens, room names). */
export function randomAlphanumeric(length: number, alphabet: string = ALPHANUM): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** ISO-8601 in UTC without milliseconds (`2025-05-12T16:42:49Z`), as Whereby renders dates. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** ISO-8601 in UTC with milliseconds (`2023-01-01T20:53:19.000Z`). */
export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** Unix seconds with millisecond precision as a float (`1708972279.961`), as Daily sends `*_ts`. */
export function floatSeconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** Whole unix seconds. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}
