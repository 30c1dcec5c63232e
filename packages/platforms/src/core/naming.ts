import { randomBytes } from 'node:crypto';

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
