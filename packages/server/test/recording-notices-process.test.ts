import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/index.js';
import { createServer } from '../src/main.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { EMULATOR_CREDENTIALS, startSqs, useEmulatorCredentials, type Emulator } from '@meetbridge/fakes';

/**
 * Where the S3-notice consumer runs: a long-running loop in the processes that run workers (serve with
 * RUN_WORKERS, worker), selected by `--queues` as `recording.notices`, and stopped with the process.
 */

let sqs: Emulator;
let testDb: TestDatabase;
let queueUrl: string;

beforeAll(async () => {
  useEmulatorCredentials();
  sqs = await startSqs();
  const client = new SQSClient({
    region: 'us-east-1',
    endpoint: sqs.endpoint,
    credentials: { accessKeyId: EMULATOR_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: EMULATOR_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
  });
  queueUrl = (await client.send(new CreateQueueCommand({ QueueName: 'process-notices' }))).QueueUrl!;
  client.destroy();
  testDb = await createTestDatabase();
}, 30_000);
afterAll(async () => {
  await testDb?.cleanup();
  await sqs?.stop();
});

async function consumerRuns(env: Record<string, string>, options: { workers?: boolean; queues?: string[] }): Promise<boolean | null> {
  const config = buildConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'meetbridge-test-')),
    LOG_LEVEL: 'silent',
    SQS_ENDPOINT_URL: sqs.endpoint,
    ...env,
  });
  const server = await createServer(config, { logger: pino({ level: 'silent' }), database: testDb.database, ...options });
  const running = server.container.webhooks.notices?.running ?? null;
  const started = Date.now();
  await server.close();
  // Closing aborts the pending 20 s long poll instead of waiting for it.
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(server.container.webhooks.notices?.running ?? null).toBe(running === null ? null : false);
  return running;
}

describe('the S3-notice consumer process', () => {
  it('runs with the workers when AWS_PROCESS_RECORDING_QUEUE_URL is set, and not without it', async () => {
    expect(await consumerRuns({ AWS_PROCESS_RECORDING_QUEUE_URL: queueUrl }, { workers: true })).toBe(true);
    expect(await consumerRuns({}, { workers: true })).toBeNull();
  });

  it('does not run in an API process without workers (RUN_WORKERS=false)', async () => {
    expect(await consumerRuns({ AWS_PROCESS_RECORDING_QUEUE_URL: queueUrl, RUN_WORKERS: 'false' }, {})).toBe(false);
  });

  it("is selected by worker --queues as 'recording.notices'", async () => {
    expect(await consumerRuns({ AWS_PROCESS_RECORDING_QUEUE_URL: queueUrl }, { workers: true, queues: ['recording.*'] })).toBe(true);
    expect(await consumerRuns({ AWS_PROCESS_RECORDING_QUEUE_URL: queueUrl }, { workers: true, queues: ['meeting.*'] })).toBe(false);
  });
});
