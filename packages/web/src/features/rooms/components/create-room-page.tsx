import { useLocation } from 'wouter';
import { Spinner } from '@/components/ui/spinner';
import { StatusScreen } from '@/components/status-screen';
import { paths } from '@/config/paths';
import { useCreateRoom } from '../api/create-room';
import { usePlatforms } from '../api/get-platforms';
import { RoomForm } from './room-form';
import { createBody, newRoomValues } from './room-form-values';

/** The create form; back to the list (which announces the new room) once the server accepted it. */
export function CreateRoom() {
  const platforms = usePlatforms();
  const create = useCreateRoom();
  const [, navigate] = useLocation();
  if (platforms.isPending) return <Spinner label="Loading platforms…" />;
  if (platforms.isError) {
    return (
      <StatusScreen kind="platforms-error" title="Could not load the platforms" tone="error">
        <p>{platforms.error.message}</p>
      </StatusScreen>
    );
  }
  return (
    <RoomForm
      initial={newRoomValues(platforms.data)}
      platforms={platforms.data}
      submitLabel="Create room"
      cancelHref={paths.rooms.href()}
      onSubmit={async (values, roomSize) => {
        const room = await create.mutateAsync(createBody(values, roomSize));
        navigate(paths.rooms.href(), { state: { notice: `Room “${room.name}” created.` } });
      }}
    />
  );
}
