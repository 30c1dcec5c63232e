import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** Holds a place for 30 s so the meeting is not ended under someone about to join (409 once it has ended). */
export const reservePlace = (roomName: string, meetingId: string) =>
  unwrap(
    api.POST('/v1/rooms/{room_name}/meetings/{meeting_id}/joining', { params: { path: { room_name: roomName, meeting_id: meetingId } } }),
  );
