import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const getRoom = (roomId: string) => unwrap(api.GET('/v1/rooms/{room_id}', { params: { path: { room_id: roomId } } }));

export const useRoom = (roomId: string) =>
  useQuery(queryOptions({ queryKey: ['rooms', 'detail', roomId], queryFn: () => getRoom(roomId) }));
