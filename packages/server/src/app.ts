import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Container } from './container.js';
import { ProblemSchema } from './lib/problem-schema.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { mockProviderRoutes } from './modules/mock-provider/routes.js';
import { roomRoutes } from './modules/rooms/routes.js';
import { webRoutes } from './modules/web/routes.js';
import { webhookRoutes } from './modules/webhooks/routes.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin, problem, sendProblem } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';

/** Builds the Fastify app (not listening) over a wired container. The process lives in `main.ts`. */
export async function buildApp(c: Container, logger: Logger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: 1_048_576,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(authPlugin, { auth: c.config.auth });
  await app.register(openapiPlugin, { baseUrl: c.config.baseUrl });

  app.get(
    '/health',
    {
      schema: { tags: ['ops'], summary: 'The process is alive', response: { 200: z.object({ status: z.literal('ok') }) } },
      config: { auth: false },
    },
    async () => ({
      status: 'ok' as const,
    }),
  );
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
      if (await c.database.isReady()) return { status: 'ready' as const };
      return sendProblem(reply, problem(503, 'not_ready', 'The database is unreachable or migrations are not applied yet.'));
    },
  );

  await app.register(
    async (v1) => {
      await v1.register(roomRoutes, { rooms: c.rooms });
      await v1.register(meetingRoutes, { meetings: c.meetings, inbox: c.inbox });
    },
    { prefix: '/v1' },
  );
  await app.register(webhookRoutes, { webhooks: c.webhooks });
  await app.register(mockProviderRoutes, {
    baseUrl: c.config.baseUrl,
    webhookSecret: c.config.providerEnv.MOCK_WEBHOOK_SECRET?.split(',')[0] ?? '',
    clock: c.clock,
    logger,
  });
  await app.register(webRoutes);
  return app as unknown as FastifyInstance;
}
