import { createHmac } from 'node:crypto';

/** Header carrying Daily's base64 webhook signature. */
export const DAILY_SIGNATURE_HEADER = 'x-webhook-signature';
/** Header carrying the timestamp that is part of the signed message. */
export const DAILY_TIMESTAMP_HEADER = 'x-webhook-timestamp';

/** Unit of `X-Webhook-Timestamp`; Daily does not document it, so the fake can send either. */
export type DailyTimestampUnit = 'seconds' | 'milliseconds';

/**
 * Daily's webhook signature: `base64(HMAC-SHA256(base64decode(secret), timestamp + "." + rawBody))`.
 * The `hmac` secret is base64 and is decoded to get the key bytes. Per https://docs.daily.co/reference/rest-api/webhooks; computed here
 * independently of packages/platforms.
 */
export function signDaily(secretBase64: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', Buffer.from(secretBase64, 'base64'))
    .update(`${timestamp}.`)
    .update(Buffer.from(rawBody, 'utf8'))
    .digest('base64');
}

/** Renders a timestamp in the chosen unit, as sent in `X-Webhook-Timestamp`. */
export function dailyTimestamp(timestampMs: number, unit: DailyTimestampUnit): string {
  return String(unit === 'milliseconds' ? Math.floor(timestampMs) : Math.floor(timestampMs / 1000));
}

/** The headers of one signed Daily webhook delivery. */
export function dailySignatureHeaders(
  secretBase64: string,
  timestampMs: number,
  rawBody: string,
  unit: DailyTimestampUnit = 'seconds',
): Record<string, string> {
  const ts = dailyTimestamp(timestampMs, unit);
  return { [DAILY_SIGNATURE_HEADER]: signDaily(secretBase64, ts, rawBody), [DAILY_TIMESTAMP_HEADER]: ts };
}
