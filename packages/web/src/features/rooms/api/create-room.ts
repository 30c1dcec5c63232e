import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { RoomCreateBody } from '@/lib/api/types';

export const createRoom = (body: RoomCreateBody) => unwrap(api.POST('/v1/rooms', { body }));

export function useCreateRoom() {
  const client = useQueryClient();
  return useMutation({ mutationFn: createRoom, onSuccess: () => client.invalidateQueries({ queryKey: ['rooms'] }) });
}
