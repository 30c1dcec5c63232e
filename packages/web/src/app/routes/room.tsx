import type { RouteComponentProps } from 'wouter';
import { Link } from '@/components/ui/link';
import { paths } from '@/config/paths';
import { RoomContainer } from '@/features/meetings/components/room-container';

/** A room's page: a slim bar (the room, a way out) and the call below it. */
export default function RoomRoute({ params }: RouteComponentProps<{ roomName: string }>) {
  const roomName = decodeURIComponent(params.roomName);
  return (
    <div className="room-page">
      <a className="skip-link" href="#main">
        Skip to the call
      </a>
      <header className="room-bar">
        <span className="brand">Meetbridge</span>
        <span className="room-bar-name">{roomName}</span>
        <Link href={paths.rooms.href()} variant="secondary">
          Leave
        </Link>
      </header>
      <main id="main" className="room-main" tabIndex={-1}>
        <RoomContainer key={roomName} roomName={roomName} />
      </main>
    </div>
  );
}
