import { join, resolve } from 'node:path';
import type { EnvRecord, SelectionFlags } from '@meetbridge/platforms';
import type { S3Settings, StorageConfig } from '../storage/index.js';
import { checkPipelineEnv, parseCoreEnv, type CoreEnv } from './env.js';

/** How the web app signs users in: OpenID Connect authorization code flow with PKCE, as a public client. */
export interface OidcConfig {
  /** The identity provider's issuer URL (its discovery document is under `/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  /** Default `openid profile email`. */
  scope: string;
}

/** Authentication settings. */
export type AuthConfig =
  | { backend: 'none' }
  | {
      backend: 'jwt';
      jwksUrl?: string;
      publicKeyPem?: string;
      issuer?: string;
      audience?: string;
      /** The longest a token may be valid: `exp` at most this far after `iat` (or after now without `iat`). Default 86,400 s. */
      maxAgeSeconds: number;
      /** Clock skew allowed for `exp`, `nbf` and `iat`, in seconds. Default 60. */
      clockSkewSeconds: number;
      /** Web sign-in; absent when only API clients bring their own tokens. */
      oidc?: OidcConfig;
    };

/** The validated configuration of one Meetbridge process. */
export interface AppConfig {
  host: string;
  port: number;
  /** Public URL used in links and webhook URLs; default `http://HOST:PORT`. */
  baseUrl: string;
  dataDir: string;
  /** PostgreSQL URL; absent = embedded PGlite under `DATA_DIR`. */
  databaseUrl: string | undefined;
  /** Connections per process on PostgreSQL (the job queue shares them). */
  databasePoolSize: number;
  logLevel: CoreEnv['LOG_LEVEL'];
  auth: AuthConfig;
  selection: SelectionFlags;
  meetingDurationHours: number;
  webhookToleranceSeconds: number;
  /** How often every active meeting is reconciled with its provider. */
  reconcileIntervalSeconds: number;
  /** How often provider webhooks managed through an API are checked (and re-activated when stopped). */
  webhookHealthCheckSeconds: number;
  /** Whether `serve` also runs the job workers (the embedded default does). */
  runWorkers: boolean;
  /** Where recordings and prepared audio are stored. */
  storage: StorageConfig;
  /** How this process reaches AWS (credentials: the SDK's default chain, never logged). */
  aws: {
    region: string;
    s3: S3Settings;
    /** `SQS_ENDPOINT_URL`: an SQS-compatible server; absent = AWS. */
    sqsEndpoint: string | undefined;
    /**
     * `AWS_PROCESS_RECORDING_QUEUE_URL`: the SQS queue of the recordings buckets' S3 notices, consumed
     * by the workers; absent = no consumer.
     */
    processRecordingQueueUrl: string | undefined;
  };
  /** Processed and ignored webhook deliveries are deleted this many days after they arrived. Default 30. */
  webhookRetentionDays: number;
  /** The processing pipeline (its backends read their own variables from `providerEnv`). */
  pipeline: {
    /** Seconds before a failed stage is retried the first time (doubling after). */
    retryDelaySeconds: number;
  };
  /** Outbound webhooks (rooms' `webhook_url`). */
  outboundWebhooks: {
    /** Allow targets that resolve to loopback, private or link-local addresses (development, tests). */
    allowPrivateTargets: boolean;
  };
  /** Recordings: downloads into storage and their validation. */
  recordings: {
    /** `RECORDING_MAX_BYTES`: a recording (all its tracks) larger than this is refused as `invalid`. Default 4 GiB. */
    maxBytes: number;
    /** `RECORDING_DOWNLOAD_ALLOW_PRIVATE`: fetch download links on loopback/private addresses (local fakes). Default false. */
    allowPrivate: boolean;
    /**
     * `RECORDING_DOWNLOAD_TIMEOUT_SECONDS`: how long one download attempt may run before its worker
     * is considered dead (killed mid-download) and the job runs again elsewhere. Default 900.
     */
    downloadTimeoutSeconds: number;
    /** `RECORDING_DOWNLOAD_ALLOW_HOSTS`: hosts fetched even on private addresses (an internal MinIO). Default none. */
    allowHosts: string[];
    /** `FFPROBE_PATH`; `null` = the binary of `@ffprobe-installer/ffprobe`. */
    ffprobePath: string | null;
  };
  /** The raw environment, handed to provider modules and the pipeline's backends to read their own variables. */
  /** Requests a minute one address may make to the anonymous endpoints without signing in; 0 = unlimited. Default 120. */
  rateLimitAnonymousPerMinute: number;
  /** The raw environment, handed to provider modules to read their own variables. */
  providerEnv: EnvRecord;
}

/** Builds the configuration from an environment record; throws `EnvError` on a bad value. */
export function buildConfig(raw: Record<string, string | undefined>): AppConfig {
  const env = parseCoreEnv(raw);
  checkPipelineEnv(raw);
  const displayHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? '127.0.0.1' : env.HOST;
  const auth: AuthConfig =
    env.AUTH_BACKEND === 'jwt'
      ? {
          backend: 'jwt',
          jwksUrl: env.AUTH_JWKS_URL,
          publicKeyPem: env.AUTH_JWT_PUBLIC_KEY?.replace(/\\n/g, '\n'),
          issuer: env.AUTH_JWT_ISSUER,
          audience: env.AUTH_JWT_AUDIENCE,
          maxAgeSeconds: env.AUTH_JWT_MAX_AGE_SECONDS,
          clockSkewSeconds: env.AUTH_JWT_CLOCK_SKEW_SECONDS,
          oidc:
            env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID
              ? { issuer: env.AUTH_OIDC_ISSUER, clientId: env.AUTH_OIDC_CLIENT_ID, scope: env.AUTH_OIDC_SCOPE }
              : undefined,
        }
      : { backend: 'none' };
  return {
    host: env.HOST,
    port: env.PORT,
    baseUrl: (env.BASE_URL ?? `http://${displayHost.includes(':') ? `[${displayHost}]` : displayHost}:${env.PORT}`).replace(/\/$/, ''),
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    logLevel: env.LOG_LEVEL,
    auth,
    selection: {
      defaultPlatform: env.DEFAULT_VIDEO_PLATFORM ?? null,
      dailyMigrationEnabled: env.DAILY_MIGRATION_ENABLED,
      dailyMigrationRoomIds: env.DAILY_MIGRATION_ROOM_IDS,
    },
    meetingDurationHours: env.MEETING_DURATION_HOURS,
    webhookToleranceSeconds: env.WEBHOOK_TOLERANCE_SECONDS,
    reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS,
    webhookHealthCheckSeconds: env.WEBHOOK_HEALTH_CHECK_SECONDS,
    runWorkers: env.RUN_WORKERS,
    storage:
      env.STORAGE_BACKEND === 's3' && env.STORAGE_S3_BUCKET
        ? { backend: 's3', bucket: env.STORAGE_S3_BUCKET, prefix: env.STORAGE_S3_PREFIX }
        : { backend: 'local', dir: join(resolve(env.DATA_DIR), 'storage') },
    aws: {
      region: env.AWS_REGION,
      s3: { region: env.AWS_REGION, endpoint: env.S3_ENDPOINT_URL, forcePathStyle: env.S3_FORCE_PATH_STYLE },
      sqsEndpoint: env.SQS_ENDPOINT_URL,
      processRecordingQueueUrl: env.AWS_PROCESS_RECORDING_QUEUE_URL,
    },
    webhookRetentionDays: env.WEBHOOK_RETENTION_DAYS,
    pipeline: { retryDelaySeconds: env.PIPELINE_RETRY_DELAY_SECONDS },
    outboundWebhooks: { allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS },
    recordings: {
      maxBytes: env.RECORDING_MAX_BYTES,
      allowPrivate: env.RECORDING_DOWNLOAD_ALLOW_PRIVATE,
      downloadTimeoutSeconds: env.RECORDING_DOWNLOAD_TIMEOUT_SECONDS,
      allowHosts: env.RECORDING_DOWNLOAD_ALLOW_HOSTS.split(',')
        .map((h) => h.trim())
        .filter(Boolean),
      ffprobePath: raw.FFPROBE_PATH?.trim() || null,
    },
    rateLimitAnonymousPerMinute: env.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    providerEnv: { ...raw },
  };
}
