import { api } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/errors';

const path = (providerRoomName: string) => ({ params: { path: { provider_room_name: providerRoomName } } });

/** Who is in the mock call now (the mock provider's presence). */
export const getPresence = (providerRoomName: string) =>
  unwrap(api.GET('/mock/rooms/{provider_room_name}/participants', path(providerRoomName)));

/** Joins the mock call: the mock provider sends the signed `participant.joined` webhook. */
export const joinCall = (providerRoomName: string, userName: string | null) =>
  unwrap(api.POST('/mock/rooms/{provider_room_name}/participants', { ...path(providerRoomName), body: { user_name: userName } }));

/** Leaves the mock call; `keepalive` lets it finish while the page is being closed. */
export const leaveCall = (providerRoomName: string, sessionId: string, keepalive = false) =>
  unwrap(
    api.DELETE('/mock/rooms/{provider_room_name}/participants/{session_id}', {
      params: { path: { provider_room_name: providerRoomName, session_id: sessionId } },
      keepalive,
    }),
  );

/**
 * Uploads one attempt of a finished recording (the request body is the audio itself), authorised by
 * the meeting's join token rather than the user's sign-in. `recordingId` is this client's id of the
 * recording: a retry with the same id is the same recording on the server.
 */
const uploadOnce = (providerRoomName: string, token: string, blob: Blob, recordingId: string) =>
  unwrap(
    api.POST('/mock/rooms/{provider_room_name}/recordings', {
      params: { path: { provider_room_name: providerRoomName }, query: { recording_id: recordingId } },
      // The generated call fixes the path, query and answer; the body is raw media, which the
      // OpenAPI document does not describe, so it is set on the request here.
      fetch: (request) => {
        const headers = new Headers(request.headers);
        headers.set('authorization', `Bearer ${token}`);
        headers.set('content-type', blob.type.split(';')[0] || 'audio/webm');
        return fetch(new Request(request, { body: blob, headers }));
      },
    }),
  );

/**
 * Uploads a finished microphone recording to the mock provider, authorised by the meeting's join
 * token. A network failure or a 5xx is retried twice (same recording id, so never twice stored).
 */
export async function uploadRecording(providerRoomName: string, token: string | null, blob: Blob) {
  if (!token) throw new Error('This meeting gave no join token to upload the recording with.');
  const recordingId = crypto.randomUUID();
  for (let attempt = 1; ; attempt++) {
    try {
      return await uploadOnce(providerRoomName, token, blob, recordingId);
    } catch (error) {
      const status = error instanceof ApiError ? error.status : null;
      if (attempt >= 3 || (status !== null && status < 500)) throw error;
      await new Promise((r) => setTimeout(r, 1_000 * attempt));
    }
  }
}
