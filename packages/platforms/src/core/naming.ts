import { createHash, randomBytes } from 'node:crypto';

/** UTC `yyyymmddHHMMSS` of a date (never server-local time, unlike upstream). */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** A short random suffix of lower-case letters and digits, so names cannot collide within a second. */
export function shortRandom(length = 6): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/** `{room}-{UTC yyyymmddHHMMSS}-{random}`, truncating the room part to keep within `maxLength`. */
export function uniqueRoomName(roomName: string, at: Date, maxLength: number, randomLength = 6): string {
  const suffix = `-${utcStamp(at)}-${shortRandom(randomLength)}`;
  return `${roomName.slice(0, Math.max(1, maxLength - suffix.length))}${suffix}`;
}

/**
 * The namespace of `stableUserId`'s UUIDv5s. DO NOT CHANGE: every user id longer than a provider
 * allows has been sent to providers (and recorded in their webhooks and analytics) under it.
 */
export const PROVIDER_USER_ID_NAMESPACE = '3a1c6f2e-9b4d-4e57-8c0a-5f2d7b9e1c64';

/** An RFC 9562 version-5 (SHA-1, name-based) UUID of `name` in `namespace`. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (ns.length !== 16) throw new Error(`"${namespace}" is not a UUID.`);
  const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A user id a provider accepts: `id` itself when it fits (at most `maxLength` characters matching
 * `allowed`), else its UUIDv5 in `PROVIDER_USER_ID_NAMESPACE`, stable for the same id (OIDC subjects
 * such as `auth0|…` or `google-oauth2|…` are often longer than Daily's 36 characters).
 */
export function stableUserId(id: string, maxLength: number, allowed: RegExp = /^[\s\S]*$/): string {
  return id.length > 0 && id.length <= maxLength && allowed.test(id) ? id : uuidV5(id, PROVIDER_USER_ID_NAMESPACE);
}
