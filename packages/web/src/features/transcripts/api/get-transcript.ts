import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';
import type { Transcript } from '@/lib/api/types';

export const getTranscript = (transcriptId: string) =>
  unwrap(api.GET('/v1/transcripts/{transcript_id}', { params: { path: { transcript_id: transcriptId } } }));

const FINAL = new Set<Transcript['status']>(['done', 'error']);

/** A transcript with its segments, re-read every 3 s until it is done or failed. */
export const transcriptQueryOptions = (transcriptId: string) =>
  queryOptions({
    queryKey: ['transcripts', 'detail', transcriptId],
    queryFn: () => getTranscript(transcriptId),
    refetchInterval: (query) => (query.state.data && FINAL.has(query.state.data.status) ? false : 3_000),
  });

export const useTranscript = (transcriptId: string) => useQuery(transcriptQueryOptions(transcriptId));

/** The mixed audio (the server answers Range requests, so the player streams and seeks). */
export const transcriptAudioUrl = (transcriptId: string) => `/v1/transcripts/${encodeURIComponent(transcriptId)}/audio`;

/** A download of the transcript in `format`. */
export const transcriptDownloadUrl = (transcriptId: string, format: 'vtt' | 'srt' | 'txt' | 'json') =>
  `/v1/transcripts/${encodeURIComponent(transcriptId)}/download?format=${format}`;
