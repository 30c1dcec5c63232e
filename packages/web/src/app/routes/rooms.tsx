import { AppLayout } from '@/components/layout/app-layout';
import { PageHeading } from '@/components/page-heading';
import { SignInGate } from '@/components/sign-in-gate';
import { Link } from '@/components/ui/link';
import { paths } from '@/config/paths';
import { RoomsList } from '@/features/rooms/components/rooms-list';

export default function RoomsRoute() {
  return (
    <AppLayout wide>
      <SignInGate>
        <div className="page-title">
          <PageHeading>Your rooms</PageHeading>
          <Link href={paths.newRoom.href()} variant="primary">
            New room
          </Link>
        </div>
        <RoomsList />
      </SignInGate>
    </AppLayout>
  );
}
