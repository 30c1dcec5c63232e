import { useLocation } from 'wouter';
import { Spinner } from '@/components/ui/spinner';
import { Link } from '@/components/ui/link';
import { StatusScreen } from '@/components/status-screen';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api/errors';
import { usePlatforms } from '../api/get-platforms';
import { useRoom } from '../api/get-room';
import { useUpdateRoom } from '../api/update-room';
import { RoomForm } from './room-form';
import { roomValues, updateBody } from './room-form-values';

/** The edit form of one room; only the fields that changed are sent. */
export function EditRoom({ roomId }: { roomId: string }) {
  const room = useRoom(roomId);
  const platforms = usePlatforms();
  const update = useUpdateRoom();
  const [, navigate] = useLocation();
  if (room.isPending || platforms.isPending) return <Spinner label="Loading the room…" />;
  if (room.isError || platforms.isError) {
    const error = room.error ?? platforms.error;
    const missing = isApiError(error, 400, 404);
    return (
      <StatusScreen
        kind={missing ? 'room-not-found' : 'room-error'}
        title={missing ? 'No such room' : 'Could not load the room'}
        tone="error"
        actions={<Link href={paths.rooms.href()}>Back to your rooms</Link>}
      >
        <p>{error?.message}</p>
      </StatusScreen>
    );
  }
  const current = room.data;
  const known = platforms.data.some((p) => p.name === current.platform);
  return (
    <RoomForm
      initial={roomValues(current, platforms.data)}
      platforms={platforms.data}
      unavailablePlatform={known ? null : current.platform}
      secretSet={current.webhook_secret_set}
      submitLabel="Save changes"
      cancelHref={paths.rooms.href()}
      onSubmit={async (values, roomSize) => {
        const body = updateBody(current, values, roomSize);
        if (Object.keys(body).length > 0) await update.mutateAsync({ roomId, body });
        navigate(paths.rooms.href(), { state: { notice: `Room “${body.name ?? current.name}” saved.` } });
      }}
    />
  );
}
