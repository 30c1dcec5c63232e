import createClient from 'openapi-fetch';
import type { paths } from './schema';

/** Returns the bearer token to send, or null for an anonymous call. */
export type AccessTokenProvider = () => Promise<string | null>;

let accessToken: AccessTokenProvider = () => Promise.resolve(null);

/** Sets where API calls get their bearer token (the auth provider does, once sign-in is known). */
export function setAccessTokenProvider(provider: AccessTokenProvider): void {
  accessToken = provider;
}

/** The bearer token API calls carry now, or null (not signed in, or no sign-in). */
export const currentAccessToken = (): Promise<string | null> => accessToken();

/**
 * The typed API client (same origin: the server serves this app; the dev server proxies the API).
 * It only adds the bearer token: no notifications or redirects here (callers decide what an error means).
 */
export const api = createClient<paths>({ baseUrl: '' });

api.use({
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  },
});
