import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import type { RecorderPhase } from './use-microphone-recorder';

const clock = (seconds: number) => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return <span className="recorder-elapsed">{clock((now - since) / 1000)}</span>;
}

const kib = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

export interface RecorderControlsProps {
  state: RecorderPhase;
  onStart: () => void;
  onStop: () => void;
}

/** Record / stop for the mock room's microphone, with what happened to the last recording. */
export function RecorderControls({ state, onStart, onStop }: RecorderControlsProps) {
  const recording = state.phase === 'recording';
  return (
    <div className="recorder" role="group" aria-labelledby="recorder-title">
      <h2 id="recorder-title">Recording</h2>
      <div className="actions">
        {recording ? (
          <Button variant="danger" onPress={onStop}>
            Stop recording
          </Button>
        ) : (
          <Button onPress={onStart} isPending={state.phase === 'starting' || state.phase === 'saving'}>
            Start recording
          </Button>
        )}
        {recording && <Elapsed since={state.since} />}
      </div>
      <p className="recorder-status" role="status" data-recorder={state.phase}>
        {state.phase === 'idle' && 'Records your microphone; the recording is uploaded when you stop.'}
        {state.phase === 'starting' && 'Asking for the microphone…'}
        {state.phase === 'recording' && 'Recording your microphone.'}
        {state.phase === 'saving' && 'Uploading the recording…'}
        {state.phase === 'saved' && `Recording uploaded (${clock(state.seconds)}, ${kib(state.bytes)}).`}
      </p>
      {state.phase === 'failed' && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
