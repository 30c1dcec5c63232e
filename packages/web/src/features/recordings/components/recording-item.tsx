import { ProcessingStatus } from '@/components/processing-status';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { paths } from '@/config/paths';
import type { TranscriptSummary } from '@/lib/api/types';
import { useReprocessTranscript } from '../api/reprocess-transcript';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const length = (seconds: number | null) => {
  if (seconds === null) return null;
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** One recording of a meeting and its processing: stage and progress, the transcript when done, the error and a retry when failed. */
export function RecordingItem({ transcript }: { transcript: TranscriptSummary }) {
  const reprocess = useReprocessTranscript();
  const when = dateTime.format(new Date(transcript.created_at));
  const duration = length(transcript.duration);
  return (
    <li className="recording" data-recording-id={transcript.recording_id} data-transcript-status={transcript.status}>
      <div className="recording-head">
        <span className="recording-when">Recording of {when}</span>
        {duration && <span className="muted">{duration}</span>}
        {transcript.audio_deleted && <span className="tag">audio deleted (consent)</span>}
      </div>
      <ProcessingStatus status={transcript.status} stage={transcript.stage} progress={transcript.progress} error={transcript.error} />
      {(transcript.status === 'done' || transcript.status === 'error') && (
        <div className="actions">
          {transcript.status === 'done' && (
            <Link href={paths.transcript.href(transcript.id)} aria-label={`Open the transcript of the recording of ${when}`}>
              {transcript.title ? `Open transcript: ${transcript.title}` : 'Open transcript'}
            </Link>
          )}
          {transcript.status === 'error' && (
            <Button onPress={() => reprocess.mutate(transcript.id)} isPending={reprocess.isPending}>
              Retry processing
            </Button>
          )}
        </div>
      )}
      {reprocess.error && (
        <p className="form-error" role="alert">
          {reprocess.error.message}
        </p>
      )}
    </li>
  );
}
