import { AppLayout } from '@/components/layout/app-layout';
import { PageHeading } from '@/components/page-heading';
import { SignInGate } from '@/components/sign-in-gate';
import { CreateRoom } from '@/features/rooms/components/create-room-page';

export default function NewRoomRoute() {
  return (
    <AppLayout>
      <SignInGate>
        <PageHeading>New room</PageHeading>
        <CreateRoom />
      </SignInGate>
    </AppLayout>
  );
}
