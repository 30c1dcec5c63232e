import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFastify, type MeetbridgeFastify } from '../src/app.js';
import { buildConfig } from '../src/config/index.js';
import { EnvError } from '../src/config/env.js';
import { webConfig } from '../src/modules/web/config-routes.js';
import { webRoutes } from '../src/modules/web/routes.js';
import { errorsPlugin } from '../src/plugins/errors.js';
import { startTestServer } from './helpers/server.js';

/** A web build of three files, served by the web module alone (plus the errors plugin and one API route). */
async function appWith(dist: string | undefined): Promise<MeetbridgeFastify> {
  const app = createFastify(pino({ level: 'silent' }));
  await app.register(errorsPlugin);
  app.get('/v1/rooms', async () => ({ items: [] }));
  await app.register(webRoutes, dist ? { distDir: dist } : { distDir: join(tmpdir(), 'meetbridge-no-such-dist') });
  return app;
}

let app: MeetbridgeFastify;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'meetbridge-web-'));
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, '.vite'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Meetbridge</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dist, '.vite', 'manifest.json'), '{}');
  app = await appWith(dist);
});
afterAll(async () => app.close());

describe('the web app is served at /', () => {
  it('answers / and client routes with index.html, never cached', async () => {
    for (const url of [
      '/',
      '/team-standup',
      '/rooms/new',
      '/rooms/4b1e0c1e-0000-4000-8000-000000000000/edit',
      '/auth/callback?code=x&state=y',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toContain('text/html');
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache, and top-level files of the build', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/favicon.svg' })).headers['content-type']).toContain('image/svg+xml');
  });

  it('keeps problem-details 404s for server paths, missing files and other methods', async () => {
    for (const url of [
      '/v1/nope',
      '/v1/rooms/x/y/z',
      '/docs/nope.html',
      '/mock/nothing',
      '/assets/missing.js',
      '/missing.png',
      '/.vite/manifest.json',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
      expect(res.json(), url).toMatchObject({ status: 404, type: 'urn:meetbridge:problem:not_found' });
    }
    expect((await app.inject({ method: 'GET', url: '/v1/rooms' })).json()).toEqual({ items: [] });
    const post = await app.inject({ method: 'POST', url: '/team-standup' });
    expect(post.statusCode).toBe(404);
    expect(post.headers['content-type']).toContain('application/problem+json');
  });

  it('serves a placeholder page when the web app is not built', async () => {
    const bare = await appWith(undefined);
    try {
      const res = await bare.inject({ method: 'GET', url: '/team-standup' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('npm run build');
      expect((await bare.inject({ method: 'GET', url: '/v1/nope' })).statusCode).toBe(404);
    } finally {
      await bare.close();
    }
  });
});

describe('web app configuration', () => {
  it('GET /v1/config says no sign-in for AUTH_BACKEND=none; room names the server answers itself are refused', async () => {
    const t = await startTestServer({ RUN_WORKERS: 'false' });
    try {
      const res = await t.request('GET', '/v1/config');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ auth: { backend: 'none', oidc: null } });
      expect((await t.request('GET', '/openapi.json')).body.paths['/v1/config'].get).toBeDefined();
      // A room's page is /{room_name}: names the server answers itself are refused.
      for (const name of ['docs', 'health', 'v1', 'mock', 'assets']) {
        const refused = await t.request('POST', '/v1/rooms', { body: { name } });
        expect(refused.status, name).toBe(400);
        expect(refused.body.errors, name).toEqual([{ field: 'body.name', message: expect.stringContaining('is reserved') }]);
      }
    } finally {
      await t.close();
    }
  });

  it('gives the OpenID Connect issuer, client id and scope for AUTH_BACKEND=jwt, and nothing secret', () => {
    const base = { AUTH_BACKEND: 'jwt', AUTH_JWKS_URL: 'https://id.example.com/jwks', AUTH_JWT_AUDIENCE: 'meetbridge' };
    const config = buildConfig({ ...base, AUTH_OIDC_ISSUER: 'https://id.example.com/realms/mb', AUTH_OIDC_CLIENT_ID: 'mb-web' });
    expect(webConfig(config.auth)).toEqual({
      auth: { backend: 'jwt', oidc: { issuer: 'https://id.example.com/realms/mb', client_id: 'mb-web', scope: 'openid profile email' } },
    });
    expect(webConfig(buildConfig(base).auth)).toEqual({ auth: { backend: 'jwt', oidc: null } });
  });

  it('needs the OIDC issuer and client id together', () => {
    const base = { AUTH_BACKEND: 'jwt', AUTH_JWKS_URL: 'https://id.example.com/jwks' };
    expect(() => buildConfig({ ...base, AUTH_OIDC_CLIENT_ID: 'mb-web' })).toThrow(EnvError);
    expect(() => buildConfig({ ...base, AUTH_OIDC_CLIENT_ID: 'mb-web' })).toThrow(/AUTH_OIDC_ISSUER is missing/);
    expect(() => buildConfig({ ...base, AUTH_OIDC_ISSUER: 'not a url' })).toThrow(/AUTH_OIDC_ISSUER/);
  });
});
