import { createHmac } from 'node:crypto';

/** Name of the header carrying Whereby's webhook signature. */
export const WHEREBY_SIGNATURE_HEADER = 'whereby-signature';

/**
 * Whereby's webhook signature value: `t=<unix seconds>,v1=<hex HMAC-SHA256>` where the HMAC key is the
 * dashboard secret used as a UTF-8 string (not base64-decoded) and the message is `t + "." + rawBody`.
 * Computed here independently of packages/platforms, per https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/webhooks.md.
 */
export function signWhereby(secret: string, timestampSeconds: number, rawBody: string): string {
  const v1 = createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(`${timestampSeconds}.`)
    .update(Buffer.from(rawBody, 'utf8'))
    .digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}

/** The headers of one signed Whereby webhook delivery. */
export function wherebySignatureHeaders(secret: string, timestampMs: number, rawBody: string): Record<string, string> {
  return { [WHEREBY_SIGNATURE_HEADER]: signWhereby(secret, Math.floor(timestampMs / 1000), rawBody) };
}
