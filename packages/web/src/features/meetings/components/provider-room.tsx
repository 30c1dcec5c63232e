import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorBoundary } from '@/components/error-boundary';
import { Spinner } from '@/components/ui/spinner';
import { roomModuleLoader } from '@/platforms/registry';
import type { RoomProps } from '@/platforms/types';
import { giveConsent } from '../api/give-consent';
import { RecordingConsent } from '../consent/recording-consent';
import { EntryFailed, ProviderLoadFailed } from './room-screens';

const message = (error: unknown) => (error instanceof Error ? error.message : '');

/**
 * Loads the meeting's platform component from the registry (its own chunk) and renders it. A chunk or
 * SDK that fails to download shows "could not be loaded" with a retry that imports it again.
 */
export function ProviderRoom({ skipConsent, ...props }: Omit<RoomProps, 'onRecordingChange'> & { skipConsent: boolean }) {
  const platform = props.meeting.platform;
  const [live, setLive] = useState<boolean | null>(null);
  const load = roomModuleLoader(platform);
  const [attempt, setAttempt] = useState(0);
  const module = useQuery({
    queryKey: ['room-module', platform, attempt],
    queryFn: () => load!(),
    enabled: load !== null,
    retry: false,
    staleTime: Infinity,
    structuralSharing: false,
    refetchOnWindowFocus: false,
  });
  const retry = () => setAttempt((a) => a + 1);

  if (!load) {
    return (
      <EntryFailed
        detail={`This meeting runs on “${platform}”, which this version of the app cannot show. Reload the page.`}
        onRetry={retry}
      />
    );
  }
  if (module.isPending) return <Spinner label="Loading the video room…" />;
  if (module.isError) return <ProviderLoadFailed detail={message(module.error)} onRetry={retry} />;
  const Room = module.data.default;
  return (
    <RecordingConsent meeting={props.meeting} skipConsent={skipConsent} live={live} sendAnswer={giveConsent}>
      <ErrorBoundary key={attempt} fallback={(error) => <ProviderLoadFailed detail={message(error)} onRetry={retry} />}>
        <Room {...props} onRecordingChange={setLive} />
      </ErrorBoundary>
    </RecordingConsent>
  );
}
