import { z } from 'zod';
import { ErrorTextWire, jsonErrorParser } from '../../core/error-body.js';
import { HttpUrlWire, IsoDateWire, NumberishWire, UnixSecondsWire } from '../../core/wire.js';

/**
 * Daily REST API and webhook payloads (https://docs.daily.co/reference/rest-api). Only the fields Meetbridge
 * reads are listed; unknown fields are ignored. Daily sends timestamps as ints, floats and, in
 * `recording.error`, strings, so every timestamp accepts all three.
 */

/**
 * Error replies: `{"error": "<stable type>", "info": "<free text>"}`. Only `error` is stable
 * (`invalid-request-error`, `rate-limit-error`, …); some behaviour keys on `info` ("has an active
 * stream"). https://docs.daily.co/reference/rest-api (Errors)
 */
export const DailyErrorWire = z.object({ error: ErrorTextWire, info: ErrorTextWire });

/** Reads Daily's error body: code = `error`, detail = `info`. */
export const parseDailyError = jsonErrorParser(DailyErrorWire, (body) => ({ code: body.error ?? null, detail: body.info ?? null }));

/** `recordings_bucket` of a room: Daily assumes `assume_role_arn` to write into the bucket. */
export interface DailyRecordingsBucket {
  bucket_name: string;
  bucket_region: string;
  assume_role_arn: string;
  allow_api_access: true;
}

/** Body of `POST /rooms` (what we send; see `buildCreateRoomBody`). */
export interface DailyCreateRoomBody {
  name: string;
  privacy: 'public' | 'private';
  properties: {
    exp: number;
    eject_at_room_exp: true;
    enable_knocking: boolean;
    max_participants?: number;
    enable_chat: true;
    enable_screenshare: true;
    start_video_off: false;
    start_audio_off: false;
    /** Left out entirely to disable recording: Daily's type is a string, never boolean false. */
    enable_recording?: 'local' | 'raw-tracks';
    recordings_bucket?: DailyRecordingsBucket;
  };
}

/** Body of `POST /meeting-tokens`. */
export interface DailyMeetingTokenBody {
  properties: { room_name: string; exp: number; is_owner: boolean; knocking?: true; user_id?: string; user_name?: string };
}

/** Reply of `POST /rooms` and `GET /rooms/:name`. */
export const DailyRoomWire = z.object({
  id: z.string(),
  name: z.string(),
  url: HttpUrlWire,
  privacy: z.string().optional(),
  created_at: IsoDateWire.optional(),
});
export type DailyRoomWire = z.infer<typeof DailyRoomWire>;

/** Reply of `POST /meeting-tokens`. */
export const DailyMeetingTokenWire = z.object({ token: z.string().min(1) });

/** Reply of `GET /rooms/:name/presence`; `id` is the participant's session id. */
export const DailyPresenceWire = z.object({
  total_count: z.number().optional(),
  data: z.array(
    z.object({
      id: z.string(),
      userId: z.string().nullable().optional(),
      userName: z.string().nullable().optional(),
      joinTime: IsoDateWire,
    }),
  ),
});
export type DailyPresenceWire = z.infer<typeof DailyPresenceWire>;

/** Reply of `GET /meetings?room=`: call sessions of a room. */
export const DailyMeetingsWire = z.object({
  total_count: z.number().optional(),
  data: z.array(
    z.object({
      id: z.string(),
      room: z.string().optional(),
      start_time: UnixSecondsWire,
      duration: NumberishWire.nullable().optional(),
      ongoing: z.boolean().optional(),
    }),
  ),
});
export type DailyMeetingsWire = z.infer<typeof DailyMeetingsWire>;

/** Reply of `POST /rooms/:name/recordings/start`; the id's field name is not documented, so both are read. */
export const DailyStartRecordingWire = z.object({ recordingId: z.string().optional(), id: z.string().optional() }).optional();

/** One track of a raw-tracks recording: `s3Key` (camelCase here), size in bytes. */
export const DailyTrackWire = z.object({
  type: z.string(),
  s3Key: z.string(),
  size: NumberishWire.nullable().optional(),
});

/** `GET /recordings/:id` and the items of `GET /recordings`. `duration` is absent while in progress. */
export const DailyRecordingWire = z.object({
  id: z.string(),
  room_name: z.string().optional(),
  start_ts: UnixSecondsWire.optional(),
  status: z.string().optional(),
  type: z.string().nullable().optional(),
  duration: NumberishWire.nullable().optional(),
  max_participants: z.number().nullable().optional(),
  s3key: z.string().nullable().optional(),
  mtgSessionId: z.string().nullable().optional(),
  tracks: z.array(DailyTrackWire).nullable().optional(),
});
export type DailyRecordingWire = z.infer<typeof DailyRecordingWire>;

/** Reply of `GET /recordings` (newest first). */
export const DailyRecordingsWire = z.object({ total_count: z.number().optional(), data: z.array(DailyRecordingWire) });
export type DailyRecordingsWire = z.infer<typeof DailyRecordingsWire>;

/** Reply of `GET /recordings/:id/access-link`. Daily sometimes puts an error string in `download_link`. */
export const DailyAccessLinkWire = z.object({ download_link: HttpUrlWire, expires: UnixSecondsWire });
export type DailyAccessLinkWire = z.infer<typeof DailyAccessLinkWire>;

/**
 * A webhook registration (`GET /webhooks` items, `POST /webhooks[/:uuid]` replies). The docs give
 * `state` as the strings ACTIVE / FAILED / INACTIVE in one place and as numbers (FAILED 0, ACTIVE 1,
 * STOPPED 2) in another (https://docs.daily.co/reference/rest-api/webhooks/create), so both are read.
 */
export const DailyWebhookRegistrationWire = z.object({
  uuid: z.string().min(1),
  url: z.string(),
  state: z.union([z.string(), z.number()]).nullable().optional(),
  failedCount: z.number().nullable().optional(),
  eventTypes: z.array(z.string()).nullable().optional(),
  retryType: z.string().nullable().optional(),
});
export type DailyWebhookRegistrationWire = z.infer<typeof DailyWebhookRegistrationWire>;

/** Reply of `GET /webhooks`: an array (Daily allows one webhook per domain). */
export const DailyWebhookListWire = z.array(DailyWebhookRegistrationWire);
export type DailyWebhookListWire = z.infer<typeof DailyWebhookListWire>;

/** Body of `POST /webhooks` and `POST /webhooks/:uuid`. */
export interface DailyWebhookBody {
  url: string;
  /** Base64 HMAC secret; the same value is `DAILY_WEBHOOK_SECRET`. */
  hmac: string;
  eventTypes: string[];
}

/** Webhook envelope `{version, type, id, payload, event_ts}`. */
export const DailyWebhookWire = z.object({
  version: z.string().optional(),
  type: z.string(),
  id: z.string().min(1),
  payload: z.record(z.string(), z.unknown()),
  event_ts: UnixSecondsWire.optional(),
});

const optString = z.string().nullable().optional();

/** `participant.joined` / `participant.left`: the room is `room` (not `room_name`). */
export const DailyParticipantPayloadWire = z.object({
  room: z.string().optional(),
  room_name: z.string().optional(),
  session_id: z.string().min(1),
  user_id: optString,
  user_name: optString,
});

/** `meeting.started` / `meeting.ended`: `meeting_id` is the call session (`mtgSessionId`). */
export const DailyMeetingPayloadWire = z.object({ room: z.string().optional(), meeting_id: optString });

/** `recording.started`: Daily's own example has no `room_name`. */
export const DailyRecordingStartedPayloadWire = z.object({
  room_name: z.string().optional(),
  recording_id: optString,
  instance_id: optString,
});

/** `recording.ready-to-download`: `s3_key` (snake case here), `tracks` only for raw-tracks and maybe null. */
export const DailyRecordingReadyPayloadWire = z.object({
  room_name: z.string().optional(),
  recording_id: z.string().min(1),
  type: optString,
  s3_key: optString,
  start_ts: UnixSecondsWire.nullable().optional(),
  duration: NumberishWire.nullable().optional(),
  tracks: z.array(DailyTrackWire).nullable().optional(),
});

/** `recording.error`: no `recording_id`; `timestamp` may be a string. */
export const DailyRecordingErrorPayloadWire = z.object({
  room_name: z.string().optional(),
  instance_id: optString,
  recording_id: optString,
  error_msg: optString,
});
