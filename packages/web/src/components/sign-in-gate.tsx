import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { StatusScreen } from '@/components/status-screen';
import { useAuth } from '@/lib/auth/auth-provider';

/** Renders its children once the user may call the owner APIs: always with AUTH_BACKEND=none, after sign-in with jwt. */
export function SignInGate({ children }: { children: ReactNode }) {
  const auth = useAuth();
  switch (auth.status) {
    case 'off':
    case 'signed-in':
      return children;
    case 'loading':
      return <Spinner label="Checking sign-in…" />;
    case 'signed-out':
      return (
        <StatusScreen
          kind="sign-in"
          title="Sign in to manage your rooms"
          actions={
            <Button variant="primary" onPress={() => void auth.signIn()}>
              Sign in
            </Button>
          }
        >
          <p>Anyone with a room&apos;s link can join its meetings; creating and changing rooms needs an account.</p>
        </StatusScreen>
      );
    case 'unconfigured':
      return (
        <StatusScreen kind="sign-in-unconfigured" title="Sign-in is not configured" tone="error">
          <p>
            The server checks bearer tokens (<code>AUTH_BACKEND=jwt</code>) but has no OpenID Connect settings for this app. Set{' '}
            <code>AUTH_OIDC_ISSUER</code> and <code>AUTH_OIDC_CLIENT_ID</code> (see <code>.env.example</code>).
          </p>
        </StatusScreen>
      );
    case 'error':
      return (
        <StatusScreen kind="sign-in-error" title="Could not check sign-in" tone="error">
          <p>{auth.error instanceof Error ? auth.error.message : 'The sign-in service did not answer.'}</p>
        </StatusScreen>
      );
  }
}
