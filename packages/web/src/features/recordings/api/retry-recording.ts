import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

export const retryRecording = (recordingId: string) =>
  unwrap(api.POST('/v1/recordings/{recording_id}/retry', { params: { path: { recording_id: recordingId } } }));

/** Downloads a failed recording again (owner only), then re-reads the recordings. */
export function useRetryRecording() {
  const client = useQueryClient();
  return useMutation({ mutationFn: retryRecording, onSuccess: () => client.invalidateQueries({ queryKey: ['recordings'] }) });
}
