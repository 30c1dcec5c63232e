import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3.1 generated from the zod route schemas, at `/openapi.json`, with a docs UI at `/docs`. */
export const openapiPlugin = fp(
  async (app: FastifyInstance, opts: { baseUrl: string }) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Meetbridge API',
          version: '0.1.0',
          description: 'Meeting rooms on any video provider. Errors are RFC 9457 problem details (application/problem+json).',
        },
        servers: [{ url: opts.baseUrl }],
        components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true }, config: { auth: false } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
