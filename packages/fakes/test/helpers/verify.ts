/**
 * Signature checks written in the tests from the providers' documented algorithms, independently of the fakes' sign.ts.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

function header(headers: IncomingHttpHeaders, name: string): string {
  const value = headers[name];
  if (typeof value !== 'string') throw new Error(`missing header ${name}`);
  return value;
}

/** Whereby: `Whereby-Signature: t=<s>,v1=<hex HMAC-SHA256(secret as UTF-8, t + "." + body)>`. Returns t. */
export function verifyWherebySignature(headers: IncomingHttpHeaders, rawBody: string, secret: string): { valid: boolean; t: number } {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header(headers, 'whereby-signature'));
  if (!match) return { valid: false, t: NaN };
  const [, t = '', v1 = ''] = match;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest();
  return { valid: timingSafeEqual(expected, Buffer.from(v1, 'hex')), t: Number(t) };
}

/** Daily: `X-Webhook-Signature: base64(HMAC-SHA256(base64decode(secret), ts + "." + body))`. Returns the timestamp. */
export function verifyDailySignature(headers: IncomingHttpHeaders, rawBody: string, secretBase64: string): { valid: boolean; ts: string } {
  const ts = header(headers, 'x-webhook-timestamp');
  const got = Buffer.from(header(headers, 'x-webhook-signature'), 'base64');
  const expected = createHmac('sha256', Buffer.from(secretBase64, 'base64'))
    .update(Buffer.concat([Buffer.from(`${ts}.`), Buffer.from(rawBody, 'utf8')]))
    .digest();
  return { valid: got.length === expected.length && timingSafeEqual(got, expected), ts };
}
