import { join } from 'node:path';
import { PlatformCatalog, systemClock, type Clock } from '@meetbridge/platforms';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import type { AppConfig } from './config/index.js';
import { withMockWebhookSecret } from './config/secrets.js';
import { createContainer, type Container } from './container.js';
import { openDatabase, type Database } from './db/client.js';
import { JobQueue } from './jobs/queue.js';
import { startWorkers, type Workers } from './jobs/workers.js';

/** A running Meetbridge process: the app, its services and queue, and how to stop them. */
export interface Server {
  app: FastifyInstance;
  container: Container;
  database: Database;
  catalog: PlatformCatalog;
  queue: JobQueue;
  workers: Workers | null;
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
  /** Serve HTTP (default true); `false` for a worker-only process. */
  http?: boolean;
}

/**
 * Opens the database (PGlite under DATA_DIR unless DATABASE_URL), applies migrations, starts the
 * job queue and, unless told otherwise, this process's workers; then builds the HTTP app.
 */
export async function createServer(given: AppConfig, options: StartOptions): Promise<Server> {
  const config = withMockWebhookSecret(given);
  const clock = options.clock ?? systemClock;
  const catalog = new PlatformCatalog(config.providerEnv, config.selection, {
    clock,
    logger: options.logger,
    baseUrl: config.baseUrl,
    fetch: options.fetch,
    webhookToleranceSeconds: config.webhookToleranceSeconds,
  });
  const database =
    options.database ??
    (await openDatabase({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize, pgliteDir: join(config.dataDir, 'pglite') }));
  let queue: JobQueue | undefined;
  try {
    await database.migrate();
    const container = createContainer({ config, database, catalog, clock, logger: options.logger });
    queue = new JobQueue(database, options.logger);
    await queue.start();
    const workers = (options.workers ?? config.runWorkers) ? await startWorkers(container, queue, config.reconcileIntervalSeconds) : null;
    const detach = attachQueue(container, queue, workers);
    const app = await buildApp(container, options.logger);
    const q = queue;
    return {
      app,
      container,
      database,
      catalog,
      queue: q,
      workers,
      async close() {
        detach();
        await app.close();
        await workers?.stop();
        await q.stop();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    await queue?.stop().catch(() => {});
    if (!options.database) await database.close();
    throw error;
  }
}

/**
 * Connects the services' hooks to the queue: stored webhooks get drained, meetings reconciled.
 * Returns the disconnect, called first on shutdown so no job is sent or woken once stopping began.
 */
function attachQueue(c: Container, queue: JobQueue, workers: Workers | null): () => void {
  let timer: NodeJS.Timeout | undefined;
  c.hooks.webhookStored = () => {
    // One send per 50 ms per process is plenty: the drain job empties the whole inbox.
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      queue
        .send('webhookDrain', {})
        .then(() => workers?.wake())
        .catch((err: unknown) => c.logger.warn({ err }, 'could not schedule webhook processing; the sweep will'));
    }, 50);
    timer.unref();
  };
  c.hooks.reconcile = async (meetingIds) => {
    for (const meetingId of meetingIds) await queue.send('meetingReconcile', { meetingId, countEmpty: false }, { singletonKey: meetingId });
  };
  return () => {
    clearTimeout(timer);
    c.hooks.webhookStored = () => {};
    c.hooks.reconcile = async () => {};
  };
}
