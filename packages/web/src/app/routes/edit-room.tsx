import type { RouteComponentProps } from 'wouter';
import { AppLayout } from '@/components/layout/app-layout';
import { PageHeading } from '@/components/page-heading';
import { SignInGate } from '@/components/sign-in-gate';
import { EditRoom } from '@/features/rooms/components/edit-room-page';

export default function EditRoomRoute({ params }: RouteComponentProps<{ roomId: string }>) {
  return (
    <AppLayout>
      <SignInGate>
        <PageHeading>Edit room</PageHeading>
        <EditRoom roomId={params.roomId} />
      </SignInGate>
    </AppLayout>
  );
}
