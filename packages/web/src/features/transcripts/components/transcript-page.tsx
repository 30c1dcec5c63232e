import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { StatusScreen } from '@/components/status-screen';
import { isApiError } from '@/lib/api/errors';
import { useAuth } from '@/lib/auth/auth-provider';
import { useMediaUrl } from '../api/use-media-url';
import { transcriptAudioUrl, transcriptDownloadUrl, useTranscript } from '../api/get-transcript';
import { TranscriptView } from './transcript-view';

/** The transcript page's content: loading, not found, or the transcript. */
export function TranscriptPage({ transcriptId }: { transcriptId: string }) {
  const transcript = useTranscript(transcriptId);
  const auth = useAuth();
  const audioUrl = useMediaUrl(transcript.data?.audio_available ? transcriptAudioUrl(transcriptId) : null);
  if (transcript.isPending) return <Spinner label="Loading the transcript…" />;
  if (transcript.isError) {
    if (isApiError(transcript.error, 404, 400)) {
      return (
        <StatusScreen kind="transcript-not-found" title="Transcript not found" tone="error">
          <p>There is no transcript with this address, or it is not yours.</p>
        </StatusScreen>
      );
    }
    return (
      <StatusScreen
        kind="transcript-error"
        title="Could not load the transcript"
        tone="error"
        actions={<Button onPress={() => void transcript.refetch()}>Try again</Button>}
      >
        <p>{transcript.error.message}</p>
      </StatusScreen>
    );
  }
  return (
    <TranscriptView
      transcript={transcript.data}
      audioUrl={audioUrl}
      downloadUrl={(format) => transcriptDownloadUrl(transcriptId, format)}
      signedIn={auth.status === 'signed-in'}
    />
  );
}
