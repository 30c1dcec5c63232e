import { join } from 'node:path';
import { PlatformCatalog, systemClock, type Clock } from '@meetbridge/platforms';
import type { Logger } from 'pino';
import type { AppConfig } from './config/index.js';
import { withMockWebhookSecret } from './config/secrets.js';
import { createContainer, type Container } from './container.js';
import { openDatabase, type Database } from './db/client.js';
import type { JobDefinition } from './jobs/define.js';
import { JobQueue } from './jobs/queue.js';
import { jobDefinitions } from './jobs/registry.js';
import { queueMatches, startWorkers, type Workers } from './jobs/worker.js';

/** The name `worker --queues` selects the S3-notice consumer by. */
export const NOTICE_CONSUMER_NAME = 'recording.notices';

export interface RuntimeOptions {
  logger: Logger;
  clock?: Clock;
  /** Reuse an open database (tests); otherwise one is opened from the config. */
  database?: Database;
  fetch?: typeof fetch;
}

/** What every process that touches the database shares: the database, the services and the job queue. */
export interface Runtime {
  config: AppConfig;
  container: Container;
  database: Database;
  catalog: PlatformCatalog;
  queue: JobQueue;
  definitions: JobDefinition[];
  /** Closes the queue and, unless it was handed in, the database. */
  close(): Promise<void>;
}

/** The platform catalog of a configuration: every provider's settings, validated once. */
export function createCatalog(config: AppConfig, options: Pick<RuntimeOptions, 'logger' | 'clock' | 'fetch'>): PlatformCatalog {
  return new PlatformCatalog(config.providerEnv, config.selection, {
    clock: options.clock ?? systemClock,
    logger: options.logger,
    baseUrl: config.baseUrl,
    fetch: options.fetch,
    webhookToleranceSeconds: config.webhookToleranceSeconds,
  });
}

/**
 * Opens the database (PGlite under DATA_DIR unless DATABASE_URL), applies migrations, wires the
 * services and starts the job queue (no workers yet). `serve` (`main.ts`) adds the HTTP app on top,
 * `worker` (`worker-process.ts`) only the workers.
 */
export async function openRuntime(given: AppConfig, options: RuntimeOptions): Promise<Runtime> {
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
  const close = async () => {
    await queue.stop();
    if (!options.database) await database.close();
  };
  try {
    await database.migrate();
    const container = createContainer({ config, database, catalog, clock, logger: options.logger, jobs: queue, fetch: options.fetch });
    const definitions = jobDefinitions(container);
    await queue.start(definitions);
    return { config, container, database, catalog, queue, definitions, close };
  } catch (error) {
    await queue.stop().catch(() => {});
    if (!options.database) await database.close();
    throw error;
  }
}

/** This process's job workers and, when selected and configured, the S3-notice consumer. */
export interface RunningWorkers {
  workers: Workers;
  stop(): Promise<void>;
}

/** Starts the workers of the queues matching `patterns` (every queue when empty) and the notice consumer if it matches. */
export async function startRuntimeWorkers(
  runtime: Runtime,
  patterns: readonly string[] | undefined,
  logger: Logger,
): Promise<RunningWorkers> {
  // The S3-notice consumer is a long-running loop, not a queue; `--queues` selects it as `recording.notices`.
  const notices = queueMatches(NOTICE_CONSUMER_NAME, patterns ?? []) ? runtime.container.webhooks.notices : null;
  const workers = await startWorkers(runtime.queue, runtime.definitions, { patterns, logger });
  notices?.start();
  return {
    workers,
    async stop() {
      await notices?.stop();
      await workers.stop();
    },
  };
}
