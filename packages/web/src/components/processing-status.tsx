export interface ProcessingStatusProps {
  /** The transcript's status (`queued`, `preparing`, …, `done`, `error`, `awaiting_backend`). */
  status: string;
  /** The stage it is in or failed in. */
  stage: string;
  /** Progress of the current stage, 0–1. */
  progress: number;
  error: string | null;
}

const LABELS: Record<string, string> = {
  queued: 'Queued',
  preparing: 'Preparing the audio',
  transcribing: 'Transcribing',
  summarizing: 'Summarising',
  done: 'Transcript ready',
  error: 'Processing failed',
  awaiting_backend: 'Waiting for a transcription backend',
};

const WORKING = new Set(['queued', 'preparing', 'transcribing', 'summarizing']);

/** Where a recording's processing is: stage and progress while it runs, the error when it failed. */
export function ProcessingStatus({ status, stage, progress, error }: ProcessingStatusProps) {
  const label = LABELS[status] ?? status;
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div className="processing" data-status={status}>
      <span className={`processing-label processing-${WORKING.has(status) ? 'working' : status}`}>{label}</span>
      {WORKING.has(status) && (
        <>
          {/* A native progress bar: its value is announced, and it needs no script. */}
          <progress className="processing-bar" max={100} value={percent} aria-label={`${label}: stage ${stage}`}>
            {percent}%
          </progress>
          <span className="muted">
            {stage} · {percent}%
          </span>
        </>
      )}
      {error && (status === 'error' || status === 'awaiting_backend') && (
        <p className={status === 'error' ? 'form-error' : 'muted'} data-processing-error>
          {error}
        </p>
      )}
    </div>
  );
}
