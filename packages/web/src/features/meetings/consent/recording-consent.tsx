import { useState, type ReactNode } from 'react';
import type { Meeting } from '@/lib/api/types';
import { ConsentDialog, RecordingIndicator } from './consent-dialog';
import { rememberAnswer, rememberedAnswer, type ConsentAnswer } from './consent-storage';

export interface RecordingConsentProps {
  meeting: Meeting;
  /** The room's `skip_consent`: nobody is asked. */
  skipConsent: boolean;
  /** Whether the call reports recording right now (null: it does not say). */
  live: boolean | null;
  /** Sends this participant's answer to the server. */
  sendAnswer: (meetingId: string, consentGiven: boolean) => Promise<unknown>;
  children: ReactNode;
}

/**
 * Around every platform's room: when the meeting records (`recording_type = cloud`) and the room
 * does not skip consent, asks once per meeting in this browser (the answer goes to the server, then
 * is remembered in localStorage), and shows the recording indicator while recording.
 */
export function RecordingConsent({ meeting, skipConsent, live, sendAnswer, children }: RecordingConsentProps) {
  const records = meeting.recording_type === 'cloud';
  const [answer, setAnswer] = useState<ConsentAnswer | null>(() => rememberedAnswer(meeting.id));
  const ask = records && !skipConsent && answer === null;
  const onAnswer = async (value: ConsentAnswer) => {
    await sendAnswer(meeting.id, value === 'given');
    rememberAnswer(meeting.id, value);
    setAnswer(value);
  };
  const indicator = live === true || (records && live === null);
  return (
    <div className="recording-consent" data-consent={answer ?? (ask ? 'asking' : 'not-asked')}>
      {indicator && <RecordingIndicator live={live === true} />}
      {ask && <ConsentDialog onAnswer={onAnswer} />}
      {children}
    </div>
  );
}
