import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';

/** The PostgreSQL server to test against; unset = embedded PGlite (in memory). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** A throwaway database: its own PGlite instance, or a fresh PostgreSQL database dropped afterwards. */
export interface TestDatabase {
  database: Database;
  /** The connection URL on PostgreSQL (for a second process), else undefined. */
  url: string | undefined;
  cleanup(): Promise<void>;
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database (no migrations applied). */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const database = await openDatabase({});
    return { database, url: undefined, cleanup: () => database.close() };
  }
  const name = `mb_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
  return {
    database,
    url: url.toString(),
    async cleanup() {
      await database.close().catch(() => {}); // may already be closed by the test
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
