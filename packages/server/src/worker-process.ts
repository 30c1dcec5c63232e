import type { Clock, PlatformCatalog } from '@meetbridge/platforms';
import type { Logger } from 'pino';
import type { AppConfig } from './config/index.js';
import type { Container } from './container.js';
import type { Database } from './db/client.js';
import type { Workers } from './jobs/worker.js';
import { openRuntime, startRuntimeWorkers } from './runtime.js';

/** A `meetbridge worker` process: the job workers and nothing of the HTTP app. */
export interface WorkerProcess {
  container: Container;
  database: Database;
  catalog: PlatformCatalog;
  workers: Workers;
  close(): Promise<void>;
}

export interface WorkerProcessOptions {
  logger: Logger;
  clock?: Clock;
  /** Work only the queues matching these patterns (`recording.*`); default every queue. */
  queues?: readonly string[];
}

/**
 * What `meetbridge worker` runs: the database, the services and the workers of the selected queues,
 * without building the Fastify app (its routes, schemas and OpenAPI document), so a worker that only
 * copies recordings stays small (docs/benchmarks.md, "Recording download").
 */
export async function createWorkerProcess(config: AppConfig, options: WorkerProcessOptions): Promise<WorkerProcess> {
  const runtime = await openRuntime(config, options);
  try {
    const running = await startRuntimeWorkers(runtime, options.queues, options.logger);
    return {
      container: runtime.container,
      database: runtime.database,
      catalog: runtime.catalog,
      workers: running.workers,
      async close() {
        runtime.container.webhooks.intake.close();
        await running.stop();
        await runtime.close();
      },
    };
  } catch (error) {
    await runtime.close().catch(() => {});
    throw error;
  }
}
