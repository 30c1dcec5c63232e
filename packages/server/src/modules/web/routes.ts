import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

/** Where the web package's build lands (`packages/web/dist`), from src/ or dist/ alike. */
const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

/** Serves the web app's entry page at `/` (the SPA's assets come with the web issue). */
export const webRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { schema: { hide: true }, config: { auth: false } }, async (_request, reply) => {
    const index = resolve(WEB_DIST, 'index.html');
    reply.type('text/html; charset=utf-8');
    if (existsSync(index)) return reply.send(await readFile(index));
    return reply.send(
      '<!doctype html><title>Meetbridge</title><p>Meetbridge API is running. The web app is not built; run <code>npm run build</code>. API docs: <a href="/docs">/docs</a>.</p>',
    );
  });
};
