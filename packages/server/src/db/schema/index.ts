export { room, type RoomRow, type NewRoomRow } from './room.js';
export { meeting, type MeetingRow, type NewMeetingRow } from './meeting.js';
