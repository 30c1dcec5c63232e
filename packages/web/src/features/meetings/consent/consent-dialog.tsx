import { useState } from 'react';
import { Dialog, Heading } from 'react-aria-components';
import { Button } from '@/components/ui/button';
import type { ConsentAnswer } from './consent-storage';

export interface ConsentDialogProps {
  /** Sends the answer; a rejection keeps the dialog open with the error. */
  onAnswer: (answer: ConsentAnswer) => Promise<void>;
}

/**
 * Asks whether this participant agrees to the meeting being recorded. Non-blocking: a dialog beside
 * the call (not modal), so the call stays usable while it waits. It takes the focus when it appears
 * (react-aria `Dialog`), Tab reaches both answers, Enter or Space answers.
 */
export function ConsentDialog({ onAnswer }: ConsentDialogProps) {
  const [pending, setPending] = useState<ConsentAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const answer = (value: ConsentAnswer) => {
    setPending(value);
    setError(null);
    onAnswer(value)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : 'Your answer was not saved.'))
      .finally(() => setPending(null));
  };
  return (
    <Dialog className="consent-dialog" aria-describedby="consent-body">
      <Heading slot="title">This meeting is recorded</Heading>
      <p id="consent-body">
        The recording is transcribed and summarised. Do you agree to your audio being kept? If anyone declines, the audio is deleted once
        the transcript is made.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <Button variant="primary" onPress={() => answer('given')} isPending={pending === 'given'} isDisabled={pending !== null}>
          Yes, record me
        </Button>
        <Button onPress={() => answer('declined')} isPending={pending === 'declined'} isDisabled={pending !== null}>
          No, do not keep my audio
        </Button>
      </div>
    </Dialog>
  );
}

/** Shown while the meeting records (`live`: the call reports it is recording right now). */
export function RecordingIndicator({ live }: { live: boolean }) {
  return (
    <p className="recording-indicator" role="status" data-recording={live ? 'live' : 'meeting'}>
      <span className="recording-dot" aria-hidden="true" />
      {live ? 'Recording' : 'This meeting is recorded'}
    </p>
  );
}
