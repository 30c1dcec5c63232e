import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/errors';

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
 * Uploads a finished microphone recording to the mock provider, authorised by the meeting's join token.
 * TODO(recordings route): the typed call once `npm run api:generate` brings the upload route.
 */
export const uploadRecording = (providerRoomName: string, token: string | null, blob: Blob, startedAt: Date) =>
  Promise.reject(
    new Error(
      `The mock upload endpoint is not available yet (${providerRoomName}, ${token ? 'token' : 'no token'}, ${blob.size} bytes, ${startedAt.toISOString()}).`,
    ),
  );
