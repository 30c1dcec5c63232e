import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { AppLayout } from '@/components/layout/app-layout';
import { StatusScreen } from '@/components/status-screen';
import { Spinner } from '@/components/ui/spinner';
import { Link } from '@/components/ui/link';
import { paths } from '@/config/paths';
import { completeSignIn } from '@/lib/auth/oidc';
import { useWebConfig } from '@/lib/auth/web-config';

/** Where the identity provider sends the browser back (the redirect and the silent renew alike). */
export default function AuthCallbackRoute() {
  const config = useWebConfig();
  const [, navigate] = useLocation();
  const [error, setError] = useState<string | null>(null);
  const oidc = config.data?.auth.backend === 'jwt' ? config.data.auth.oidc : null;
  useEffect(() => {
    if (!oidc) return;
    completeSignIn(oidc).then(
      (returnTo) => {
        if (window.self === window.top) navigate(returnTo, { replace: true });
      },
      (e: unknown) => setError(e instanceof Error ? e.message : 'Sign-in failed.'),
    );
  }, [oidc, navigate]);
  if (config.data && !oidc) {
    return (
      <AppLayout>
        <StatusScreen
          kind="sign-in-off"
          title="Sign-in is not used here"
          actions={<Link href={paths.rooms.href()}>Go to your rooms</Link>}
        />
      </AppLayout>
    );
  }
  if (error) {
    return (
      <AppLayout>
        <StatusScreen kind="sign-in-failed" title="Sign-in failed" tone="error" actions={<Link href={paths.rooms.href()}>Back</Link>}>
          <p>{error}</p>
        </StatusScreen>
      </AppLayout>
    );
  }
  return <Spinner label="Signing you in…" />;
}
