import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Form } from 'react-aria-components';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { RoomProps } from '../types';
import { getPresence, joinCall, leaveCall, uploadRecording } from './api';
import { RecorderControls } from './recorder';
import { useMicrophoneRecorder, type Recorded } from './use-microphone-recorder';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/**
 * The built-in mock provider's room: no video, but joining and leaving drive the mock provider's
 * presence, which sends the same signed webhooks a real provider sends; the server's meeting state
 * follows them. When the meeting records, the participant can record their microphone, uploaded to
 * the mock provider when the recording stops. Works with no external service.
 */
export default function MockRoom({ meeting, join, displayName, onLeave, onRecordingChange }: RoomProps) {
  const room = meeting.provider_room_name;
  const records = meeting.recording_type === 'cloud';
  const upload = useCallback(({ blob }: Recorded) => uploadRecording(room, join.token, blob).then(() => undefined), [room, join.token]);
  const recorder = useMicrophoneRecorder(upload);
  useEffect(() => onRecordingChange(recorder.isRecording), [onRecordingChange, recorder.isRecording]);
  const client = useQueryClient();
  const presence = useQuery({ queryKey: ['mock-presence', room], queryFn: () => getPresence(room), refetchInterval: 2_000 });
  const [name, setName] = useState(displayName ?? '');
  const [session, setSession] = useState<string | null>(null);
  /** The session to end if the page goes away while in the call. */
  const live = useRef<string | null>(null);

  const refresh = () => client.invalidateQueries({ queryKey: ['mock-presence', room] });
  const enter = useMutation({
    mutationFn: () => joinCall(room, name.trim() || null),
    onSuccess: ({ session_id }) => {
      live.current = session_id;
      setSession(session_id);
      return refresh();
    },
  });
  const exit = useMutation({
    mutationFn: (id: string) => leaveCall(room, id),
    onSuccess: () => {
      setSession(null);
      onLeave();
    },
  });
  const leave = async () => {
    // A recording in progress stops, and is uploaded, before leaving; if that fails the user stays
    // and sees why (leaving again then goes).
    if (!(await recorder.stop())) return;
    if (!session) return onLeave();
    live.current = null;
    exit.mutate(session);
  };

  // Closing the tab or navigating away leaves the call, as closing a provider's tab would.
  const abandon = useCallback(() => {
    const id = live.current;
    live.current = null;
    if (id) void leaveCall(room, id, true).catch(() => undefined);
  }, [room]);
  useEffect(() => {
    addEventListener('pagehide', abandon);
    return () => {
      removeEventListener('pagehide', abandon);
      abandon();
    };
  }, [abandon]);

  const people = presence.data?.participants ?? [];
  return (
    <section className="mock-room" aria-labelledby="mock-room-title" data-room-platform="mock">
      <h1 id="mock-room-title">Mock video room</h1>
      <p className="muted">
        The built-in mock provider: no video, no account. Joining and leaving send the same signed webhooks a real provider sends;
        {records ? ' in the call you can record your microphone.' : ' this room does not record.'} You are the{' '}
        {join.is_owner ? 'host' : 'guest'}.
      </p>

      <h2 id="present-title">In the call ({people.length})</h2>
      {people.length === 0 ? (
        <p className="muted">Nobody yet.</p>
      ) : (
        <ul className="presence" aria-labelledby="present-title">
          {people.map((p) => (
            <li key={p.session_id}>
              <span className="avatar" aria-hidden="true">
                {(p.user_name ?? '?').slice(0, 1).toUpperCase()}
              </span>
              <span>
                {p.user_name ?? 'Guest'}
                {p.session_id === session ? ' (you)' : ''}
              </span>
              <span className="muted">since {time.format(new Date(p.joined_at))}</span>
            </li>
          ))}
        </ul>
      )}

      {session ? (
        <div className="actions">
          <p role="status">You are in the call.</p>
          <Button variant="danger" onPress={() => void leave()} isPending={exit.isPending}>
            Leave the call
          </Button>
        </div>
      ) : (
        <Form
          className="join-form"
          onSubmit={(e) => {
            e.preventDefault();
            enter.mutate();
          }}
        >
          <TextField name="user_name" label="Your name" value={name} onChange={setName} autoComplete="name" />
          <div className="actions">
            <Button type="submit" variant="primary" isPending={enter.isPending}>
              Join the call
            </Button>
            <Button onPress={() => void leave()}>Back to rooms</Button>
          </div>
        </Form>
      )}
      {(enter.error ?? exit.error) && (
        <p className="form-error" role="alert">
          {(enter.error ?? exit.error)?.message}
        </p>
      )}

      {session && records && (
        <RecorderControls state={recorder.state} onStart={() => void recorder.start()} onStop={() => void recorder.stop()} />
      )}
    </section>
  );
}
