import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

/** `GET /v1/rooms/name/{room_name}`: public, so anyone with the link can join. */
export const getRoomByName = (roomName: string) =>
  unwrap(api.GET('/v1/rooms/name/{room_name}', { params: { path: { room_name: roomName } } }));
