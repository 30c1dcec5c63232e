import { ProcessingStatus } from '@/components/processing-status';
import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import { paths } from '@/config/paths';
import type { Recording, TranscriptSummary } from '@/lib/api/types';
import { useReprocessTranscript } from '../api/reprocess-transcript';
import { useRetryRecording } from '../api/retry-recording';

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** What each recording status means to the reader (the API documents them). */
const RECORDING_STATUS: Record<string, string> = {
  pending: 'Recording or announced',
  downloading: 'Arriving',
  stored: 'Stored',
  invalid: 'Unusable',
  orphan: 'Not matched to a meeting',
  error: 'Failed',
};

const clock = (ms: number | null) => {
  if (ms === null) return null;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function TranscriptState({ transcript }: { transcript: TranscriptSummary }) {
  const reprocess = useReprocessTranscript();
  return (
    <div className="recording-transcript" data-transcript-status={transcript.status}>
      <ProcessingStatus status={transcript.status} stage={transcript.stage} progress={transcript.progress} error={transcript.error} />
      {(transcript.status === 'done' || transcript.status === 'error') && (
        <div className="actions">
          {transcript.status === 'done' && (
            <Link href={paths.transcript.href(transcript.id)}>
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
    </div>
  );
}

/** A recording whose download failed for good: the owner (who sees its source) may download it again. */
function RetryDownload({ recordingId }: { recordingId: string }) {
  const retry = useRetryRecording();
  return (
    <div className="actions">
      <Button onPress={() => retry.mutate(recordingId)} isPending={retry.isPending}>
        Retry download
      </Button>
      {retry.error && (
        <p className="form-error" role="alert">
          {retry.error.message}
        </p>
      )}
    </div>
  );
}

/**
 * One recording: when, how long, its own status (arriving, stored, unusable, failed with the reason and,
 * for its owner, a retry of the download),
 * and its processing: stage and progress, the transcript when done, the error and a retry when failed.
 */
export function RecordingItem({ recording, transcript }: { recording: Recording; transcript: TranscriptSummary | undefined }) {
  const when = dateTime.format(new Date(recording.recorded_at ?? recording.created_at));
  const length = clock(recording.duration_ms);
  const status = RECORDING_STATUS[recording.status] ?? recording.status;
  return (
    <li className="recording" data-recording-id={recording.id} data-recording-status={recording.status}>
      <div className="recording-head">
        <span className="recording-when">Recording of {when}</span>
        {length && <span className="muted">{length}</span>}
        <span className={`tag recording-status-${recording.status}`}>{status}</span>
        {recording.audio_deleted && <span className="tag">audio deleted (consent)</span>}
      </div>
      {recording.error && (
        <p className="form-error" data-recording-error>
          {recording.error}
        </p>
      )}
      {recording.status === 'error' && recording.source && !recording.audio_deleted && <RetryDownload recordingId={recording.id} />}
      {transcript ? (
        <TranscriptState transcript={transcript} />
      ) : (
        recording.status === 'stored' && <p className="muted">Waiting for processing to start…</p>
      )}
    </li>
  );
}
