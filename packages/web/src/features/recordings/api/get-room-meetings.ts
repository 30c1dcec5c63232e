import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const MEETINGS_PAGE_SIZE = 10;

export const getRoomMeetings = (roomId: string, page: number) =>
  unwrap(api.GET('/v1/meetings', { params: { query: { room_id: roomId, page, page_size: MEETINGS_PAGE_SIZE } } }));

/** A room's meetings, newest first, one page at a time. */
export const useRoomMeetings = (roomId: string, page: number) =>
  useQuery(
    queryOptions({
      queryKey: ['meetings', 'room', roomId, page],
      queryFn: () => getRoomMeetings(roomId, page),
      placeholderData: keepPreviousData,
      refetchInterval: 10_000,
    }),
  );
