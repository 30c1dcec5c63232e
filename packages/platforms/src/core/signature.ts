import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { HeaderBag } from './adapter.js';
import { isBase64 } from './config.js';
import { WebhookVerificationError } from './errors.js';

/**
 * Webhook signatures, once for every provider. A provider describes its `SignatureScheme` (where
 * the signature, timestamp and id are, what is signed before the body, how the key is derived from
 * a secret, how the signature is encoded); `verifyWithScheme` then checks it in a fixed order:
 * secrets configured → headers present and well formed → timestamp within ±tolerance → HMAC with
 * any configured secret (rotation), compared in constant time against every candidate signature.
 * `signWithScheme` is its twin for fakes and tests; both call `computeSignature`, so what is signed
 * and what is verified cannot drift apart (as in standard-webhooks, where `sign()` and `verify()`
 * share one function).
 */

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

/** Bytes of an HMAC-SHA256: every signature a scheme accepts must decode to this length. */
const SIGNATURE_BYTES = 32;

/** The fields a signature covers besides the body, exactly as the sender wrote them. */
export interface SignedFields {
  /** The signed unix timestamp (seconds; some senders use milliseconds). */
  timestamp: string;
  /** The delivery id, for schemes that sign it (Standard Webhooks `webhook-id`); else `null`. */
  id: string | null;
}

/** What a delivery's signature headers carry: the signed fields and every candidate signature, still encoded. */
export interface SignatureHeaders extends SignedFields {
  /** Several while the sender rotates its secret; entries of unknown versions are left out by `read`. */
  signatures: string[];
}

/**
 * How one provider signs its webhooks: `encode(HMAC-SHA256(key(secret), prefix(fields) + body))`.
 * `H` is the union of the header names the sender sets.
 */
export interface SignatureScheme<H extends string = string> {
  /** Provider name used in error messages (`Daily`). */
  readonly provider: string;
  /** The environment variable that holds the secrets, named in errors (`DAILY_WEBHOOK_SECRET`). */
  readonly secretVariable: string;
  /** The header format, for the `malformed_header` message (`Whereby-Signature: t=<unix s>,v1=<hex>`). */
  readonly format: string;
  /** Lower-case names of the headers that carry signatures (redacted from logs). */
  readonly signatureHeaders: readonly string[];
  /** How signatures are written in the headers. */
  readonly encoding: 'base64' | 'hex';
  /** Also accept a signature over the body's compact `JSON.stringify` form (see `signedBodyCandidates`). */
  readonly compactJson: boolean;
  /** Reads the signed fields and candidate signatures; throws `missing_header` or `malformed_header`. */
  read(headers: HeaderBag): SignatureHeaders;
  /** The headers a sender sets for one encoded signature: the inverse of `read`. */
  write(fields: SignedFields, signature: string): Record<H, string>;
  /** What is signed before the body (`${timestamp}.`). */
  prefix(fields: SignedFields): string;
  /** The HMAC key derived from one configured secret (UTF-8 bytes, or base64-decoded). */
  key(secret: string): Buffer;
}

/** Options of `verifyWithScheme`. */
export interface VerifySignatureOptions {
  /** The time the delivery is checked against (injected clock). */
  now: Date;
  /** Every accepted secret; more than one while rotating. Empty → `no_secret_configured`. */
  secrets: readonly string[];
  /** Accepted clock difference in both directions. Default `DEFAULT_TOLERANCE_SECONDS` (300). */
  toleranceSeconds?: number;
}

/** The secrets and tolerance a provider's webhook receiver is built with. */
export type WebhookSecrets = Omit<VerifySignatureOptions, 'now'>;

/** What a valid signature vouches for. */
export interface SignatureCheck {
  /** The signed timestamp. */
  signedAt: Date;
  /** The signed delivery id, for schemes that sign one. */
  id: string | null;
}

/** Constant-time comparison of two byte strings of possibly different length. */
export function safeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The raw HMAC-SHA256 of `prefix(fields) + body` under one secret: the one function signing and verifying share. */
export function computeSignature(scheme: SignatureScheme, secret: string, fields: SignedFields, body: Uint8Array): Buffer {
  return createHmac('sha256', scheme.key(secret)).update(scheme.prefix(fields)).update(body).digest();
}

/** Signs `body` the way the provider does and returns the headers to send with it (fakes and tests). */
export function signWithScheme<H extends string>(
  scheme: SignatureScheme<H>,
  secret: string,
  fields: SignedFields,
  body: Uint8Array | string,
): Record<H, string> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return scheme.write(fields, computeSignature(scheme, secret, fields, bytes).toString(scheme.encoding));
}

function decodeSignature(value: string, encoding: SignatureScheme['encoding']): Buffer | null {
  const valid = encoding === 'hex' ? /^(?:[0-9a-fA-F]{2})+$/.test(value) : isBase64(value);
  const bytes = valid ? Buffer.from(value, encoding) : null;
  return bytes?.length === SIGNATURE_BYTES ? bytes : null;
}

/**
 * Verifies a delivery's signature over its raw bytes; throws `WebhookVerificationError` with the
 * first failing check. Returns the signed timestamp and id.
 */
export function verifyWithScheme(
  scheme: SignatureScheme,
  rawBody: Buffer,
  headers: HeaderBag,
  options: VerifySignatureOptions,
): SignatureCheck {
  requireSecrets(scheme.provider, options.secrets, scheme.secretVariable);
  const signed = scheme.read(headers);
  const candidates = signed.signatures.flatMap((s) => decodeSignature(s.trim(), scheme.encoding) ?? []);
  if (candidates.length === 0) {
    throw new WebhookVerificationError(
      'malformed_header',
      `The ${scheme.provider} webhook signature is malformed; expected ${scheme.format}.`,
    );
  }
  const signedAt = checkTimestamp(signed.timestamp, options.now, options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS);
  const bodies = scheme.compactJson ? signedBodyCandidates(rawBody) : [rawBody];
  const matches = options.secrets.some((secret) =>
    bodies.some((body) => {
      const expected = computeSignature(scheme, secret, signed, body);
      return candidates.some((got) => safeEqual(got, expected));
    }),
  );
  if (!matches) {
    throw new WebhookVerificationError(
      'bad_signature',
      `The ${scheme.provider} webhook signature does not match the body with any configured ${scheme.secretVariable}; pass the raw request body.`,
    );
  }
  return { signedAt, id: signed.id };
}
