import { redactedWebhookHeaders } from '@meetbridge/platforms';
import { pino, type Logger } from 'pino';

/** Paths whose values never reach the logs; every provider's signature headers come from its module. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  ...redactedWebhookHeaders().map((header) => `req.headers[${JSON.stringify(header)}]`),
  'req.headers.cookie',
  '*.apiKey',
  '*.secret',
  '*.webhook_secret',
  '*.webhookSecret',
  '*.token',
  '*.password',
];

/** The process logger: JSON lines, secrets redacted. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
