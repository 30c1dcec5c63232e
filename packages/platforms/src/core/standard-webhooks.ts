import { WebhookVerificationError } from './errors.js';
import { readHeader, signWithScheme, type SignatureScheme } from './signature.js';

/**
 * Standard Webhooks (https://www.standardwebhooks.com/): `webhook-id`, `webhook-timestamp` (unix
 * seconds) and `webhook-signature: v1,<base64 HMAC-SHA256>` (space-separated, one per secret while
 * rotating) over `id + "." + timestamp + "." + rawBody`, keyed with the base64 part of a `whsec_…`
 * secret. Only the raw bytes are signed.
 *
 * One scheme for every sender and receiver of this format: the mock provider's webhooks and the
 * server's outbound `transcript.completed` webhook, so the two cannot drift apart.
 */

const ID_HEADER = 'webhook-id';
const TIMESTAMP_HEADER = 'webhook-timestamp';
const SIGNATURE_HEADER = 'webhook-signature';

/** The header names a Standard Webhooks delivery carries. */
export type StandardWebhookHeader = typeof ID_HEADER | typeof TIMESTAMP_HEADER | typeof SIGNATURE_HEADER;

/** The headers a Standard Webhooks delivery carries. */
export const STANDARD_WEBHOOK_HEADERS = [ID_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER] as const;

/** The HMAC key of a Standard Webhooks secret: the base64 after `whsec_` (or the whole value), decoded. */
export function standardWebhookKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

/**
 * The Standard Webhooks scheme for one sender. `provider` and `secretVariable` only name things in
 * error messages (`Mock`, `MOCK_WEBHOOK_SECRET`).
 */
export function standardWebhooksScheme(provider: string, secretVariable: string): SignatureScheme<StandardWebhookHeader> {
  return {
    provider,
    secretVariable,
    format: 'webhook-signature: v1,<base64 HMAC-SHA256>',
    signatureHeaders: [SIGNATURE_HEADER],
    encoding: 'base64',
    compactJson: false,
    read(headers) {
      const id = readHeader(headers, ID_HEADER);
      const timestamp = readHeader(headers, TIMESTAMP_HEADER);
      const signature = readHeader(headers, SIGNATURE_HEADER);
      if (!id || !timestamp || !signature) {
        throw new WebhookVerificationError(
          'missing_header',
          'The webhook-id, webhook-timestamp and webhook-signature headers are required.',
        );
      }
      const signatures = signature
        .split(' ')
        .filter((part) => part.startsWith('v1,'))
        .map((part) => part.slice('v1,'.length));
      return { timestamp, id, signatures };
    },
    write: (fields, signature) => ({
      [ID_HEADER]: fields.id ?? '',
      [TIMESTAMP_HEADER]: fields.timestamp,
      [SIGNATURE_HEADER]: `v1,${signature}`,
    }),
    prefix: (fields) => `${fields.id}.${fields.timestamp}.`,
    key: standardWebhookKey,
  };
}

const outbound = standardWebhooksScheme('Standard Webhooks', 'webhook_secret');

/** Signs `body` the Standard Webhooks way; returns the three headers to send with it. */
export function signStandardWebhook(
  secret: string,
  id: string,
  timestampSeconds: number,
  body: Uint8Array | string,
): Record<StandardWebhookHeader, string> {
  return signWithScheme(outbound, secret, { timestamp: String(timestampSeconds), id }, body);
}
