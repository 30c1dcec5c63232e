import { useEffect, useRef, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import type { RoomProps } from '../types';

/**
 * Whereby's embed element (`<whereby-embed>` from `@whereby.com/browser-sdk/embed`, its own chunk)
 * on the URL the server gave this caller: the host URL for the room's owner. The element accepts
 * only `https://<subdomain>.whereby.com/...` rooms.
 */
export default function WherebyRoom({ join, displayName, onLeave }: RoomProps) {
  const [ready, setReady] = useState(false);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const embed = useRef<HTMLElement>(null);
  if (loadFailure) throw loadFailure;

  useEffect(() => {
    let cancelled = false;
    import('@whereby.com/browser-sdk/embed').then(
      () => !cancelled && setReady(true),
      (e: unknown) => !cancelled && setLoadFailure(e),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    const element = embed.current;
    if (!element) return;
    element.addEventListener('leave', onLeave);
    return () => element.removeEventListener('leave', onLeave);
  }, [ready, onLeave]);

  if (!ready) return <Spinner label="Loading Whereby…" />;
  return (
    <div className="provider-room" data-room-platform="whereby">
      <whereby-embed ref={embed} room={join.url ?? ''} title="Whereby video call" {...(displayName ? { displayName } : {})} />
    </div>
  );
}
