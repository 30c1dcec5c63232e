import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** How this caller joins: a URL (+ token) or an SDK server (+ token); the owner gets owner rights. */
export const joinMeeting = (roomName: string, meetingId: string) =>
  unwrap(
    api.POST('/v1/rooms/{room_name}/meetings/{meeting_id}/join', { params: { path: { room_name: roomName, meeting_id: meetingId } } }),
  );
