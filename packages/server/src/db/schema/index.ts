export { room, type RoomRow, type NewRoomRow } from './room.js';
export { meeting, type MeetingRow, type NewMeetingRow } from './meeting.js';
export { webhookEvent, type WebhookEventRow } from './webhook-event.js';
export { participantSession, type ParticipantSessionRow } from './participant-session.js';
export { joinReservation } from './join-reservation.js';
export { webhookHealth, type WebhookHealthRow } from './webhook-health.js';
