import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** The room's active meeting, or a new one on the room's platform (`POST /v1/rooms/{room_name}/meeting`). */
export const getOrCreateMeeting = (roomName: string) =>
  unwrap(api.POST('/v1/rooms/{room_name}/meeting', { params: { path: { room_name: roomName } }, body: {} }));
