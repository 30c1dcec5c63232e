/**
 * Names for the API shapes the app uses, all derived from the generated `schema.d.ts` (never written
 * by hand): when the server's contract changes, `npm run api:generate` changes these with it.
 */
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
type Ok<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends {
  responses: infer R;
}
  ? S extends keyof R
    ? JsonOf<R[S]>
    : never
  : never;
type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: infer B }
  ? JsonOf<NonNullable<B>>
  : never;

export type Room = Ok<'/v1/rooms/{room_id}', 'get'>;
export type RoomList = Ok<'/v1/rooms', 'get'>;
export type RoomCreateBody = BodyOf<'/v1/rooms', 'post'>;
export type RoomUpdateBody = BodyOf<'/v1/rooms/{room_id}', 'patch'>;
export type PlatformInfo = Ok<'/v1/platforms', 'get'>['items'][number];
/** A registered platform name, as the server's enum spells it. */
export type PlatformName = PlatformInfo['name'];
export type PlatformCapabilities = PlatformInfo['capabilities'];
export type Meeting = Ok<'/v1/meetings/{meeting_id}', 'get'>;
export type MeetingList = Ok<'/v1/meetings', 'get'>;
export type JoinResponse = Ok<'/v1/rooms/{room_name}/meetings/{meeting_id}/join', 'post'>;
export type Reservation = Ok<'/v1/rooms/{room_name}/meetings/{meeting_id}/joining', 'post', 201>;
export type WebConfig = Ok<'/v1/config', 'get'>;
export type MockPresence = Ok<'/mock/rooms/{provider_room_name}/participants', 'get'>;
/** RFC 9457 problem details, as every error response documents them. */
export type Problem = Ok<'/v1/rooms', 'post', 400>;
export type TranscriptList = Ok<'/v1/transcripts', 'get'>;
/** A transcript in a list: status, stage, progress, error, summary, without its segments. */
export type TranscriptSummary = TranscriptList['items'][number];
export type Transcript = Ok<'/v1/transcripts/{transcript_id}', 'get'>;
export type TranscriptSegment = Transcript['segments'][number];
export type RecordingList = Ok<'/v1/meetings/{meeting_id}/recordings', 'get'>;
export type Recording = RecordingList['items'][number];
