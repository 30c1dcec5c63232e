import { AppLayout } from '@/components/layout/app-layout';
import { StatusScreen } from '@/components/status-screen';
import { Link } from '@/components/ui/link';
import { paths } from '@/config/paths';

export default function NotFoundRoute() {
  return (
    <AppLayout>
      <StatusScreen kind="page-not-found" title="Page not found" actions={<Link href={paths.rooms.href()}>Back to your rooms</Link>}>
        <p>This address is not a page of Meetbridge. A room&apos;s page is just its name, like /team-standup.</p>
      </StatusScreen>
    </AppLayout>
  );
}
