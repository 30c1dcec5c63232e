import { join } from 'node:path';
import { PlatformCatalog, systemClock, type Clock } from '@meetbridge/platforms';
import type { Logger } from 'pino';
import { buildApp, type MeetbridgeFastify } from './app.js';
import type { AppConfig } from './config/index.js';
import { withMockWebhookSecret } from './config/secrets.js';
import { createContainer, type Container } from './container.js';
import { openDatabase, type Database } from './db/client.js';
import { JobQueue } from './jobs/queue.js';
import { jobDefinitions } from './jobs/registry.js';
import { queueMatches, startWorkers, type Workers } from './jobs/worker.js';

/** The name `worker --queues` selects the S3-notice consumer by. */
export const NOTICE_CONSUMER_NAME = 'recording.notices';

/** A running Meetbridge process: the app, its services and queue, and how to stop them. */
export interface Server {
  app: MeetbridgeFastify;
  container: Container;
  database: Database;
  catalog: PlatformCatalog;
  queue: JobQueue;
  /** This process's workers once started (`null` when it runs none, or before `startWorkers`). */
  workers: Workers | null;
  /**
   * Starts the workers when `deferWorkers` was given (`serve` listens first, then drains the inbox);
   * a no-op otherwise or when this process runs none.
   */
  startWorkers(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  /** Reuse an open database (tests); otherwise one is opened from the config. */
  database?: Database;
  fetch?: typeof fetch;
  /** Run the job workers in this process (default: `config.runWorkers`). */
  workers?: boolean;
  /** Work only the queues matching these patterns (`recordings.*`); default every queue. */
  queues?: readonly string[];
  /** Do not start the workers yet: the caller calls `startWorkers()` (after listening). */
  deferWorkers?: boolean;
}

/** The platform catalog of a configuration: every provider's settings, validated once. */
export function createCatalog(config: AppConfig, options: Pick<StartOptions, 'logger' | 'clock' | 'fetch'>): PlatformCatalog {
  return new PlatformCatalog(config.providerEnv, config.selection, {
    clock: options.clock ?? systemClock,
    logger: options.logger,
    baseUrl: config.baseUrl,
    fetch: options.fetch,
    webhookToleranceSeconds: config.webhookToleranceSeconds,
  });
}

/**
 * Opens the database (PGlite under DATA_DIR unless DATABASE_URL), applies migrations, starts the
 * job queue and, unless told otherwise, this process's workers; then builds the HTTP app.
 */
export async function createServer(given: AppConfig, options: StartOptions): Promise<Server> {
  const config = withMockWebhookSecret(given);
  const clock = options.clock ?? systemClock;
  const catalog = createCatalog(config, options);
  for (const warning of catalog.warnings()) options.logger.warn({ platforms: catalog.describe() }, warning);
  const database =
    options.database ??
    (await openDatabase({
      databaseUrl: config.databaseUrl,
      poolSize: config.databasePoolSize,
      pgliteDir: join(config.dataDir, 'pglite'),
      onConnectionError: (error) =>
        options.logger.warn({ code: (error as { code?: unknown }).code, message: error.message }, 'database connection lost'),
    }));
  const queue = new JobQueue(database, options.logger);
  try {
    await database.migrate();
    const container = createContainer({ config, database, catalog, clock, logger: options.logger, jobs: queue, fetch: options.fetch });
    const definitions = jobDefinitions(container);
    await queue.start(definitions);
    const runWorkers = options.workers ?? config.runWorkers;
    // The S3-notice consumer is a long-running loop, not a queue; `--queues` selects it as `recording.notices`.
    const notices = runWorkers && queueMatches(NOTICE_CONSUMER_NAME, options.queues ?? []) ? container.webhooks.notices : null;
    const app = await buildApp(container, options.logger);
    let closing = false;
    const server: Server = {
      app,
      container,
      database,
      catalog,
      queue,
      workers: null,
      async startWorkers() {
        if (!runWorkers || server.workers || closing) return;
        server.workers = await startWorkers(queue, definitions, { patterns: options.queues, logger: options.logger });
        notices?.start();
      },
      async close() {
        closing = true;
        container.webhooks.intake.close();
        await app.close();
        await notices?.stop();
        await server.workers?.stop();
        await queue.stop();
        if (!options.database) await database.close();
      },
    };
    if (!options.deferWorkers) await server.startWorkers();
    return server;
  } catch (error) {
    await queue.stop().catch(() => {});
    if (!options.database) await database.close();
    throw error;
  }
}
