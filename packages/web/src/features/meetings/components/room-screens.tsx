import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { StatusScreen } from '@/components/status-screen';
import { paths } from '@/config/paths';

const back = <Link href={paths.rooms.href()}>Back to your rooms</Link>;

export function RoomNotFound({ roomName }: { roomName: string }) {
  return (
    <StatusScreen kind="room-not-found" title="Room not found" tone="error" actions={back}>
      <p>
        There is no room called <strong>{roomName}</strong>. Check the link, or ask whoever sent it.
      </p>
    </StatusScreen>
  );
}

export function MeetingEnded({ onNewMeeting }: { onNewMeeting: () => void }) {
  return (
    <StatusScreen
      kind="meeting-ended"
      title="This meeting has ended"
      actions={
        <>
          <Button variant="primary" onPress={onNewMeeting}>
            Start a new meeting
          </Button>
          {back}
        </>
      }
    >
      <p>Everyone left, or its time ran out. Joining again starts the room&apos;s next meeting.</p>
    </StatusScreen>
  );
}

/** Counts down `seconds` (when given), then calls `onRetry`; a button retries at once. */
export function ProviderUnavailable({ seconds, detail, onRetry }: { seconds: number | null; detail: string; onRetry: () => void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    if (left === null) return;
    if (left <= 0) {
      onRetry();
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onRetry]);
  return (
    <StatusScreen
      kind="provider-unavailable"
      title="The video service is temporarily unavailable"
      tone="error"
      actions={
        <>
          <Button variant="primary" onPress={onRetry}>
            Try again now
          </Button>
          {back}
        </>
      }
    >
      <p>{detail}</p>
      {left !== null && <p aria-live="polite">Trying again in {left} s…</p>}
    </StatusScreen>
  );
}

export function ProviderLoadFailed({ onRetry, detail }: { onRetry: () => void; detail: string }) {
  return (
    <StatusScreen
      kind="provider-load-failed"
      title="The video room could not be loaded"
      tone="error"
      actions={
        <>
          <Button variant="primary" onPress={onRetry}>
            Retry
          </Button>
          {back}
        </>
      }
    >
      <p>Part of the app did not download (a network hiccup or a blocked script). {detail}</p>
    </StatusScreen>
  );
}

export function WaitingForHost({ roomName }: { roomName: string }) {
  return (
    <StatusScreen kind="waiting-for-host" title="Waiting for the host" actions={back}>
      <p>
        <strong>{roomName}</strong> is locked: the host lets people in from inside the call. This page goes on by itself as soon as the host
        is there.
      </p>
      <p className="muted" role="status">
        Nobody is in the meeting yet…
      </p>
    </StatusScreen>
  );
}

export function EntryFailed({ detail, onRetry }: { detail: string; onRetry: () => void }) {
  return (
    <StatusScreen
      kind="room-error"
      title="Could not open the room"
      tone="error"
      actions={
        <>
          <Button variant="primary" onPress={onRetry}>
            Try again
          </Button>
          {back}
        </>
      }
    >
      <p>{detail}</p>
    </StatusScreen>
  );
}
