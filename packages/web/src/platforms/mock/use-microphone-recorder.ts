import { useCallback, useEffect, useRef, useState } from 'react';

/** What the mock room records: Opus in WebM, which Chromium and Firefox both produce. */
export const RECORDING_MIME_TYPE = 'audio/webm;codecs=opus';

export type RecorderPhase =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'recording'; since: number }
  | { phase: 'saving' }
  | { phase: 'saved'; bytes: number; seconds: number }
  | { phase: 'failed'; message: string };

/** A finished recording, handed to `onRecorded` (which uploads it). */
export interface Recorded {
  blob: Blob;
  startedAt: Date;
  seconds: number;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Records the microphone with MediaRecorder (`audio/webm;codecs=opus`). `start()` asks for the
 * microphone; `stop()` stops the recorder, releases the microphone and resolves once `onRecorded`
 * (the upload) has finished, with whether it succeeded, so "leave the call" can wait for it. Unmounting while recording stops the
 * recorder and still hands the recording over.
 */
export function useMicrophoneRecorder(onRecorded: (recording: Recorded) => Promise<void>) {
  const [state, setState] = useState<RecorderPhase>({ phase: 'idle' });
  const recorder = useRef<MediaRecorder | null>(null);
  const finished = useRef<Promise<boolean> | null>(null);
  const handler = useRef(onRecorded);
  useEffect(() => {
    handler.current = onRecorded;
  }, [onRecorded]);

  const start = useCallback(async () => {
    if (recorder.current) return;
    if (typeof MediaRecorder === 'undefined' || !MediaRecorder.isTypeSupported(RECORDING_MIME_TYPE)) {
      setState({ phase: 'failed', message: `This browser cannot record ${RECORDING_MIME_TYPE}.` });
      return;
    }
    setState({ phase: 'starting' });
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      setState({ phase: 'failed', message: `The microphone is not available: ${message(error)}` });
      return;
    }
    const rec = new MediaRecorder(stream, { mimeType: RECORDING_MIME_TYPE });
    const chunks: Blob[] = [];
    const startedAt = new Date();
    rec.addEventListener('dataavailable', (e) => {
      if (e.data.size > 0) chunks.push(e.data);
    });
    finished.current = new Promise<boolean>((resolve) => {
      rec.addEventListener(
        'stop',
        () => {
          for (const track of stream.getTracks()) track.stop();
          recorder.current = null;
          const blob = new Blob(chunks, { type: RECORDING_MIME_TYPE });
          const seconds = (Date.now() - startedAt.getTime()) / 1000;
          setState({ phase: 'saving' });
          handler
            .current({ blob, startedAt, seconds })
            .then(() => {
              setState({ phase: 'saved', bytes: blob.size, seconds });
              resolve(true);
            })
            .catch((error: unknown) => {
              setState({ phase: 'failed', message: `The recording was not saved: ${message(error)}` });
              resolve(false);
            });
        },
        { once: true },
      );
    });
    recorder.current = rec;
    // A chunk every second, so a recording cut short still holds what was said.
    rec.start(1_000);
    setState({ phase: 'recording', since: startedAt.getTime() });
  }, []);

  /** Stops a recording in progress and resolves once it is handed over: false if that failed. */
  const stop = useCallback(async (): Promise<boolean> => {
    const rec = recorder.current;
    if (!rec || rec.state === 'inactive') return true;
    rec.stop();
    return (await finished.current) ?? true;
  }, []);

  useEffect(
    () => () => {
      const rec = recorder.current;
      if (rec && rec.state !== 'inactive') rec.stop();
    },
    [],
  );

  return { state, start, stop, isRecording: state.phase === 'recording' };
}
