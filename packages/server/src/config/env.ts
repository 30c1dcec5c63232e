import { existsSync } from 'node:fs';
import { z } from 'zod';
import { platformNames, providers } from '@meetbridge/platforms';
import {
  ffmpegEnvVars,
  loadSummarizer,
  loadTranscriber,
  PipelineError,
  summaryBackends,
  transcriptionBackends,
} from '@meetbridge/pipeline';

/**
 * The only module that reads `process.env`. Every variable is validated at boot; a bad value stops
 * the process with a message naming the variable, what is wrong, and an example of a right value.
 */

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const roomIdList = z.string().transform((value, ctx) => {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed as string[];
    } catch {
      // fall through to the error below
    }
    ctx.addIssue({ code: 'custom', message: 'is not a JSON array of strings' });
    return z.NEVER;
  }
  return trimmed
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
});

const url = z.url({ message: 'must be an absolute http(s) URL', protocol: /^https?$/ });
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const opt = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Core variables (provider variables are declared by each provider module). */
export const coreEnvSchema = z.object({
  LOG_LEVEL: opt(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).default('info'),
  HOST: opt(z.string().min(1)).default('127.0.0.1'),
  PORT: opt(z.coerce.number().int().min(0).max(65535)).default(1250),
  BASE_URL: opt(url),
  DATA_DIR: opt(z.string().min(1)).default('./data'),
  DATABASE_URL: opt(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL')),
  DATABASE_POOL_SIZE: opt(z.coerce.number().int().min(2).max(200)).default(10),
  AUTH_BACKEND: opt(z.enum(['none', 'jwt'])).default('none'),
  AUTH_JWKS_URL: opt(url),
  AUTH_JWT_PUBLIC_KEY: opt(z.string().includes('BEGIN PUBLIC KEY', { message: 'must be a PEM public key' })),
  AUTH_JWT_ISSUER: opt(z.string().min(1)),
  AUTH_JWT_AUDIENCE: opt(z.string().min(1)),
  AUTH_JWT_MAX_AGE_SECONDS: opt(
    z.coerce
      .number()
      .int()
      .min(60)
      .max(30 * 86_400),
  ).default(86_400),
  AUTH_JWT_CLOCK_SKEW_SECONDS: opt(z.coerce.number().int().min(0).max(600)).default(60),
  AUTH_OIDC_ISSUER: opt(url),
  AUTH_OIDC_CLIENT_ID: opt(z.string().min(1)),
  AUTH_OIDC_SCOPE: opt(z.string().min(1)).default('openid profile email'),
  DEFAULT_VIDEO_PLATFORM: opt(z.enum(platformNames)),
  DAILY_MIGRATION_ENABLED: opt(bool).default(false),
  DAILY_MIGRATION_ROOM_IDS: opt(roomIdList).default([]),
  MEETING_DURATION_HOURS: opt(
    z.coerce
      .number()
      .positive()
      .max(24 * 30),
  ).default(8),
  WEBHOOK_TOLERANCE_SECONDS: opt(z.coerce.number().int().min(1).max(3600)).default(300),
  RECONCILE_INTERVAL_SECONDS: opt(z.coerce.number().int().min(1).max(3600)).default(30),
  WEBHOOK_HEALTH_CHECK_SECONDS: opt(z.coerce.number().int().min(5).max(86_400)).default(60),
  RUN_WORKERS: opt(bool).default(true),
  STORAGE_BACKEND: opt(z.enum(['local', 's3'])).default('local'),
  STORAGE_S3_BUCKET: opt(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')),
  STORAGE_S3_PREFIX: opt(z.string().regex(/^[^/].*$/, 'must not start with "/"')).default(''),
  AWS_REGION: opt(z.string().min(1)).default('us-east-1'),
  S3_ENDPOINT_URL: opt(url),
  S3_FORCE_PATH_STYLE: opt(bool).default(false),
  SQS_ENDPOINT_URL: opt(url),
  WEBHOOK_RETENTION_DAYS: opt(z.coerce.number().int().min(1).max(3650)).default(30),
  PIPELINE_RETRY_DELAY_SECONDS: opt(z.coerce.number().int().min(1).max(3600)).default(10),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: opt(bool).default(false),
  // Not `url`: SQS-compatible servers hand out queue URLs such as http://sqs.us-east-1.127.0.0.1:9324/… .
  AWS_PROCESS_RECORDING_QUEUE_URL: opt(z.string().regex(/^https?:\/\/[^\s/]+\/\S+$/, 'must be an http(s) SQS queue URL')),
  RECORDING_MAX_BYTES: opt(z.coerce.number().int().min(1024)).default(4 * 1024 ** 3),
  RECORDING_DOWNLOAD_ALLOW_PRIVATE: opt(bool).default(false),
  RECORDING_DOWNLOAD_TIMEOUT_SECONDS: opt(z.coerce.number().int().min(1).max(86_400)).default(900),
  RECORDING_DOWNLOAD_ALLOW_HOSTS: opt(z.string()).default(''),
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: opt(z.coerce.number().int().min(0).max(1_000_000)).default(120),
});

/** An example of a right value for each variable, used in error messages. */
export const envExamples: Record<string, string> = {
  LOG_LEVEL: 'info',
  HOST: '127.0.0.1',
  PORT: '1250',
  BASE_URL: 'https://meet.example.com',
  DATA_DIR: './data',
  DATABASE_URL: 'postgres://user:password@localhost:5432/meetbridge',
  DATABASE_POOL_SIZE: '10',
  AUTH_BACKEND: 'jwt',
  AUTH_JWKS_URL: 'https://auth.example.com/.well-known/jwks.json',
  AUTH_JWT_PUBLIC_KEY: '"-----BEGIN PUBLIC KEY-----\\n...\\n-----END PUBLIC KEY-----"',
  AUTH_JWT_ISSUER: 'https://auth.example.com/',
  AUTH_JWT_AUDIENCE: 'meetbridge',
  AUTH_JWT_MAX_AGE_SECONDS: '86400',
  AUTH_JWT_CLOCK_SKEW_SECONDS: '60',
  AUTH_OIDC_ISSUER: 'https://auth.example.com/realms/meetbridge',
  AUTH_OIDC_CLIENT_ID: 'meetbridge-web',
  AUTH_OIDC_SCOPE: 'openid profile email',
  DEFAULT_VIDEO_PLATFORM: 'whereby',
  DAILY_MIGRATION_ENABLED: 'true',
  DAILY_MIGRATION_ROOM_IDS: '["7d1e4c0a-1b2c-4d5e-8f90-123456789abc"] (or a comma-separated list)',
  MEETING_DURATION_HOURS: '8',
  WEBHOOK_TOLERANCE_SECONDS: '300',
  RECONCILE_INTERVAL_SECONDS: '30',
  WEBHOOK_HEALTH_CHECK_SECONDS: '60',
  RUN_WORKERS: 'false',
  STORAGE_BACKEND: 's3',
  STORAGE_S3_BUCKET: 'meetbridge-recordings',
  STORAGE_S3_PREFIX: 'prod/',
  AWS_REGION: 'eu-west-1',
  S3_ENDPOINT_URL: 'http://127.0.0.1:9000',
  S3_FORCE_PATH_STYLE: 'true',
  SQS_ENDPOINT_URL: 'http://127.0.0.1:9324',
  WEBHOOK_RETENTION_DAYS: '30',
  PIPELINE_RETRY_DELAY_SECONDS: '10',
  WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  AWS_PROCESS_RECORDING_QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/123456789012/recordings',
  RECORDING_MAX_BYTES: '4294967296',
  RECORDING_DOWNLOAD_ALLOW_PRIVATE: 'true',
  RECORDING_DOWNLOAD_TIMEOUT_SECONDS: '900',
  RECORDING_DOWNLOAD_ALLOW_HOSTS: 'minio.internal,10.0.0.12',
  FFPROBE_PATH: '/usr/bin/ffprobe',
  RATE_LIMIT_ANONYMOUS_PER_MINUTE: '120',
};

export type CoreEnv = z.infer<typeof coreEnvSchema>;

/** Thrown for invalid configuration; `problems` has one line per bad variable. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** The variables the pipeline library reads (through its own loaders): backend choice, each backend's, ffmpeg's. */
export function pipelineVariables(): string[] {
  return [
    'TRANSCRIPTION_BACKEND',
    'SUMMARY_BACKEND',
    ...transcriptionBackends.flatMap((b) => Object.keys(b.envVars)),
    ...summaryBackends.flatMap((b) => Object.keys(b.envVars)),
    ...Object.keys(ffmpegEnvVars),
  ];
}

/** Every variable Meetbridge reads: core ones, each provider's and the pipeline's. */
export function knownVariables(): string[] {
  return [...Object.keys(coreEnvSchema.shape), ...providers.flatMap((p) => Object.keys(p.envVars)), ...pipelineVariables()];
}

/**
 * Checks the pipeline's variables at boot with the library's own loaders: an invalid value (a URL
 * that is not http(s), an unknown backend, a negative size) stops the process; unset required ones
 * do not (the transcripts then wait in `awaiting_backend`, summaries are skipped).
 */
export function checkPipelineEnv(raw: Record<string, string | undefined>): void {
  const problems: string[] = [];
  for (const load of [loadTranscriber, loadSummarizer]) {
    try {
      load(raw);
    } catch (error) {
      if (!(error instanceof PipelineError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) throw new EnvError(problems);
}

/** Variables whose values may hold credentials: never echoed in errors. */
const SENSITIVE = /KEY|SECRET|TOKEN|PASSWORD|DATABASE_URL/;

function describeIssue(issue: z.core.$ZodIssue, raw: Record<string, string | undefined>): string {
  const name = String(issue.path[0]);
  const value = raw[name];
  const allowed = issue.code === 'invalid_value' ? ` Allowed values: ${issue.values.join(', ')}.` : '';
  const example = envExamples[name] ? ` Example: ${name}=${envExamples[name]}` : '';
  const shown = SENSITIVE.test(name) ? '(value hidden)' : JSON.stringify(value);
  return `${name}=${shown} ${issue.message}.${allowed}${example}`;
}

/** Validates the core variables of `raw` (normally `process.env`). */
export function parseCoreEnv(raw: Record<string, string | undefined>): CoreEnv {
  const result = coreEnvSchema.safeParse(raw);
  if (!result.success) throw new EnvError(result.error.issues.map((i) => describeIssue(i, raw)));
  const env = result.data;
  const problems: string[] = [];
  if (env.AUTH_BACKEND === 'jwt' && !env.AUTH_JWKS_URL && !env.AUTH_JWT_PUBLIC_KEY) {
    problems.push(
      `AUTH_BACKEND=jwt needs AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY to verify tokens. Example: AUTH_JWKS_URL=${envExamples.AUTH_JWKS_URL}`,
    );
  }
  if (env.AUTH_BACKEND === 'jwt' && Boolean(env.AUTH_OIDC_ISSUER) !== Boolean(env.AUTH_OIDC_CLIENT_ID)) {
    const missing = env.AUTH_OIDC_ISSUER ? 'AUTH_OIDC_CLIENT_ID' : 'AUTH_OIDC_ISSUER';
    problems.push(
      `${missing} is missing: web sign-in needs both AUTH_OIDC_ISSUER and AUTH_OIDC_CLIENT_ID (or neither, for API-only use). Example: ${missing}=${envExamples[missing]}`,
    );
  }
  if (env.STORAGE_BACKEND === 's3' && !env.STORAGE_S3_BUCKET) {
    problems.push(
      `STORAGE_BACKEND=s3 needs STORAGE_S3_BUCKET, the bucket Meetbridge stores recordings and audio in. Example: STORAGE_S3_BUCKET=${envExamples.STORAGE_S3_BUCKET}`,
    );
  }
  // ffprobe validates recordings: an explicit path must be a file; without one the npm package's binary
  // is used (resolved when the recordings module starts, which names the variable if it is missing).
  const ffprobe = raw.FFPROBE_PATH?.trim();
  if (ffprobe && !existsSync(ffprobe)) {
    problems.push(
      `FFPROBE_PATH=${JSON.stringify(ffprobe)} does not exist. Example: FFPROBE_PATH=${envExamples.FFPROBE_PATH}, or leave it empty.`,
    );
  }
  if (problems.length) throw new EnvError(problems);
  return env;
}

/** Reads `.env` from the working directory (if present) into `process.env`, without overriding. */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}
