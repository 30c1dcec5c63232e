import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { RecordingList } from '@/lib/api/types';

export const getMeetingRecordings = (meetingId: string) =>
  unwrap(api.GET('/v1/meetings/{meeting_id}/recordings', { params: { path: { meeting_id: meetingId } } }));

const ARRIVING = new Set(['pending', 'downloading']);
const arriving = (list: RecordingList | undefined) => list?.items.some((r) => ARRIVING.has(r.status)) ?? false;

/** A meeting's recordings, re-read every 2 s while one is still arriving. */
export const meetingRecordingsQueryOptions = (meetingId: string, live: boolean) =>
  queryOptions({
    queryKey: ['recordings', 'meeting', meetingId],
    queryFn: () => getMeetingRecordings(meetingId),
    refetchInterval: (query) => (arriving(query.state.data) ? 2_000 : live ? 5_000 : false),
  });

export const useMeetingRecordings = (meetingId: string, live: boolean) => useQuery(meetingRecordingsQueryOptions(meetingId, live));
