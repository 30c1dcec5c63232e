import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { systemClock, type Clock, type PlatformCatalog } from '@meetbridge/platforms';
import type { AppConfig } from './config/index.js';
import type { Database } from './db/client.js';
import { ProblemSchema } from './lib/problem-schema.js';
import { MeetingRepo } from './modules/meetings/repo.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { MeetingService } from './modules/meetings/service.js';
import { mockProviderRoutes } from './modules/mock-provider/routes.js';
import { RoomRepo } from './modules/rooms/repo.js';
import { roomRoutes } from './modules/rooms/routes.js';
import { RoomService } from './modules/rooms/service.js';
import { webRoutes } from './modules/web/routes.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin, problem, sendProblem } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';

/** Everything the HTTP app needs, built once per process by `main` (or per test). */
export interface AppDeps {
  config: AppConfig;
  database: Database;
  catalog: PlatformCatalog;
  logger: Logger;
  clock?: Clock;
}

/** Builds the Fastify app (not listening). The process concerns live in `main.ts`. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const clock = deps.clock ?? systemClock;
  const rooms = new RoomService(new RoomRepo(deps.database.db), deps.catalog);
  const meetings = new MeetingService({
    repo: new MeetingRepo(deps.database.db),
    rooms,
    catalog: deps.catalog,
    clock,
    logger: deps.logger,
    meetingDurationHours: deps.config.meetingDurationHours,
  });

  await app.register(errorsPlugin);
  await app.register(authPlugin, { auth: deps.config.auth });
  await app.register(openapiPlugin, { baseUrl: deps.config.baseUrl });

  app.get('/health', { schema: { tags: ['ops'], summary: 'The process is alive', response: { 200: z.object({ status: z.literal('ok') }) } }, config: { auth: false } }, async () => ({
    status: 'ok' as const,
  }));
  app.get(
    '/ready',
    {
      schema: {
        tags: ['ops'],
        summary: 'The database answers and every migration is applied',
        response: { 200: z.object({ status: z.literal('ready') }), 503: ProblemSchema },
      },
      config: { auth: false },
    },
    async (_request, reply) => {
      if (await deps.database.isReady()) return { status: 'ready' as const };
      return sendProblem(reply, problem(503, 'not_ready', 'The database is unreachable or migrations are not applied yet.'));
    },
  );

  await app.register(
    async (v1) => {
      await v1.register(roomRoutes, { rooms });
      await v1.register(meetingRoutes, { meetings });
    },
    { prefix: '/v1' },
  );
  await app.register(mockProviderRoutes);
  await app.register(webRoutes);
  return app as unknown as FastifyInstance;
}
