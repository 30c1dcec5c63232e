export { room, type RoomRow, type NewRoomRow } from './room.js';
export { meeting, type MeetingRow, type NewMeetingRow } from './meeting.js';
export { webhookEvent, type WebhookEventRow, type WebhookEventSource } from './webhook-event.js';
export { participantSession, type ParticipantSessionRow } from './participant-session.js';
export { joinReservation } from './join-reservation.js';
export { webhookHealth, type WebhookHealthRow } from './webhook-health.js';
export {
  recording,
  type RecordingRow,
  type NewRecordingRow,
  type RecordingKind,
  type RecordingStatus,
  type RecordingSourceRef,
  type RecordingSourceKey,
  type StoredTrack,
} from './recording.js';
export { meetingConsent, type MeetingConsentRow } from './meeting-consent.js';
export {
  transcript,
  type TranscriptRow,
  type NewTranscriptRow,
  type TranscriptStatus,
  type TranscriptStage,
  type StoredSegment,
  type StoredTopic,
  type PreparedWork,
} from './transcript.js';
export { outboundWebhookDelivery, type OutboundWebhookDeliveryRow } from './outbound-webhook-delivery.js';
export { recordingPoll, type RecordingPollRow, type RecordingPollScan } from './recording-poll.js';
