import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { rowsOf } from '../src/db/client.js';
import { defineJob, PermanentJobError, type JobDefinition } from '../src/jobs/define.js';
import { JobQueue, MAINTENANCE_INTERVAL_SECONDS, QueueStoppedError } from '../src/jobs/queue.js';
import { queueMatches, startWorkers } from '../src/jobs/worker.js';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { waitForJob } from './helpers/jobs.js';
import { startTestServer } from './helpers/server.js';

const Echo = z.object({ n: z.number().int() });

declare module '../src/jobs/types.js' {
  interface JobPayloads {
    'test.echo': z.input<typeof Echo>;
    'test.other': z.input<typeof Echo>;
  }
}

let testDb: TestDatabase;
let queue: JobQueue;
const seen: number[] = [];
const definitions: JobDefinition[] = [
  defineJob({
    name: 'test.echo',
    schema: Echo,
    queue: { retryLimit: 0 },
    handle: async ({ n }) => {
      if (n < 0) throw new PermanentJobError('negative');
      seen.push(n);
    },
  }),
  defineJob({ name: 'test.other', schema: Echo, queue: { retryLimit: 0 }, handle: async ({ n }) => void seen.push(1000 + n) }),
];

async function jobCount(name: string): Promise<number> {
  const result = await testDb.database.db.execute(sql`select count(*)::int as n from pgboss.job where name = ${name}`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  queue = new JobQueue(testDb.database, pino({ level: 'silent' }));
  await queue.start(definitions);
});
afterAll(async () => {
  await queue.stop();
  await testDb.cleanup();
});

describe('sending jobs inside a transaction', () => {
  it('does not create the job when the transaction rolls back', async () => {
    const before = await jobCount('test.echo');
    await expect(
      testDb.database.db.transaction(async (tx) => {
        expect(await queue.send('test.echo', { n: 1 }, { tx })).toMatch(/^[0-9a-f-]{36}$/);
        tx.rollback();
      }),
    ).rejects.toThrow();
    expect(await jobCount('test.echo')).toBe(before);
  });

  it('creates the job when the transaction commits', async () => {
    const before = await jobCount('test.echo');
    const id = await testDb.database.db.transaction((tx) => queue.send('test.echo', { n: 2 }, { tx }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await jobCount('test.echo')).toBe(before + 1);
  });
});

describe('the generic worker loop', () => {
  it('works only the queues matching its patterns, and reports each job', async () => {
    const workers = await startWorkers(queue, definitions, { patterns: ['test.ech*'], logger: pino({ level: 'silent' }) });
    try {
      expect(workers.queues).toEqual(['test.echo']);
      const done = waitForJob(queue, 'test.echo', (j) => (j.data as { n: number }).n === 7);
      await queue.send('test.echo', { n: 7 });
      await queue.send('test.other', { n: 7 });
      expect(await done).toMatchObject({ state: 'completed' });
      expect(seen).toContain(7);
      expect(seen).not.toContain(1007);
    } finally {
      await workers.stop();
    }
  });

  it('cancels a job whose payload is invalid or that fails permanently, without retrying', async () => {
    const workers = await startWorkers(queue, definitions, { patterns: ['test.echo'], logger: pino({ level: 'silent' }) });
    try {
      const bad = waitForJob(queue, 'test.echo', (j) => (j.data as { n: unknown }).n === 'x');
      await queue.boss.send('test.echo', { n: 'x' }); // bypasses the typed sender on purpose
      expect(await bad).toMatchObject({ state: 'failed' });
      const negative = waitForJob(queue, 'test.echo', (j) => (j.data as { n: number }).n === -1);
      const id = await queue.send('test.echo', { n: -1 });
      expect(await negative).toMatchObject({ state: 'failed' });
      await expect.poll(async () => (await queue.boss.getJobById('test.echo', id!))?.state).toBe('cancelled');
    } finally {
      await workers.stop();
    }
  });

  it('refuses sends without a transaction once stopped', async () => {
    const other = new JobQueue(testDb.database, pino({ level: 'silent' }));
    await expect(other.send('test.echo', { n: 1 })).rejects.toBeInstanceOf(QueueStoppedError);
  });
});

describe('queueMatches', () => {
  it('matches globs and treats no pattern as every queue', () => {
    expect(queueMatches('recordings.download', ['recordings.*'])).toBe(true);
    expect(queueMatches('pipeline.transcribe', ['recordings.*', 'pipeline.*'])).toBe(true);
    expect(queueMatches('webhook.drain', ['recordings.*'])).toBe(false);
    expect(queueMatches('webhook.drain', [])).toBe(true);
    expect(queueMatches('webhookXdrain', ['webhook.drain'])).toBe(false);
  });
});

describe('recovery after a process died mid-job', () => {
  it('expires a lost webhook.drain job within a minute: short expiry, maintenance every 10 s', async () => {
    const testDb = await createTestDatabase();
    const t = await startTestServer({ RUN_WORKERS: 'false' }, { testDb });
    try {
      const [queue] = await t.query<{ expire_seconds: number }>(`select expire_seconds from pgboss.queue where name = 'webhook.drain'`);
      expect(queue!.expire_seconds).toBeLessThanOrEqual(30);
      expect(queue!.expire_seconds + MAINTENANCE_INTERVAL_SECONDS).toBeLessThan(60);
      expect(MAINTENANCE_INTERVAL_SECONDS).toBeLessThanOrEqual(10);
      // Every stately meeting queue expires within minutes, not pg-boss's 15.
      const meetings = await t.query<{ name: string; expire_seconds: number }>(
        `select name, expire_seconds from pgboss.queue where name like 'meeting.%'`,
      );
      for (const q of meetings) expect(q.expire_seconds, q.name).toBeLessThanOrEqual(120);
    } finally {
      await t.close();
      await testDb.cleanup();
    }
  });
});
