import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type FastifyPluginAsyncZod, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Container } from './container.js';
import { ProblemSchema } from './lib/problem-schema.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { recordingRoutes } from './modules/recordings/routes.js';
import { mockProviderRoutes } from './modules/mock-provider/routes.js';
import { mockUploadRoutes } from './modules/mock-provider/uploads.js';
import { roomRoutes } from './modules/rooms/routes.js';
import { webConfigRoutes } from './modules/web/config-routes.js';
import { webRoutes } from './modules/web/routes.js';
import { meetingEventRoutes, webhookRoutes } from './modules/webhooks/routes.js';
import { webhookHealthRoutes } from './modules/webhook-health/routes.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin, problem, sendProblem } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';

/** The largest JSON body the API accepts. */
export const BODY_LIMIT = 1_048_576;

/**
 * The Meetbridge HTTP app as a Fastify plugin: register it on any Fastify instance that uses the zod
 * type provider (`buildApp` does). Routes talk only to the services of `container`; nothing here
 * listens on a port.
 */
export const meetbridgeApp: FastifyPluginAsyncZod<{ container: Container }> = async (app, { container: c }) => {
  await app.register(errorsPlugin);
  await app.register(authPlugin, { auth: c.config.auth });
  await app.register(openapiPlugin, { baseUrl: c.config.baseUrl });

  app.get(
    '/health',
    {
      schema: { tags: ['ops'], summary: 'The process is alive', response: { 200: z.object({ status: z.literal('ok') }) } },
      config: { auth: false },
    },
    async () => ({ status: 'ok' as const }),
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
      await v1.register(meetingRoutes, { meetings: c.meetings.service });
      await v1.register(recordingRoutes, {
        recordings: c.recordings.service,
        starter: c.recordings.starter,
        consent: c.recordings.consent,
      });
      await v1.register(meetingEventRoutes, { meetings: c.meetings.service, inbox: c.webhooks.inbox });
      await v1.register(webConfigRoutes, { auth: c.config.auth });
    },
    { prefix: '/v1' },
  );
  await app.register(webhookRoutes, { webhooks: c.webhooks.intake });
  await app.register(webhookHealthRoutes, { health: c.webhookHealth });
  await app.register(mockProviderRoutes, {
    baseUrl: c.config.baseUrl,
    webhookSecret: c.config.providerEnv.MOCK_WEBHOOK_SECRET?.split(',')[0] ?? '',
    clock: c.clock,
    logger: c.logger,
  });
  await app.register(mockUploadRoutes, {
    recordings: c.recordings.uploads,
    secrets: (c.config.providerEnv.MOCK_WEBHOOK_SECRET ?? '').split(',').filter(Boolean),
    clock: c.clock,
  });
  await app.register(webRoutes);
};

/** A Fastify instance configured for Meetbridge (zod validation and serialization), not listening. */
export function createFastify(logger: Logger) {
  const app = Fastify({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app;
}

/** The Fastify instance type the app runs on. */
export type MeetbridgeFastify = ReturnType<typeof createFastify>;

/** Builds the app (not listening) over a wired container. The process lives in `main.ts`. */
export async function buildApp(c: Container, logger: Logger): Promise<MeetbridgeFastify> {
  const app = createFastify(logger);
  await app.register(meetbridgeApp, { container: c });
  return app;
}
