import { useEffect, useState } from 'react';
import { useHistoryState } from 'wouter/use-browser-location';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { Spinner } from '@/components/ui/spinner';
import { StatusScreen } from '@/components/status-screen';
import { paths } from '@/config/paths';
import type { Room } from '@/lib/api/types';
import { useRoomActivity, type RoomActivity } from '../api/get-active-meetings';
import { usePlatforms } from '../api/get-platforms';
import { ROOMS_PAGE_SIZE, useRooms } from '../api/get-rooms';
import { DeleteRoomDialog } from './delete-room-dialog';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function MeetingCell({ activity }: { activity: RoomActivity | undefined }) {
  if (!activity) return <span className="muted">No meeting</span>;
  const label = `Live since ${time.format(new Date(activity.since))}`;
  return (
    <span className="live">
      <span className="live-dot" aria-hidden="true" />
      {activity.meetings > 1 ? `${label} (${activity.meetings} meetings)` : label}
    </span>
  );
}

/** The caller's rooms: platform, live meeting and who is in it, with open, edit and delete. */
export function RoomsList() {
  const [page, setPage] = useState(1);
  const rooms = useRooms(page);
  const activity = useRoomActivity();
  const platforms = usePlatforms();
  const [deleting, setDeleting] = useState<Room | null>(null);
  const state = useHistoryState<{ notice?: string } | null>();
  const [notice, setNotice] = useState<string | null>(state?.notice ?? null);
  // A notice is news once: reloading the page must not repeat it.
  useEffect(() => {
    if (state?.notice) window.history.replaceState(null, '', window.location.href);
  }, [state]);

  if (rooms.isPending) return <Spinner label="Loading your rooms…" />;
  if (rooms.isError) {
    return (
      <StatusScreen
        kind="rooms-error"
        title="Could not load your rooms"
        tone="error"
        actions={<Button onPress={() => void rooms.refetch()}>Try again</Button>}
      >
        <p>{rooms.error.message}</p>
      </StatusScreen>
    );
  }
  const { items, total } = rooms.data;
  const pages = Math.max(1, Math.ceil(total / ROOMS_PAGE_SIZE));
  const platformName = (name: string) => platforms.data?.find((p) => p.name === name)?.display_name ?? name;

  return (
    <>
      <p className="notice" role="status">
        {notice}
      </p>
      {items.length === 0 ? (
        <div className="empty">
          <p>No rooms yet.</p>
          <Link href={paths.newRoom.href()} variant="primary">
            Create your first room
          </Link>
        </div>
      ) : (
        <table className="rooms">
          <caption className="visually-hidden">Your rooms</caption>
          <thead>
            <tr>
              <th scope="col">Room</th>
              <th scope="col">Platform</th>
              <th scope="col">Meeting</th>
              <th scope="col">Participants</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((room) => {
              const live = activity.data?.get(room.id);
              return (
                <tr key={room.id} data-room={room.name}>
                  <th scope="row">
                    <Link href={paths.room.href(room.name)} aria-label={`Open room ${room.name}`}>
                      {room.name}
                    </Link>
                    {room.is_locked && <span className="tag">locked</span>}
                  </th>
                  <td>{platformName(room.platform)}</td>
                  <td>
                    <MeetingCell activity={live} />
                  </td>
                  <td data-cell="participants">{live ? live.participants : 0}</td>
                  <td>
                    <div className="row-actions">
                      <Link href={paths.roomRecordings.href(room.id)} aria-label={`Recordings of room ${room.name}`}>
                        Recordings
                      </Link>
                      <Link href={paths.editRoom.href(room.id)} aria-label={`Edit room ${room.name}`}>
                        Edit
                      </Link>
                      <Button variant="ghost" onPress={() => setDeleting(room)} aria-label={`Delete room ${room.name}`}>
                        Delete
                      </Button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label="Pages">
          <Button isDisabled={page <= 1} onPress={() => setPage((p) => p - 1)}>
            Previous
          </Button>
          <span>
            Page {page} of {pages}
          </span>
          <Button isDisabled={page >= pages} onPress={() => setPage((p) => p + 1)}>
            Next
          </Button>
        </nav>
      )}
      <DeleteRoomDialog room={deleting} onClose={() => setDeleting(null)} onDeleted={(room) => setNotice(`Room “${room.name}” deleted.`)} />
    </>
  );
}
