import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const getMeeting = (meetingId: string) =>
  unwrap(api.GET('/v1/meetings/{meeting_id}', { params: { path: { meeting_id: meetingId } } }));

/** A meeting, re-read every few seconds (to notice the host arriving in a locked room). */
export const meetingQueryOptions = (meetingId: string, pollMs: number) =>
  queryOptions({ queryKey: ['meetings', 'detail', meetingId], queryFn: () => getMeeting(meetingId), refetchInterval: pollMs });

export const useMeeting = (meetingId: string, pollMs = 3_000) => useQuery(meetingQueryOptions(meetingId, pollMs));
