import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const reprocessTranscript = (transcriptId: string) =>
  unwrap(api.POST('/v1/transcripts/{transcript_id}/reprocess', { params: { path: { transcript_id: transcriptId } } }));

/** Runs a transcript's processing again (owner only), then re-reads the transcripts. */
export function useReprocessTranscript() {
  const client = useQueryClient();
  return useMutation({ mutationFn: reprocessTranscript, onSuccess: () => client.invalidateQueries({ queryKey: ['transcripts'] }) });
}
