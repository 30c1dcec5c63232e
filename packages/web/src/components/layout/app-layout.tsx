import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-provider';

function Account() {
  const auth = useAuth();
  switch (auth.status) {
    case 'signed-in':
      return (
        <span className="account">
          <span>{auth.name}</span>
          <Button variant="ghost" onPress={() => void auth.signOut()}>
            Sign out
          </Button>
        </span>
      );
    case 'signed-out':
      return (
        <Button variant="ghost" onPress={() => void auth.signIn()}>
          Sign in
        </Button>
      );
    default:
      return null;
  }
}

/** Header (home, new room, account), a skip link, and the page in `<main>`. */
export function AppLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <nav aria-label="Main">
          <Link href={paths.rooms.href()}>
            <span className="brand">Meetbridge</span>
          </Link>
          <Link href={paths.rooms.href()}>Rooms</Link>
          <Link href={paths.newRoom.href()}>New room</Link>
        </nav>
        <Account />
      </header>
      <main id="main" className={wide ? 'main main-wide' : 'main'} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
