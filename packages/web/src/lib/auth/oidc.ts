import type { User, UserManager } from 'oidc-client-ts';
import type { WebConfig } from '../api/types';
import { paths } from '@/config/paths';

/** The OIDC settings `GET /v1/config` gives for `AUTH_BACKEND=jwt`. */
export type OidcSettings = NonNullable<WebConfig['auth']['oidc']>;

let manager: Promise<UserManager> | null = null;

/**
 * The one `UserManager` of this page: authorization code flow with PKCE (oidc-client-ts' default for
 * `response_type: 'code'`), a public client, tokens in sessionStorage. The library is imported only
 * here, so deployments without sign-in never download it.
 */
export function userManager(settings: OidcSettings): Promise<UserManager> {
  manager ??= import('oidc-client-ts').then(({ UserManager: Manager }) => {
    const origin = window.location.origin;
    return new Manager({
      authority: settings.issuer,
      client_id: settings.client_id,
      scope: settings.scope,
      response_type: 'code',
      redirect_uri: `${origin}${paths.authCallback.href()}`,
      silent_redirect_uri: `${origin}${paths.authCallback.href()}`,
      post_logout_redirect_uri: `${origin}/`,
      automaticSilentRenew: true,
      monitorSession: false,
    });
  });
  return manager;
}

/** The signed-in user, unless missing or expired. */
export async function currentUser(settings: OidcSettings): Promise<User | null> {
  const user = await (await userManager(settings)).getUser();
  return user && !user.expired ? user : null;
}

/** Where the user wanted to go before signing in (kept in the OIDC state across the redirect). */
interface SignInState {
  returnTo: string;
}

export async function startSignIn(settings: OidcSettings, returnTo: string): Promise<void> {
  await (await userManager(settings)).signinRedirect({ state: { returnTo } satisfies SignInState });
}

/** Completes a redirect (or silent) sign-in on the callback route; returns where to go next. */
export async function completeSignIn(settings: OidcSettings): Promise<string> {
  const user = await (await userManager(settings)).signinCallback();
  const state = user?.state as Partial<SignInState> | undefined;
  return typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') ? state.returnTo : '/';
}

export async function signOut(settings: OidcSettings): Promise<void> {
  const um = await userManager(settings);
  try {
    await um.signoutRedirect();
  } catch {
    // The provider has no end-session endpoint: forget the tokens here.
    await um.removeUser();
    window.location.assign('/');
  }
}
