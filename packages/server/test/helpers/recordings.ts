import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createS3Client, isNotFound } from '../../src/storage/index.js';
import { startS3, useEmulatorCredentials, type Emulator } from '@meetbridge/fakes';
import { S3_ENV } from './provider-fakes.js';
import type { TestServer } from './server.js';

/** The bucket Daily writes raw tracks to in the tests (`AWS_DAILY_S3_BUCKET`). */
export const DAILY_BUCKET = S3_ENV.AWS_DAILY_S3_BUCKET;

/** s3rver with the Daily bucket, the environment pointing Meetbridge at it, and a client to fill it. */
export interface RecordingBuckets {
  s3: Emulator;
  env: Record<string, string>;
  client: S3Client;
  /** Writes an object as the provider would (the fakes write them once the discovery work lands there). */
  put(bucket: string, key: string, body: Buffer | string): Promise<void>;
  exists(bucket: string, key: string): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startRecordingBuckets(extraBuckets: string[] = []): Promise<RecordingBuckets> {
  useEmulatorCredentials();
  const s3 = await startS3([DAILY_BUCKET, ...extraBuckets]);
  const client = createS3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true });
  return {
    s3,
    env: { ...S3_ENV, S3_ENDPOINT_URL: s3.endpoint, S3_FORCE_PATH_STYLE: 'true' },
    client,
    async put(bucket, key, body) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.length }));
    },
    async exists(bucket, key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async stop() {
      client.destroy();
      await s3.stop();
    },
  };
}

/** Polls the recording row until `predicate` holds (jobs run on their own workers). */
export async function recordingWhen(
  t: TestServer,
  id: string,
  predicate: (row: Record<string, any>) => boolean,
  timeoutMs = 20_000,
): Promise<Record<string, any>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await t.query<Record<string, any>>(`select * from recording where id = '${id}'`);
    if (row && predicate(row)) return row;
    if (Date.now() > deadline) throw new Error(`recording ${id} did not reach the expected state: ${JSON.stringify(row)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Jobs of `name` ever queued for a recording id (pg-boss keeps completed jobs in its table). */
export async function jobsFor(t: TestServer, name: string, recordingId: string): Promise<number> {
  const [row] = await t.query<{ n: number }>(
    `select count(*)::int as n from pgboss.job where name = '${name}' and data->>'recordingId' = '${recordingId}'`,
  );
  return row?.n ?? 0;
}
