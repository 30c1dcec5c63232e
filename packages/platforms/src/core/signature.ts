import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookVerificationError } from './errors.js';
import type { HeaderBag } from './adapter.js';

/** Default webhook timestamp tolerance, in seconds, applied in both directions. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Reads one header case-insensitively; a repeated header yields its first value. */
export function readHeader(headers: HeaderBag, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted) continue;
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/** Constant-time comparison of two byte strings of possibly different length. */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** HMAC-SHA256 of `prefix` followed by the raw body bytes, without copying the body into a string. */
export function hmacSha256(key: Uint8Array | string, prefix: string, rawBody: Uint8Array): Buffer {
  return createHmac('sha256', key).update(prefix).update(rawBody).digest();
}

/**
 * Parses a unix timestamp given in seconds or milliseconds (by magnitude) and checks it lies within
 * `toleranceSeconds` of `now` in both directions. Returns the timestamp as a Date.
 */
export function checkTimestamp(raw: string, now: Date, toleranceSeconds: number): Date {
  const value = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !Number.isFinite(value)) {
    throw new WebhookVerificationError('malformed_header', `The webhook timestamp "${raw.slice(0, 32)}" is not a unix time.`);
  }
  // Anything above 1e11 cannot be seconds (year 5138), so it is milliseconds.
  const ms = value > 1e11 ? value : value * 1000;
  const skewSeconds = (now.getTime() - ms) / 1000;
  if (skewSeconds > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_old',
      `The webhook timestamp is ${Math.round(skewSeconds)} s old; at most ${toleranceSeconds} s is accepted (replay protection).`,
    );
  }
  if (-skewSeconds > toleranceSeconds) {
    throw new WebhookVerificationError(
      'timestamp_too_new',
      `The webhook timestamp is ${Math.round(-skewSeconds)} s in the future; at most ${toleranceSeconds} s of clock skew is accepted.`,
    );
  }
  return new Date(ms);
}

/** Throws `no_secret_configured` when the secret list is empty. */
export function requireSecrets(provider: string, secrets: readonly string[], variable: string): void {
  if (secrets.length === 0) {
    throw new WebhookVerificationError(
      'no_secret_configured',
      `No ${provider} webhook secret is configured; set ${variable} to verify ${provider} webhooks.`,
    );
  }
}

/** Splits a comma-separated secret list (for rotation without downtime), dropping blanks. */
export function splitSecrets(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The bodies a signature may have been computed over: the raw bytes first, then, when the body is
 * JSON and re-serializes differently, its compact `JSON.stringify` form. Whereby's own sample (and
 * Daily's docs snippet) sign `JSON.stringify(parsed)`, so a proxy that re-indents the JSON, or a
 * sender that pretty-prints it, still verifies. Unlike Python's `json.dumps`, `JSON.stringify`
 * keeps non-ASCII characters as they are.
 */
export function signedBodyCandidates(rawBody: Buffer): Buffer[] {
  let compact: Buffer;
  try {
    compact = Buffer.from(JSON.stringify(JSON.parse(rawBody.toString('utf8'))), 'utf8');
  } catch {
    return [rawBody];
  }
  return compact.equals(rawBody) ? [rawBody] : [rawBody, compact];
}

/** Parses a verified body as JSON, or returns `undefined` when it is not JSON (never throws). */
export function parseJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(rawBody.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * A stable event id for an authentic delivery that carries none (not an event envelope): the
 * digest of its bytes, so a redelivery of the same bytes is still recognised as a duplicate.
 */
export function bodyDigest(rawBody: Uint8Array): string {
  return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}
