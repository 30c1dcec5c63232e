import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

/** Advisory-lock key serializing schema changes across replicas ("meetbridge" as an integer). */
const SCHEMA_LOCK_KEY = 0x6d656574;

/** The Drizzle database, the same type on PGlite and on PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A database handle: the app's or a transaction's. Every repo method takes one. */
export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

/** The rows of a raw `execute` result, on either driver (both return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** The migrations folder committed in the repository (`packages/server/drizzle`). */
export const MIGRATIONS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** An open database: Drizzle plus the underlying driver, for the job queue to share. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Set on PGlite. */
  pglite?: PGlite;
  /** Set on PostgreSQL. */
  pool?: pg.Pool;
  /** Applies pending migrations from `folder` (default: the committed ones). */
  migrate(folder?: string): Promise<void>;
  /**
   * Runs `fn` while holding a database-wide lock, so replicas starting together do not race each
   * other's schema changes (our migrations, pg-boss's install). A no-op lock on PGlite.
   */
  withSchemaLock<T>(fn: () => Promise<T>): Promise<T>;
  /** True when the database answers and every committed migration is applied. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

/** Options for `openDatabase`. */
export interface OpenDatabaseOptions {
  /** PostgreSQL URL; when absent PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `undefined` with no URL = in-memory (tests). */
  pgliteDir?: string;
  /** Pool size on PostgreSQL (default 10). */
  poolSize?: number;
  /** Told about connections PostgreSQL dropped (a restart, failover, `pg_terminate_backend`, a proxy timeout). */
  onConnectionError?: (error: Error) => void;
}

/** Opens PostgreSQL (`databaseUrl`) or embedded PGlite: same schema, same migrations, same SQL. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // A connection PostgreSQL drops must never crash the process. The pool reports idle clients;
    // a checked-out client (between two statements of a transaction) emits 'error' on itself, which
    // with no listener is an uncaught exception. The statement in flight (or the next one) fails,
    // its transaction rolls back, the pool discards the client and the caller's retry reconnects.
    const report = options.onConnectionError ?? (() => {});
    pool.on('error', report);
    pool.on('connect', (client) => client.on('error', report));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    db.transaction = poolTransaction(pool);
    const withSchemaLock = async <T>(fn: () => Promise<T>): Promise<T> => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
        return await fn();
      } finally {
        await client.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]).catch(() => {});
        client.release();
      }
    };
    return finish({ db, kind: 'postgres', pool, close: () => pool.end(), withSchemaLock }, (folder) =>
      migratePg(drizzlePg(pool), { migrationsFolder: folder }),
    );
  }
  if (options.pgliteDir) mkdirSync(options.pgliteDir, { recursive: true });
  // Loaded only here: a process on PostgreSQL never loads PGlite.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const pglite = options.pgliteDir ? new PGlite(options.pgliteDir) : new PGlite();
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return finish({ db, kind: 'pglite', pglite, close: () => pglite.close(), withSchemaLock: (fn) => fn() }, (folder) =>
    migratePglite(drizzlePglite(pglite), { migrationsFolder: folder }),
  );
}

/**
 * `db.transaction` on the pool, without Drizzle's leak: Drizzle's own version checks a client out
 * and sends BEGIN outside its try/finally, so a BEGIN on a connection PostgreSQL just dropped never
 * returns the client, and a few such drops exhaust the pool (every request then hangs). Here the
 * client is always released, and destroyed when its connection failed.
 */
function poolTransaction(pool: pg.Pool): Db['transaction'] {
  return async (fn, config) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const onClient = drizzlePg(client, { schema }) as unknown as Db;
      return await onClient.transaction(fn, config);
    } catch (error) {
      if (isDatabaseUnavailable(error)) broken = error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      client.release(broken);
    }
  };
}

async function countApplied(db: Db): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  const rows = (result as unknown as { rows: { n: number }[] }).rows;
  return rows[0]?.n ?? 0;
}

function finish(
  base: Pick<Database, 'db' | 'kind' | 'pglite' | 'pool' | 'close' | 'withSchemaLock'>,
  runMigrations: (folder: string) => Promise<void>,
): Database {
  let expected: number | null = null;
  return {
    ...base,
    migrate: (folder = MIGRATIONS_DIR) => base.withSchemaLock(() => runMigrations(folder)),
    async isReady() {
      try {
        if (expected === null) expected = await committedMigrationCount();
        return (await countApplied(base.db)) >= expected;
      } catch {
        return false;
      }
    },
  };
}

async function committedMigrationCount(): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const journal = JSON.parse(await readFile(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** The SQLSTATE of a PostgreSQL error, whichever driver raised it (Drizzle wraps it in `cause`). */
export function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** True for PostgreSQL's unique-violation error. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** Node socket errors that mean the database server cannot be reached. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Driver messages (pg, pg-pool, PGlite) for a connection that is gone or cannot be had. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error|Cannot use a pool after calling end|timeout exceeded when trying to connect|PGlite is closed|Client was closed|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when `error` means our database is unavailable rather than that the request was wrong: the
 * server terminated the connection or is starting/stopping (SQLSTATE 57P01-57P03), a connection
 * exception (class 08), too many connections (53300), an unreachable socket, or a closed pool or
 * PGlite instance. Callers answer 503 and ask to retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  if (state && (state.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03' || state === '53300')) return true;
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    const errors = (e as { errors?: unknown }).errors; // AggregateError from a dual-stack connect
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
  }
  return false;
}
