/**
 * Normalized meeting events: what every provider's webhooks are turned into. Domain types carry no
 * provider prefix; provider-specific identifiers travel in the `provider*` fields as opaque strings.
 */

/** Fields common to every normalized event. */
export interface EventBase {
  /** The delivery's deduplication key (`VerifiedWebhook.eventId`). */
  eventId: string;
  /** The provider's own event type (`participant.joined`, `room.client.joined`, …), kept for audit. */
  providerType: string;
  /** When the provider says the event happened (payload times, not the time the webhook was sent). */
  occurredAt: Date;
  /** The provider's room name exactly as stored in `meeting.provider_room_name`, when the event names one. */
  providerRoomName: string | null;
  /** The provider's meeting id (Whereby `meetingId`), when the event carries one. */
  providerMeetingId: string | null;
}

export interface ParticipantEvent extends EventBase {
  kind: 'participant.joined' | 'participant.left';
  /** The provider's id for this participant's session in the call. */
  sessionId: string;
  userId: string | null;
  userName: string | null;
  /** The absolute count of participants after this event, when the provider sends one (Whereby). */
  numClients: number | null;
  /** Role reported by the provider (`host`, `visitor`, `recorder`, …), when it sends one. */
  role: string | null;
}

/** The call started, or ended with the room empty (Daily's `meeting.ended`: the last participant left). */
export interface MeetingLifecycleEvent extends EventBase {
  kind: 'meeting.started' | 'meeting.ended';
  /** The provider's id of this call session (Daily `meeting_id`, Whereby `roomSessionId`). */
  providerSessionId: string | null;
}

/**
 * A provider's call session ended without the provider saying the room is empty: Whereby ends a
 * session once fewer than 2 participants have been in the room "for some time", so someone may
 * still be inside
 * (https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/webhooks.md).
 * It is recorded; it never ends the meeting (who is present decides that).
 */
export interface SessionEndedEvent extends EventBase {
  kind: 'session.ended';
  /** The provider's id of the call session (Whereby `roomSessionId`). */
  providerSessionId: string | null;
}

export interface RecordingStartedEvent extends EventBase {
  kind: 'recording.started';
  recordingId: string | null;
  instanceId: string | null;
}

/** One file of a multi-track recording. */
export interface RecordingTrack {
  type: 'audio' | 'video';
  key: string;
  sizeBytes: number | null;
}

export interface RecordingReadyEvent extends EventBase {
  kind: 'recording.ready';
  recordingId: string;
  /** `cloud` = one composed file; `raw-tracks` = one file per participant track. */
  recordingType: 'cloud' | 'raw-tracks' | 'cloud-audio-only' | 'unknown';
  /** Object key of the composed file (or the recording's key prefix for raw tracks), if any. */
  key: string | null;
  /** File name reported by the provider (Whereby `filename`). */
  filename: string | null;
  tracks: RecordingTrack[];
  startedAt: Date | null;
  durationSeconds: number | null;
}

export interface RecordingErrorEvent extends EventBase {
  kind: 'recording.error';
  recordingId: string | null;
  instanceId: string | null;
  message: string;
}

/** A verified event of a type Meetbridge does not act on. It is recorded and acknowledged. */
export interface UnhandledEvent extends EventBase {
  kind: 'unhandled';
}

export type MeetingEvent =
  | ParticipantEvent
  | MeetingLifecycleEvent
  | SessionEndedEvent
  | RecordingStartedEvent
  | RecordingReadyEvent
  | RecordingErrorEvent
  | UnhandledEvent;

export type MeetingEventKind = MeetingEvent['kind'];

/** The largest participant count stored (the `num_clients` column is a 32-bit integer). */
export const MAX_PARTICIPANT_COUNT = 2_147_483_647;

/**
 * A provider's participant count as an event carries it: a non-negative integer that fits the
 * column, else `null` (unknown), so one implausible value cannot fail its delivery for good.
 */
export function participantCount(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isSafeInteger(value) || value < 0 || value > MAX_PARTICIPANT_COUNT) return null;
  return value;
}
