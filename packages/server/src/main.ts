import type { Clock, PlatformCatalog } from '@meetbridge/platforms';
import type { Logger } from 'pino';
import { buildApp, type MeetbridgeFastify } from './app.js';
import type { AppConfig } from './config/index.js';
import type { Container } from './container.js';
import type { Database } from './db/client.js';
import type { JobQueue } from './jobs/queue.js';
import type { Workers } from './jobs/worker.js';
import { openRuntime, startRuntimeWorkers, type RunningWorkers } from './runtime.js';

export { createCatalog, NOTICE_CONSUMER_NAME } from './runtime.js';

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

/**
 * Opens the database (PGlite under DATA_DIR unless DATABASE_URL), applies migrations, starts the
 * job queue and, unless told otherwise, this process's workers; then builds the HTTP app. A process
 * that only works jobs uses `createWorkerProcess` (`worker-process.ts`): no HTTP app.
 */
export async function createServer(given: AppConfig, options: StartOptions): Promise<Server> {
  const runtime = await openRuntime(given, options);
  const { container, database, catalog, queue } = runtime;
  try {
    const runWorkers = options.workers ?? runtime.config.runWorkers;
    const app = await buildApp(container, options.logger);
    let running: RunningWorkers | null = null;
    let closing = false;
    const server: Server = {
      app,
      container,
      database,
      catalog,
      queue,
      workers: null,
      async startWorkers() {
        if (!runWorkers || running || closing) return;
        running = await startRuntimeWorkers(runtime, options.queues, options.logger);
        server.workers = running.workers;
      },
      async close() {
        closing = true;
        container.webhooks.intake.close();
        await app.close();
        await running?.stop();
        await runtime.close();
      },
    };
    if (!options.deferWorkers) await server.startWorkers();
    return server;
  } catch (error) {
    await runtime.close().catch(() => {});
    throw error;
  }
}
