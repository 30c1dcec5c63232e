import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isServerPath } from '../../lib/reserved-paths.js';
import { problem, sendProblem } from '../../plugins/errors.js';

/** Where the web package's build lands (`packages/web/dist`), from src/ or dist/ alike. */
export const WEB_DIST = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../web/dist');

export interface WebRoutesOptions {
  /** The web app's build directory; default `packages/web/dist`. */
  distDir?: string;
}

const NOT_BUILT =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>Meetbridge</title><p>Meetbridge API is running. The web app is not built: run <code>npm run build</code> (or <code>npm run dev:web</code> for a dev server). API docs: <a href="/docs">/docs</a>.</p></html>';

/** A file-like last path segment (`favicon.svg`): never a client route, since room names have no dots. */
const FILE_LIKE = /\/[^/]*\.[^/]*$/;
/** Files at the top of the build that may be served by name (not the build manifest under `.vite/`). */
const TOP_LEVEL_FILE = /^\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * Serves the web app: hashed assets under `/assets/` (cached for a year), top-level files of the
 * build (`/favicon.svg`), and `index.html` for every other GET outside the server's own paths, so a
 * client route such as `/team-standup` loads the app. Under `/v1`, `/docs`, `/mock` and the other
 * server paths an unknown URL stays a problem-details 404.
 */
export const webRoutes: FastifyPluginAsync<WebRoutesOptions> = async (app, opts) => {
  const dist = opts.distDir ?? WEB_DIST;
  const built = existsSync(join(dist, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: join(dist, 'assets'), prefix: '/assets/', index: false, immutable: true, maxAge: '365d' });
  } else {
    app.log.info({ dist }, 'the web app is not built; / serves a placeholder page');
  }

  const notFound = (request: FastifyRequest, reply: FastifyReply, path: string) =>
    sendProblem(reply, problem(404, 'not_found', `No route ${request.method} ${path}. See /docs for the API.`));

  const serve = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (isServerPath(path)) return notFound(request, reply, path);
    if (FILE_LIKE.test(path)) {
      if (built && TOP_LEVEL_FILE.test(path) && existsSync(join(dist, path))) return reply.sendFile(path.slice(1), dist);
      return notFound(request, reply, path);
    }
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
    if (!built) return reply.send(NOT_BUILT);
    return reply.send(await readFile(join(dist, 'index.html')));
  };

  app.get('/', { schema: { hide: true }, config: { auth: false } }, serve);
  app.get('/*', { schema: { hide: true }, config: { auth: false } }, serve);
};
