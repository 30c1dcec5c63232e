import { randomBytes } from 'node:crypto';
import { startDailyFake, startWherebyFake, type DailyFake, type RecordedRequest, type WherebyFake } from '@meetbridge/fakes';
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { count, eq } from 'drizzle-orm';
import { meeting } from '../../src/db/schema/index.js';
import type { TestServer } from './server.js';

/** S3 settings for cloud recording on both providers (what the providers' documented request bodies carry). */
export const S3_ENV = {
  AWS_WHEREBY_S3_BUCKET: 'meetbridge-recordings/whereby',
  AWS_WHEREBY_ACCESS_KEY_ID: 'AKIAWHEREBYTEST',
  AWS_WHEREBY_ACCESS_KEY_SECRET: 'whereby-s3-secret-value',
  AWS_DAILY_S3_BUCKET: 'meetbridge-recordings-daily',
  AWS_DAILY_S3_REGION: 'eu-central-1',
  AWS_DAILY_ROLE_ARN: 'arn:aws:iam::123456789012:role/DailyS3AccessRole',
} as const;

/** The Whereby and Daily fakes, and the environment that points Meetbridge at them. */
export interface ProviderFakes {
  whereby: WherebyFake;
  daily: DailyFake;
  /** `WHEREBY_*` variables for the Whereby fake. */
  wherebyEnv: Record<string, string>;
  /** `DAILY_*` variables for the Daily fake. */
  dailyEnv: Record<string, string>;
  /** Every secret Meetbridge is given; none may appear in an API answer. */
  secrets: string[];
  /** Forgets recorded requests, faults and state of both fakes. */
  reset(): void;
  close(): Promise<void>;
}

export async function startProviderFakes(): Promise<ProviderFakes> {
  const wherebySecret = `whereby-${randomBytes(12).toString('hex')}`;
  const dailySecret = randomBytes(32).toString('base64');
  const whereby = await startWherebyFake({ apiKey: `wb-key-${randomBytes(12).toString('hex')}`, webhookSecret: wherebySecret });
  const daily = await startDailyFake({ apiKey: `dy-key-${randomBytes(12).toString('hex')}`, webhookSecret: dailySecret });
  return {
    whereby,
    daily,
    // The fake's organisation has the Grow plan's 1000 points a minute; so does this process.
    wherebyEnv: {
      WHEREBY_API_URL: whereby.url,
      WHEREBY_API_KEY: whereby.apiKey,
      WHEREBY_WEBHOOK_SECRET: wherebySecret,
      WHEREBY_RATE_LIMIT_POINTS: '1000',
    },
    dailyEnv: { DAILY_API_URL: daily.url, DAILY_API_KEY: daily.apiKey, DAILY_WEBHOOK_SECRET: dailySecret },
    secrets: [whereby.apiKey, daily.apiKey, wherebySecret, dailySecret, S3_ENV.AWS_WHEREBY_ACCESS_KEY_SECRET],
    reset() {
      whereby.control.reset();
      daily.control.reset();
    },
    async close() {
      await whereby.close();
      await daily.close();
    },
  };
}

/** REST requests a fake received for `METHOD /v1/path`. */
export function calls(fake: { requests: readonly RecordedRequest[] }, method: string, path: string): RecordedRequest[] {
  return fake.requests.filter((r) => r.method === method && r.path === path);
}

/** `AUTH_BACKEND=jwt` with a fresh key: the env to start with and headers to call as a user. */
export interface JwtAuth {
  env: Record<string, string>;
  /** `authorization` header of a token for `sub` (its `name` claim is "<sub> name"). */
  as(sub: string): Promise<Record<string, string>>;
}

export async function jwtAuth(): Promise<JwtAuth> {
  const pair = await generateKeyPair('ES256');
  const key: CryptoKey = pair.privateKey;
  const issuer = 'https://auth.test/';
  const audience = 'meetbridge';
  return {
    env: {
      AUTH_BACKEND: 'jwt',
      AUTH_JWT_PUBLIC_KEY: await exportSPKI(pair.publicKey),
      AUTH_JWT_ISSUER: issuer,
      AUTH_JWT_AUDIENCE: audience,
    },
    async as(sub) {
      const token = await new SignJWT({ name: `${sub} name` })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject(sub)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
      return { authorization: `Bearer ${token}` };
    },
  };
}

/** Creates a room (201 expected) and returns its body. */
export async function createRoom(t: TestServer, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<any> {
  const res = await t.request('POST', '/v1/rooms', { body, headers });
  if (res.status !== 201) throw new Error(`room ${String(body.name)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** How many meeting rows the database holds for a room. */
export async function meetingRows(t: TestServer, roomId: string): Promise<number> {
  const [row] = await t.server.database.db.select({ n: count() }).from(meeting).where(eq(meeting.roomId, roomId));
  return Number(row?.n ?? 0);
}

/** A clock-independent end date check: `hours` after `from`, as the API renders it. */
export function hoursAfter(from: Date, hours: number): string {
  return new Date(from.getTime() + hours * 3_600_000).toISOString();
}

/** `yyyymmddHHMMSS` in UTC, as in Daily room names. */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
