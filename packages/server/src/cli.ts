#!/usr/bin/env node
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError } from '@meetbridge/platforms';
import closeWithGrace from 'close-with-grace';
import type { Logger } from 'pino';
import { buildConfig } from './config/index.js';
import { EnvError, loadDotEnv } from './config/env.js';
import { isDatabaseUnavailable, openDatabase } from './db/client.js';
import { createLogger } from './lib/logger.js';

// Each command imports what it runs when it runs (below): `worker` never loads the HTTP app (Fastify,
// its routes and OpenAPI document), which keeps a worker process small (docs/benchmarks.md).

const USAGE = `Usage: meetbridge <command> [options]

Commands:
  serve                 Run the API and, unless RUN_WORKERS=false, the job workers in this process.
  worker [--queues P]   Run only the job workers; no HTTP. --queues limits them to the queues matching
                        comma-separated patterns (e.g. --queues 'recordings.*,pipeline.*'), so CPU-heavy
                        work can run on processes of its own. Default: every queue.
  migrate               Apply pending database migrations and exit.
  openapi [FILE]        Write the OpenAPI document (to FILE, default stdout) without listening or
                        touching the configured database.
  webhook status|register|reactivate [--platform P] [--url URL]
                        Provider webhooks managed through an API (webhookAdmin): show their state, point them
                        at BASE_URL, or re-activate one the provider stopped after failed deliveries.
                        Needs no database.

Configuration comes from the environment and an optional .env file; see .env.example.`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function loadConfig() {
  loadDotEnv();
  try {
    return buildConfig(process.env);
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
}

/** Fails with the usual message when starting found the providers' configuration invalid. */
async function configured<T>(starting: Promise<T>): Promise<T> {
  try {
    return await starting;
  } catch (error) {
    if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`);
    throw error;
  }
}

/**
 * Shuts down gracefully on a signal or an uncaught exception, as before. A promise rejected because
 * our database went away (a dropped connection inside a library that does not await it, such as
 * pg-boss completing a job) is logged and survived: the work is retried by the job system and the
 * pool reconnects. Any other unhandled rejection is rethrown as an uncaught exception (shutdown).
 */
function handleShutdown(logger: Logger, close: () => Promise<void>): void {
  closeWithGrace({ delay: 10_000, skip: ['unhandledRejection'] }, async ({ err }) => {
    if (err) logger.error({ err }, 'shutting down after an error');
    await close();
  });
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      logger.warn(
        { message: reason instanceof Error ? reason.message.slice(0, 200) : String(reason) },
        'database unavailable; work will be retried',
      );
      return;
    }
    setImmediate(() => {
      throw reason;
    });
  });
}

async function worker(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { queues: { type: 'string' } } });
  const queues = values.queues
    ?.split(',')
    .map((q) => q.trim())
    .filter(Boolean);
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { createWorkerProcess } = await import('./worker-process.js');
  const worker = await configured(createWorkerProcess(config, { logger, queues }));
  handleShutdown(logger, () => worker.close());
  logger.info({ platforms: worker.catalog.describe(), database: worker.database.kind, queues: worker.workers.queues }, 'worker started');
  console.log('Meetbridge worker is running (Ctrl+C to stop).');
}

async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { createServer } = await import('./main.js');
  // serve listens before its workers start, so a backlog in the inbox never keeps the port closed.
  const server = await configured(createServer(config, { logger, deferWorkers: true }));
  logger.info(
    { platforms: server.catalog.describe(), default: server.catalog.defaultPlatform(), database: server.database.kind },
    'platforms',
  );
  if (config.auth.backend === 'none' && !LOOPBACK.has(config.host)) {
    logger.warn(
      { host: config.host },
      'AUTH_BACKEND=none while listening beyond loopback: anyone who can reach this port acts as the local user',
    );
  }
  handleShutdown(logger, () => server.close());
  await server.app.listen({ host: config.host, port: config.port });
  await server.startWorkers();
  console.log(`Meetbridge is running at ${config.baseUrl} (API docs: ${config.baseUrl}/docs)`);
}

async function migrate(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    pgliteDir: join(config.dataDir, 'pglite'),
  });
  try {
    await database.migrate();
    console.log(`Migrations applied (${database.kind}).`);
  } finally {
    await database.close();
  }
}

async function openapi(args: string[]): Promise<void> {
  const { openApiDocument } = await import('./openapi.js');
  const text = `${JSON.stringify(await openApiDocument(loadConfig()), null, 2)}\n`;
  if (args[0]) await writeFile(args[0], text);
  else process.stdout.write(text);
}

async function webhook(args: string[]): Promise<void> {
  const config = loadConfig();
  const [{ createCatalog }, { WebhookAdmin }, { runWebhookCommand }] = await Promise.all([
    import('./runtime.js'),
    import('./modules/webhook-health/admin.js'),
    import('./modules/webhook-health/commands.js'),
  ]);
  let admin: InstanceType<typeof WebhookAdmin>;
  try {
    admin = new WebhookAdmin(createCatalog(config, { logger: createLogger(config.logLevel) }), config.baseUrl);
  } catch (error) {
    if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`);
    throw error;
  }
  process.exitCode = await runWebhookCommand(args, admin, { out: (line) => console.log(line), err: (line) => console.error(line) });
}

const [command, ...rest] = process.argv.slice(2);
const commands: Record<string, (args: string[]) => Promise<void>> = { serve, worker, migrate, openapi, webhook };
const run = command ? commands[command] : undefined;
if (!run) fail(command ? `Unknown command "${command}".\n\n${USAGE}` : USAGE, command ? 2 : 0);
run(rest).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
