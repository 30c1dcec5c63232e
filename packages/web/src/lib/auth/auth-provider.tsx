import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setAccessTokenProvider } from '../api/client';
import { currentUser, signOut, startSignIn, userManager, type OidcSettings } from './oidc';
import { useWebConfig } from './web-config';

/** Who is using the app, as far as the web app knows. */
export type AuthState =
  | { status: 'loading' }
  /** `AUTH_BACKEND=none`: no sign-in, every caller is the server's one local user. */
  | { status: 'off' }
  /** `AUTH_BACKEND=jwt` without `AUTH_OIDC_*`: the API needs tokens the web app cannot get. */
  | { status: 'unconfigured' }
  | { status: 'signed-out'; signIn: (returnTo?: string) => Promise<void> }
  | { status: 'signed-in'; name: string | null; signOut: () => Promise<void> }
  | { status: 'error'; error: unknown };

const AuthContext = createContext<AuthState>({ status: 'loading' });

/** The user's sign-in state (see `AuthProvider`). */
export const useAuth = (): AuthState => useContext(AuthContext);

function useOidcUser(oidc: OidcSettings | null) {
  const [user, setUser] = useState<{ name: string | null } | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!oidc) return;
    let detach = () => {};
    let cancelled = false;
    setAccessTokenProvider(async () => (await currentUser(oidc))?.access_token ?? null);
    const nameOf = (u: { profile: { name?: string; email?: string; sub: string } }) => u.profile.name ?? u.profile.email ?? u.profile.sub;
    userManager(oidc).then(
      async (um) => {
        const loaded = (u: Parameters<Parameters<typeof um.events.addUserLoaded>[0]>[0]) => setUser({ name: nameOf(u) });
        const unloaded = () => setUser(null);
        um.events.addUserLoaded(loaded);
        um.events.addUserUnloaded(unloaded);
        um.events.addAccessTokenExpired(unloaded);
        detach = () => {
          um.events.removeUserLoaded(loaded);
          um.events.removeUserUnloaded(unloaded);
          um.events.removeAccessTokenExpired(unloaded);
        };
        const u = await currentUser(oidc);
        if (!cancelled) setUser(u ? { name: nameOf(u) } : null);
      },
      (e: unknown) => setError(e),
    );
    return () => {
      cancelled = true;
      detach();
    };
  }, [oidc]);
  return { user, error };
}

/**
 * Reads `GET /v1/config` and, for `AUTH_BACKEND=jwt`, the OIDC session: the API client then sends the
 * access token. With `AUTH_BACKEND=none` there is no sign-in at all.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const config = useWebConfig();
  const auth = config.data?.auth;
  const oidc = auth?.backend === 'jwt' ? auth.oidc : null;
  const { user, error } = useOidcUser(oidc);

  const state = useMemo<AuthState>(() => {
    if (config.error) return { status: 'error', error: config.error };
    if (!auth) return { status: 'loading' };
    if (auth.backend === 'none') return { status: 'off' };
    if (!oidc) return { status: 'unconfigured' };
    if (error) return { status: 'error', error };
    if (user === undefined) return { status: 'loading' };
    if (user === null) return { status: 'signed-out', signIn: (returnTo = window.location.pathname) => startSignIn(oidc, returnTo) };
    return { status: 'signed-in', name: user.name, signOut: () => signOut(oidc) };
  }, [config.error, auth, oidc, user, error]);

  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}
