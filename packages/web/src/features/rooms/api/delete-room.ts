import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const deleteRoom = (roomId: string) => unwrap(api.DELETE('/v1/rooms/{room_id}', { params: { path: { room_id: roomId } } }));

export function useDeleteRoom() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: deleteRoom,
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: ['rooms'] }), client.invalidateQueries({ queryKey: ['meetings'] })]),
  });
}
