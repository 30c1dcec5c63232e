import { join } from 'node:path';
import { PlatformCatalog, systemClock, type Clock } from '@meetbridge/platforms';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import type { AppConfig } from './config/index.js';
import { openDatabase, type Database } from './db/client.js';

/** A running Meetbridge process: the app, its database, and how to stop them. */
export interface Server {
  app: FastifyInstance;
  database: Database;
  catalog: PlatformCatalog;
  close(): Promise<void>;
}

export interface StartOptions {
  logger: Logger;
  clock?: Clock;
  /** Reuse an open database (tests); otherwise one is opened from the config. */
  database?: Database;
  fetch?: typeof fetch;
}

/** Opens the database (PGlite under DATA_DIR unless DATABASE_URL), applies migrations, builds the app. */
export async function createServer(config: AppConfig, options: StartOptions): Promise<Server> {
  const clock = options.clock ?? systemClock;
  const catalog = new PlatformCatalog(config.providerEnv, config.selection, {
    clock,
    logger: options.logger,
    baseUrl: config.baseUrl,
    fetch: options.fetch,
    webhookToleranceSeconds: config.webhookToleranceSeconds,
  });
  const database =
    options.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: join(config.dataDir, 'pglite') }));
  try {
    await database.migrate();
    const app = await buildApp({ config, database, catalog, logger: options.logger, clock });
    return {
      app,
      database,
      catalog,
      async close() {
        await app.close();
        if (!options.database) await database.close();
      },
    };
  } catch (error) {
    if (!options.database) await database.close();
    throw error;
  }
}
