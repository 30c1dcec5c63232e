import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const ROOMS_PAGE_SIZE = 20;

export const getRooms = (page: number) => unwrap(api.GET('/v1/rooms', { params: { query: { page, page_size: ROOMS_PAGE_SIZE } } }));

export const roomsQueryOptions = (page: number) =>
  queryOptions({ queryKey: ['rooms', 'list', page], queryFn: () => getRooms(page), placeholderData: keepPreviousData });

/** One page of the caller's rooms. */
export const useRooms = (page: number) => useQuery(roomsQueryOptions(page));
