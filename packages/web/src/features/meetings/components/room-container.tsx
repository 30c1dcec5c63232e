import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-provider';
import { enterRoom, renewPlace, type RoomEntry } from '../api/enter-room';
import { classifyEntryError } from '../api/entry-problem';
import { useMeeting } from '../api/get-meeting';
import { ProviderRoom } from './provider-room';
import { EntryFailed, MeetingEnded, ProviderUnavailable, RoomNotFound, WaitingForHost } from './room-screens';

/** Polls a locked, empty meeting until someone (the host) is in it; then renews the place and goes on. */
function HostWait({ entry, onAdmitted, onEnded }: { entry: RoomEntry; onAdmitted: () => void; onEnded: () => void }) {
  const meeting = useMeeting(entry.meeting.id);
  const present = meeting.data?.num_clients ?? 0;
  const ended = meeting.data ? !meeting.data.is_active : false;
  useEffect(() => {
    if (ended) onEnded();
    else if (present > 0) void renewPlace(entry.room.name, entry.meeting.id).then(onAdmitted, onEnded);
  }, [present, ended, entry, onAdmitted, onEnded]);
  return <WaitingForHost roomName={entry.room.name} />;
}

/**
 * The room page (spec step 3.5): gets or creates the room's meeting, reserves a place, asks how to
 * join, and renders the platform's room component from the registry. Every way this can go wrong
 * has its own screen.
 */
export function RoomContainer({ roomName }: { roomName: string }) {
  const [attempt, setAttempt] = useState(0);
  const [admitted, setAdmitted] = useState(false);
  const [ended, setEnded] = useState(false);
  const [, navigate] = useLocation();
  const auth = useAuth();
  const entry = useQuery({
    queryKey: ['room-entry', roomName, attempt],
    queryFn: () => enterRoom(roomName),
    retry: false,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const again = useCallback(() => {
    setEnded(false);
    setAdmitted(false);
    setAttempt((a) => a + 1);
  }, []);
  const leave = useCallback(() => navigate(paths.rooms.href()), [navigate]);
  const markAdmitted = useCallback(() => setAdmitted(true), []);
  const markEnded = useCallback(() => setEnded(true), []);

  if (entry.isPending) return <Spinner label={`Opening ${roomName}…`} />;
  if (ended) return <MeetingEnded onNewMeeting={again} />;
  if (entry.isError) {
    const problem = classifyEntryError(entry.error);
    switch (problem.screen) {
      case 'room-not-found':
        return <RoomNotFound roomName={roomName} />;
      case 'meeting-ended':
        return <MeetingEnded onNewMeeting={again} />;
      case 'unavailable':
        return <ProviderUnavailable seconds={problem.retryAfterSeconds} detail={problem.detail} onRetry={again} />;
      case 'error':
        return <EntryFailed detail={problem.detail} onRetry={again} />;
    }
  }
  const { room, meeting, join } = entry.data;
  const mustWait = meeting.is_locked && !join.is_owner && meeting.num_clients === 0;
  if (mustWait && !admitted) return <HostWait entry={entry.data} onAdmitted={markAdmitted} onEnded={markEnded} />;
  return (
    <ProviderRoom
      meeting={meeting}
      join={join}
      skipConsent={room.skip_consent}
      displayName={auth.status === 'signed-in' ? auth.name : null}
      onLeave={leave}
    />
  );
}
