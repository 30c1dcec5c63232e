import type { ConfigResult, EnvRecord } from '../../core/adapter.js';
import { readOptional, readPositiveInt, readUrl } from '../../core/config.js';
import { splitSecrets } from '../../core/signature.js';

/** Default Whereby REST base URL. */
export const WHEREBY_DEFAULT_API_URL = 'https://api.whereby.dev/v1';
/** Default point budget per minute: the Build plan's 100 (Grow has 1000). */
export const WHEREBY_DEFAULT_RATE_LIMIT_POINTS = 100;

/** Whereby's configuration, read once at boot by `loadWherebyConfig`. */
export interface WherebyConfig {
  apiKey: string;
  /** Default `WHEREBY_DEFAULT_API_URL`; tests and the fake point it at a local server. */
  apiUrl: string;
  /** Dashboard webhook secrets; several while rotating. Empty = webhooks are refused. */
  webhookSecrets: string[];
  /** Where Whereby uploads cloud recordings; every field is needed for `recordingType: 'cloud'`. */
  s3: { bucket: string | null; accessKeyId: string | null; accessKeySecret: string | null };
  /** Points per minute this process may spend (`WHEREBY_RATE_LIMIT_POINTS`); see `wherebyRateBudget`. */
  rateLimitPoints: number;
}

/** Every variable Whereby reads, with its description (for docs and `.env.example`). */
export const wherebyEnvVars = {
  WHEREBY_API_KEY: 'Whereby Embedded API key (dashboard → Configure → API). Required to use Whereby.',
  WHEREBY_API_URL: `Whereby REST base URL. Default ${WHEREBY_DEFAULT_API_URL}.`,
  WHEREBY_WEBHOOK_SECRET: 'Webhook signing secret(s) from the dashboard; comma-separated during rotation.',
  AWS_WHEREBY_S3_BUCKET: 'S3 bucket (optionally "bucket/sub/folder") Whereby uploads cloud recordings to.',
  AWS_WHEREBY_ACCESS_KEY_ID: 'Access key id Whereby uses to write cloud recordings into the bucket.',
  AWS_WHEREBY_ACCESS_KEY_SECRET: 'Secret of that access key.',
  WHEREBY_RATE_LIMIT_POINTS: `API points per minute this process may spend (your plan's budget: Build 100, Grow 1000; divide it between processes). Half is kept for meeting creation and joins. Default ${WHEREBY_DEFAULT_RATE_LIMIT_POINTS}.`,
} as const;

/**
 * Reads Whereby's configuration. A missing `WHEREBY_API_KEY` → `{ok:false, missing}`; an invalid
 * `WHEREBY_API_URL` throws `ConfigError` naming it. The S3 values are optional here and checked
 * when a meeting asks for cloud recording.
 */
export function loadWherebyConfig(env: EnvRecord): ConfigResult<WherebyConfig> {
  const apiKey = readOptional(env, 'WHEREBY_API_KEY');
  const apiUrl = readUrl(env, 'WHEREBY_API_URL', WHEREBY_DEFAULT_API_URL);
  const rateLimitPoints = readPositiveInt(env, 'WHEREBY_RATE_LIMIT_POINTS', WHEREBY_DEFAULT_RATE_LIMIT_POINTS);
  if (apiKey === null) return { ok: false, missing: ['WHEREBY_API_KEY'] };
  return {
    ok: true,
    config: {
      apiKey,
      apiUrl,
      webhookSecrets: splitSecrets(env.WHEREBY_WEBHOOK_SECRET),
      s3: {
        bucket: readOptional(env, 'AWS_WHEREBY_S3_BUCKET'),
        accessKeyId: readOptional(env, 'AWS_WHEREBY_ACCESS_KEY_ID'),
        accessKeySecret: readOptional(env, 'AWS_WHEREBY_ACCESS_KEY_SECRET'),
      },
      rateLimitPoints,
    },
  };
}
