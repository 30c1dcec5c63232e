import type { DailyCall } from '@daily-co/daily-js';
import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { RoomProps } from '../types';
import { roomUrlWithoutToken } from './room-url';

/**
 * Daily's prebuilt call UI in an iframe (daily-js `createFrame`), joined with the meeting token the
 * server issued for this caller (owner rights for the room's owner). daily-js is imported here, so
 * it is its own chunk, downloaded only for Daily meetings.
 */
export default function DailyRoom({ join, onLeave }: RoomProps) {
  const container = useRef<HTMLDivElement>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [joinError, setJoinError] = useState<string | null>(null);
  if (loadFailure) throw loadFailure;

  useEffect(() => {
    let cancelled = false;
    let frame: DailyCall | null = null;
    if (!join.url) return;
    const url = roomUrlWithoutToken(join.url);
    import('@daily-co/daily-js').then(
      ({ default: Daily }) => {
        if (cancelled || !container.current) return;
        frame = Daily.createFrame(container.current, {
          showLeaveButton: true,
          showFullscreenButton: true,
          iframeStyle: { width: '100%', height: '100%', border: '0' },
        });
        frame.iframe()?.setAttribute('title', 'Daily video call');
        frame.on('left-meeting', onLeave);
        frame.join({ url, ...(join.token ? { token: join.token } : {}) }).catch((e: unknown) => {
          if (!cancelled) setJoinError(e instanceof Error ? e.message : 'Daily refused to join.');
        });
      },
      (e: unknown) => {
        if (!cancelled) setLoadFailure(e);
      },
    );
    return () => {
      cancelled = true;
      void frame?.destroy();
    };
  }, [join, onLeave]);

  const problem = join.url ? joinError : 'the server gave no room URL for this meeting.';
  return (
    <div className="provider-room" data-room-platform="daily">
      {problem && (
        <div className="form-error" role="alert">
          <p>Could not join the Daily call: {problem}</p>
          <Button onPress={onLeave}>Back to rooms</Button>
        </div>
      )}
      <div ref={container} className="provider-frame" />
    </div>
  );
}
