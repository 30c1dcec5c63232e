import type { JoinResponse, Meeting } from '@/lib/api/types';

/** What every platform's room component gets from `RoomContainer`. */
export interface RoomProps {
  /** The meeting being joined (its `platform` chose this component). */
  meeting: Meeting;
  /** How to join: `kind: 'url'` (url + optional token) or `kind: 'sdk'` (server_url + token). */
  join: JoinResponse;
  /** The signed-in user's name, to prefill where the provider asks for one. */
  displayName: string | null;
  /** The user left the call: back to the room list. */
  onLeave: () => void;
  /**
   * A room that knows when it records (the mock room's microphone recorder) reports it, so the
   * recording indicator around it says "Recording" only then; rooms that do not call it leave the
   * indicator at "this meeting is recorded" whenever the meeting records.
   */
  onRecordingChange: (recording: boolean) => void;
}

/**
 * A platform's room module: `export default function XxxRoom(props: RoomProps)`. A provider SDK is
 * imported dynamically inside it (its own chunk); if that import fails the component throws while
 * rendering, and `RoomContainer` shows "provider failed to load" with a retry.
 */
export interface RoomModule {
  default: (props: RoomProps) => React.ReactNode;
}
