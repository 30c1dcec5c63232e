import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { RoomUpdateBody } from '@/lib/api/types';

export const updateRoom = ({ roomId, body }: { roomId: string; body: RoomUpdateBody }) =>
  unwrap(api.PATCH('/v1/rooms/{room_id}', { params: { path: { room_id: roomId } }, body }));

export function useUpdateRoom() {
  const client = useQueryClient();
  return useMutation({ mutationFn: updateRoom, onSuccess: () => client.invalidateQueries({ queryKey: ['rooms'] }) });
}
