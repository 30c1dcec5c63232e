import { systemClock } from '@meetbridge/platforms';
import { pino } from 'pino';
import { buildApp } from './app.js';
import type { AppConfig } from './config/index.js';
import { createContainer } from './container.js';
import { openDatabase } from './db/client.js';
import type { JobInspector, JobSender } from './jobs/types.js';
import { createCatalog } from './runtime.js';

/**
 * The OpenAPI document of the API, built from the route schemas without listening on a port or
 * touching a real database (an empty in-memory one backs the never-called services). The web app's
 * typed client is generated from it.
 */
export async function openApiDocument(config: AppConfig): Promise<unknown> {
  const logger = pino({ level: 'silent' });
  const database = await openDatabase({});
  const jobs: JobSender & JobInspector = {
    send: () => Promise.reject(new Error('no job queue while writing the OpenAPI document')),
    sendMany: () => Promise.reject(new Error('no job queue while writing the OpenAPI document')),
    liveKeys: () => Promise.reject(new Error('no job queue while writing the OpenAPI document')),
  };
  try {
    const catalog = createCatalog(config, { logger });
    const container = createContainer({ config, database, catalog, clock: systemClock, logger, jobs });
    const app = await buildApp(container, logger);
    // The app is an encapsulated plugin, so `swagger()` is not decorated on this instance: ask its route.
    const document: unknown = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}
