import { z } from 'zod';
import { ErrorTextWire, jsonErrorParser } from '../../core/error-body.js';
import { HttpUrlWire, IdWire, IsoDateWire } from '../../core/wire.js';
import type { RecordingTrigger, RoomMode } from '../../core/adapter.js';

/**
 * Whereby REST API v1 and webhook payloads
 * (https://github.com/whereby/docs/blob/main/.gitbook/assets/_api-reference-docs-openapi.json and
 * https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/webhooks.md). Only the fields Meetbridge
 * reads are listed; unknown fields are ignored because Whereby adds fields without a new version.
 */

/**
 * Error replies: `{"error": "<text>"}`, some with a `message`; a 429 adds how long the rate limit
 * still holds: `{"error": "Rate limit active for throttle key: …", "data": {"msLeft": 38689}}`.
 * https://github.com/whereby/docs/blob/main/.gitbook/assets/_api-reference-docs-openapi.json
 */
export const WherebyErrorWire = z.object({
  error: ErrorTextWire,
  message: ErrorTextWire,
  data: z.object({ msLeft: z.number().nonnegative() }).nullish().catch(null),
});

/** Reads Whereby's error body: code = `error`, detail = `message`, else the 429's time left. */
export const parseWherebyError = jsonErrorParser(WherebyErrorWire, (body) => ({
  code: body.error ?? null,
  detail: body.message ?? (body.data ? `the rate limit resets in ${body.data.msLeft} ms` : null),
}));

/** Body of `POST /meetings` (what we send; see `buildCreateMeetingBody`). */
export interface WherebyCreateMeetingBody {
  isLocked: boolean;
  roomNamePrefix: string;
  roomNamePattern: 'uuid';
  /** Room SIZE (normal ≤ 4, group > 4), not locking. */
  roomMode: RoomMode;
  endDate: string;
  fields: ['hostRoomUrl'];
  recording?: {
    type: 'cloud';
    destination: { provider: 's3'; bucket: string; accessKeyId: string; accessKeySecret: string; fileFormat: 'mp4' };
    startTrigger: RecordingTrigger;
  };
}

/** Reply of `POST /meetings` (201) and `GET /meetings/{id}`; only meetingId, roomUrl, endDate are required. */
export const WherebyMeetingWire = z.object({
  meetingId: IdWire,
  /** With a leading "/", the form webhooks use. */
  roomName: z.string().optional(),
  roomUrl: HttpUrlWire,
  hostRoomUrl: HttpUrlWire.nullable().optional(),
  startDate: IsoDateWire.nullable().optional(),
  endDate: IsoDateWire,
});
export type WherebyMeetingWire = z.infer<typeof WherebyMeetingWire>;

/** One entry of `GET /insights/room-sessions`; `endedAt` is null while the session runs. */
export const WherebyRoomSessionWire = z.object({
  roomSessionId: z.string(),
  roomName: z.string().optional(),
  startedAt: IsoDateWire,
  endedAt: IsoDateWire.nullable().optional(),
});
export type WherebyRoomSessionWire = z.infer<typeof WherebyRoomSessionWire>;

/** Reply of `GET /insights/room-sessions`: one page and the cursor of the next. */
export const WherebyRoomSessionsWire = z.object({
  results: z.array(WherebyRoomSessionWire),
  cursor: z.string().nullable().optional(),
});
export type WherebyRoomSessionsWire = z.infer<typeof WherebyRoomSessionsWire>;

/** Reply of `GET /recordings/{id}/access-link`; `expires` is unix MILLISECONDS. */
export const WherebyAccessLinkWire = z.object({
  accessLink: HttpUrlWire,
  expires: z.number(),
});
export type WherebyAccessLinkWire = z.infer<typeof WherebyAccessLinkWire>;

/** Reply of `GET /recordings` (Whereby-hosted recordings): `{results, cursor}`. */
export const WherebyRecordingsWire = z.object({
  results: z.array(z.object({ recordingId: z.string().min(1), filename: z.string().nullable().optional() })),
  cursor: z.string().nullable().optional(),
});
export type WherebyRecordingsWire = z.infer<typeof WherebyRecordingsWire>;

/** Webhook envelope: `{id, apiVersion, createdAt, type, data}`. */
export const WherebyWebhookWire = z.object({
  id: z.string().min(1),
  apiVersion: z.string().optional(),
  createdAt: IsoDateWire,
  type: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type WherebyWebhookWire = z.infer<typeof WherebyWebhookWire>;

const nullableString = z.string().nullable().optional();

/** `data` fields every in-room event carries. */
export const WherebyRoomEventDataWire = z.object({
  meetingId: IdWire.optional(),
  roomName: z.string().optional(),
  roomSessionId: nullableString,
});

/** `data` of `room.client.joined` / `room.client.left`. */
export const WherebyClientEventDataWire = WherebyRoomEventDataWire.extend({
  participantId: z.string().optional(),
  displayName: nullableString,
  externalId: nullableString,
  roleName: nullableString,
  numClients: z.number().int().nonnegative().nullable().optional(),
});
export type WherebyClientEventDataWire = z.infer<typeof WherebyClientEventDataWire>;

/** `data` of `recording.finished` (the cloud recording is done and uploaded). */
export const WherebyRecordingFinishedDataWire = WherebyRoomEventDataWire.extend({
  recordingId: z.string().min(1),
  filename: nullableString,
  status: nullableString,
});
export type WherebyRecordingFinishedDataWire = z.infer<typeof WherebyRecordingFinishedDataWire>;
