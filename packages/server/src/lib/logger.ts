import { pino, type Logger } from 'pino';

/** Paths whose values never reach the logs. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-webhook-signature"]',
  'req.headers["whereby-signature"]',
  'req.headers["webhook-signature"]',
  'req.headers.cookie',
  '*.apiKey',
  '*.secret',
  '*.token',
  '*.password',
];

/** The process logger: JSON lines, secrets redacted. */
export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } });
}
