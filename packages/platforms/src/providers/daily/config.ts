import type { ConfigResult, EnvRecord } from '../../core/adapter.js';
import { isBase64, readOptional, readPositiveInt, readUrl } from '../../core/config.js';
import { ConfigError } from '../../core/errors.js';
import { splitSecrets } from '../../core/signature.js';

/** Default Daily REST base URL. */
export const DAILY_DEFAULT_API_URL = 'https://api.daily.co/v1';
/** Default region of the recordings bucket. */
export const DAILY_DEFAULT_S3_REGION = 'us-west-2';
/** Seconds between recording polls while a webhook secret is configured: webhooks announce recordings, polling only catches lost ones. */
export const DAILY_POLL_WITH_WEBHOOKS_SECONDS = 180;
/** Seconds between recording polls without a webhook secret: polling is then how recordings are found. */
export const DAILY_POLL_WITHOUT_WEBHOOKS_SECONDS = 15;
/** Default requests per second on most endpoints (Daily: "~20 req/s, or 100 per 5 s"). */
export const DAILY_DEFAULT_RATE_LIMIT_PER_SECOND = 20;

/** Daily's configuration, read once at boot by `loadDailyConfig`. */
export interface DailyConfig {
  apiKey: string;
  /** Default `DAILY_DEFAULT_API_URL`; tests and the fake point it at a local server. */
  apiUrl: string;
  /** Base64 HMAC secrets (the `hmac` given to `POST /webhooks`); several while rotating. */
  webhookSecrets: string[];
  /** The domain's subdomain (`acme` of acme.daily.co); informational, Daily returns full room URLs. */
  subdomain: string | null;
  /** Where raw-tracks recordings go; bucket and role are needed for `recordingType: 'cloud'`. */
  s3: { bucket: string | null; region: string; roleArn: string | null };
  /** Requests per second this process may send to most endpoints (`DAILY_RATE_LIMIT_PER_SECOND`); see `dailyRateBudget`. */
  rateLimitPerSecond: number;
  /**
   * Seconds between polls of `GET /recordings` (`DAILY_RECORDINGS_POLL_SECONDS`); default 180 with
   * a webhook secret, else 15 (Reflector's schedule, reflector-lessons §3.7).
   */
  recordingPollSeconds: number;
}

/** Every variable Daily reads, with its description (for docs and `.env.example`). */
export const dailyEnvVars = {
  DAILY_API_KEY: 'Daily API key (dashboard → Developers). Required to use Daily.',
  DAILY_API_URL: `Daily REST base URL. Default ${DAILY_DEFAULT_API_URL}.`,
  DAILY_WEBHOOK_SECRET: 'Base64 HMAC secret(s) registered as the webhook\'s "hmac"; comma-separated during rotation.',
  DAILY_SUBDOMAIN: "Your Daily domain's subdomain (acme for acme.daily.co). Optional.",
  AWS_DAILY_S3_BUCKET: 'S3 bucket Daily writes raw-tracks recordings into (recordings_bucket.bucket_name).',
  AWS_DAILY_S3_REGION: `Region of that bucket. Default ${DAILY_DEFAULT_S3_REGION}.`,
  AWS_DAILY_ROLE_ARN: 'IAM role Daily assumes to write into the bucket (recordings_bucket.assume_role_arn).',
  DAILY_RECORDINGS_POLL_SECONDS: `Seconds between polls of Daily's GET /recordings, which finds recordings whose webhook was lost. Default ${DAILY_POLL_WITH_WEBHOOKS_SECONDS} when DAILY_WEBHOOK_SECRET is set, else ${DAILY_POLL_WITHOUT_WEBHOOKS_SECONDS} (polling is then the only way recordings are found).`,
  DAILY_RATE_LIMIT_PER_SECOND: `Requests per second this process may send to most Daily endpoints (divide Daily's limit between processes); room deletion, recording listing and recording start keep Daily's stricter windows. Half is kept for meeting creation and joins. Default ${DAILY_DEFAULT_RATE_LIMIT_PER_SECOND}.`,
} as const;

function readSecrets(env: EnvRecord): string[] {
  const secrets = splitSecrets(env.DAILY_WEBHOOK_SECRET);
  if (secrets.some((s) => !isBase64(s))) {
    throw new ConfigError(
      'DAILY_WEBHOOK_SECRET must be base64 (Daily decodes it to get the HMAC key), e.g. the output of `openssl rand -base64 32`.',
      ['DAILY_WEBHOOK_SECRET'],
    );
  }
  return secrets;
}

/**
 * Reads Daily's configuration. A missing `DAILY_API_KEY` → `{ok:false, missing}`; an invalid
 * `DAILY_API_URL` or a non-base64 `DAILY_WEBHOOK_SECRET` throws `ConfigError` naming it.
 */
export function loadDailyConfig(env: EnvRecord): ConfigResult<DailyConfig> {
  const apiUrl = readUrl(env, 'DAILY_API_URL', DAILY_DEFAULT_API_URL);
  const webhookSecrets = readSecrets(env);
  const rateLimitPerSecond = readPositiveInt(env, 'DAILY_RATE_LIMIT_PER_SECOND', DAILY_DEFAULT_RATE_LIMIT_PER_SECOND);
  const recordingPollSeconds = readPositiveInt(
    env,
    'DAILY_RECORDINGS_POLL_SECONDS',
    webhookSecrets.length > 0 ? DAILY_POLL_WITH_WEBHOOKS_SECONDS : DAILY_POLL_WITHOUT_WEBHOOKS_SECONDS,
  );
  const apiKey = readOptional(env, 'DAILY_API_KEY');
  if (apiKey === null) return { ok: false, missing: ['DAILY_API_KEY'] };
  return {
    ok: true,
    config: {
      apiKey,
      apiUrl,
      webhookSecrets,
      subdomain: readOptional(env, 'DAILY_SUBDOMAIN'),
      s3: {
        bucket: readOptional(env, 'AWS_DAILY_S3_BUCKET'),
        region: readOptional(env, 'AWS_DAILY_S3_REGION') ?? DAILY_DEFAULT_S3_REGION,
        roleArn: readOptional(env, 'AWS_DAILY_ROLE_ARN'),
      },
      rateLimitPerSecond,
      recordingPollSeconds,
    },
  };
}
