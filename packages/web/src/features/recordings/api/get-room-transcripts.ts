import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { TranscriptList } from '@/lib/api/types';

export const getRoomTranscripts = (roomId: string) =>
  unwrap(api.GET('/v1/transcripts', { params: { query: { room_id: roomId, page_size: 100 } } }));

const SETTLED = new Set(['done', 'error']);
/** Whether some transcript is still being processed (so the page keeps polling). */
export const processing = (list: TranscriptList | undefined) => list?.items.some((t) => !SETTLED.has(t.status)) ?? false;

/** The room's transcripts (their processing status), re-read every 2 s while one is in progress. */
export const roomTranscriptsQueryOptions = (roomId: string) =>
  queryOptions({
    queryKey: ['transcripts', 'room', roomId],
    queryFn: () => getRoomTranscripts(roomId),
    refetchInterval: (query) => (processing(query.state.data) ? 2_000 : 10_000),
  });

export const useRoomTranscripts = (roomId: string) => useQuery(roomTranscriptsQueryOptions(roomId));
