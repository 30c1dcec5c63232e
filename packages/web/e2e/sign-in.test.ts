import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS } from './global-setup.js';
import { apiClient, routeOffMachine, screenshot } from './helpers/app.js';
import { openChromium, type Browser } from './helpers/chromium.js';
import { startOidcProvider, type OidcProvider } from './helpers/oidc-provider.js';
import { freePort, startMeetbridge, type RunningServer } from './helpers/server.js';

/**
 * AUTH_BACKEND=jwt with web sign-in: a second Meetbridge server trusts a test OpenID Connect provider
 * (authorization code + PKCE). The other browser tests run with AUTH_BACKEND=none (no sign-in at all).
 */
const e2e = inject('e2e');
let idp: OidcProvider;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  const idpPort = await freePort();
  idp = await startOidcProvider(idpPort, {
    clientId: 'meetbridge-web',
    audience: 'meetbridge',
    user: { sub: 'ann-123', name: 'Ann Example', email: 'ann@example.com' },
  });
  server = await startMeetbridge(
    await freePort(),
    {
      AUTH_BACKEND: 'jwt',
      AUTH_JWKS_URL: `${idp.issuer}/jwks`,
      AUTH_JWT_ISSUER: idp.issuer,
      AUTH_JWT_AUDIENCE: 'meetbridge',
      AUTH_OIDC_ISSUER: idp.issuer,
      AUTH_OIDC_CLIENT_ID: 'meetbridge-web',
    },
    join(ARTIFACTS, 'server-jwt.log'),
  );
  browser = await openChromium();
  await routeOffMachine(browser.context, e2e);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await idp?.close();
});

describe('sign-in with AUTH_BACKEND=jwt', () => {
  it('asks to sign in, signs in with the authorization code flow and PKCE, and calls the API with the access token', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('[data-screen="sign-in"]').waitFor();
    await screenshot(page, 'sign-in', { doc: true });

    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.getByRole('heading', { name: 'Test identity provider' }).waitFor();
    await page.getByRole('link', { name: 'Sign in as Ann Example' }).click();
    await page.getByRole('heading', { name: 'Your rooms' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText('Ann Example').waitFor();
    expect(idp.tokenRequests).toEqual([{ grantType: 'authorization_code', pkceVerified: true }]);

    // Creating a room needs a signed-in caller: the API saw Ann's access token.
    await page.getByRole('link', { name: 'New room' }).first().click();
    await page.getByLabel('Name').fill('anns-room');
    await page.getByRole('button', { name: 'Create room' }).click();
    await page.locator('tr[data-room="anns-room"]').waitFor();
    const { data } = await apiClient(server.url).GET('/v1/rooms/name/{room_name}', { params: { path: { room_name: 'anns-room' } } });
    expect(data?.user_id).toBe('ann-123');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('[data-screen="sign-in"]').waitFor();
    await page.close();
  });

  it('lets anyone with the link join a room without signing in, as a guest', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/anns-room`);
    await page.getByRole('heading', { name: 'Mock video room' }).waitFor();
    await page.getByText('You are the guest').waitFor();
    await page.close();
  });
});
