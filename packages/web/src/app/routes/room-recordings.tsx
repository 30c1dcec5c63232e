import type { RouteComponentProps } from 'wouter';
import { AppLayout } from '@/components/layout/app-layout';
import { SignInGate } from '@/components/sign-in-gate';
import { RoomRecordings } from '@/features/recordings/components/room-recordings';

export default function RoomRecordingsRoute({ params }: RouteComponentProps<{ roomId: string }>) {
  return (
    <AppLayout wide>
      <SignInGate>
        <RoomRecordings roomId={decodeURIComponent(params.roomId)} />
      </SignInGate>
    </AppLayout>
  );
}
