/**
 * Validation of Daily request bodies (https://docs.daily.co/reference/rest-api/rooms/create-room, /meeting-tokens/create-meeting-token, /recordings). Daily rejects a whole request for a single
 * unknown or mistyped property with 400 `invalid-request-error`; the `info` texts here are the fake's own.
 */

/** Validation outcome: the normalized value, or the `info` text of the first problem. */
export type DailyValidation<T> = { ok: true; value: T } | { ok: false; info: string };

/** A validated create/update room body. `properties` keeps `null`s (they unset on update). */
export interface RoomInput {
  readonly name?: string;
  readonly privacy?: 'public' | 'private';
  readonly properties: Record<string, unknown>;
}

class Invalid extends Error {}

/** Room property → expected kind. Anything else in `properties` is rejected. */
const ROOM_PROPERTIES: Record<string, 'bool' | 'int' | 'string' | 'object' | 'array'> = {
  nbf: 'int',
  exp: 'int',
  eject_at_room_exp: 'bool',
  eject_after_elapsed: 'int',
  max_participants: 'int',
  enable_recording: 'string',
  recordings_bucket: 'object',
  recordings_template: 'string',
  enable_knocking: 'bool',
  enable_chat: 'bool',
  enable_advanced_chat: 'bool',
  enable_screenshare: 'bool',
  enable_people_ui: 'bool',
  enable_pip_ui: 'bool',
  enable_emoji_reactions: 'bool',
  enable_hand_raising: 'bool',
  enable_network_ui: 'bool',
  enable_noise_cancellation_ui: 'bool',
  enable_video_processing_ui: 'bool',
  enable_live_captions_ui: 'bool',
  enable_breakout_rooms: 'bool',
  enable_dialout: 'bool',
  start_video_off: 'bool',
  start_audio_off: 'bool',
  owner_only_broadcast: 'bool',
  enable_prejoin_ui: 'bool',
  enable_transcription_storage: 'bool',
  enable_hidden_participants: 'bool',
  enforce_unique_user_ids: 'bool',
  transcription_bucket: 'object',
  auto_transcription_settings: 'object',
  permissions: 'object',
  sip: 'object',
  dialin: 'object',
  streaming_endpoints: 'array',
  geo: 'string',
  lang: 'string',
  redirect_on_meeting_exit: 'string',
  sfu_switchover: 'int',
};

/** Defaults of room properties; `config` in responses lists only values that differ from these. */
export const ROOM_DEFAULTS: Record<string, unknown> = {
  eject_at_room_exp: false,
  max_participants: 200,
  enable_knocking: false,
  enable_chat: false,
  enable_screenshare: true,
  enable_people_ui: true,
  enable_prejoin_ui: true,
  start_video_off: false,
  start_audio_off: false,
  owner_only_broadcast: false,
  enable_transcription_storage: false,
};

/** Recording types accepted by `enable_recording` (string only; boolean `false` is rejected). */
export const RECORDING_TYPES = ['cloud', 'local', 'raw-tracks', 'cloud-audio-only'] as const;
const BUCKET_FIELDS: Record<string, 'string' | 'bool'> = {
  bucket_name: 'string',
  bucket_region: 'string',
  assume_role_arn: 'string',
  allow_api_access: 'bool',
  allow_streaming_from_bucket: 'bool',
};
const REQUIRED_BUCKET_FIELDS = ['bucket_name', 'bucket_region', 'assume_role_arn', 'allow_api_access'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKind(value: unknown, kind: string, label: string): void {
  const ok =
    (kind === 'bool' && typeof value === 'boolean') ||
    (kind === 'int' && typeof value === 'number' && Number.isInteger(value)) ||
    (kind === 'string' && typeof value === 'string') ||
    (kind === 'object' && isObject(value)) ||
    (kind === 'array' && Array.isArray(value));
  const article =
    kind === 'int'
      ? 'an integer'
      : kind === 'object'
        ? 'an object'
        : kind === 'array'
          ? 'an array'
          : `a ${kind === 'bool' ? 'boolean' : kind}`;
  if (!ok) throw new Invalid(`${label} must be ${article}`);
}

function checkBucket(value: Record<string, unknown>): void {
  for (const [key, field] of Object.entries(value)) {
    const kind = BUCKET_FIELDS[key];
    if (!kind) throw new Invalid(`recordings_bucket.${key} is not a valid property`);
    checkKind(field, kind, `recordings_bucket.${key}`);
  }
  for (const key of REQUIRED_BUCKET_FIELDS) {
    if (value[key] === undefined || value[key] === '') throw new Invalid(`recordings_bucket.${key} is required`);
  }
}

function checkTemplate(value: string): void {
  if (value.length > 1024 || !/^[0-9A-Za-z./_{}-]*$/.test(value)) throw new Invalid('recordings_template contains invalid characters');
  if (!value.includes('{epoch_time}')) throw new Invalid('recordings_template must contain {epoch_time}');
}

function checkProperty(key: string, value: unknown): void {
  const kind = ROOM_PROPERTIES[key];
  if (!kind) throw new Invalid(`${key} is not a valid room property`);
  if (value === null) return;
  if (key === 'enable_recording' && !(RECORDING_TYPES as readonly unknown[]).includes(value)) {
    throw new Invalid(`enable_recording must be one of ${RECORDING_TYPES.join(', ')}`);
  }
  checkKind(value, kind, key);
  if (key === 'recordings_bucket') checkBucket(value as Record<string, unknown>);
  if (key === 'recordings_template') checkTemplate(value as string);
  if (key === 'max_participants' && ((value as number) < 1 || (value as number) > 200))
    throw new Invalid('max_participants must be between 1 and 200');
}

/** Checks the combined (existing + new) properties: raw-tracks needs a custom `recordings_bucket`. */
export function checkRoomConsistency(properties: Record<string, unknown>): string | undefined {
  if (properties.enable_recording === 'raw-tracks' && !isObject(properties.recordings_bucket)) {
    return 'enable_recording "raw-tracks" requires a recordings_bucket';
  }
  return undefined;
}

function parseRoom(body: Record<string, unknown>, allowName: boolean): RoomInput {
  for (const key of Object.keys(body)) {
    if (!['name', 'privacy', 'properties'].includes(key) || (key === 'name' && !allowName))
      throw new Invalid(`${key} is not a valid parameter`);
  }
  if (body.name !== undefined && (typeof body.name !== 'string' || !/^[A-Za-z0-9_-]{1,128}$/.test(body.name))) {
    throw new Invalid('name must be at most 128 characters and only contain A-Z, a-z, 0-9, "-" and "_"');
  }
  if (body.privacy !== undefined && body.privacy !== 'public' && body.privacy !== 'private')
    throw new Invalid('privacy must be "public" or "private"');
  if (body.properties !== undefined && !isObject(body.properties)) throw new Invalid('properties must be an object');
  const properties = (body.properties ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(properties)) checkProperty(key, value);
  return { name: body.name as string | undefined, privacy: body.privacy as RoomInput['privacy'], properties };
}

/** Validates `POST /rooms` (`allowName`) or `POST /rooms/:name` bodies. */
export function validateRoomBody(body: unknown, allowName: boolean): DailyValidation<RoomInput> {
  if (body === undefined) return { ok: true, value: { properties: {} } };
  if (!isObject(body)) return { ok: false, info: 'request body must be a JSON object' };
  try {
    return { ok: true, value: parseRoom(body, allowName) };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, info: err.message };
    throw err;
  }
}

const TOKEN_PROPERTIES: Record<string, 'bool' | 'int' | 'string' | 'object'> = {
  room_name: 'string',
  exp: 'int',
  nbf: 'int',
  eject_at_token_exp: 'bool',
  eject_after_elapsed: 'int',
  is_owner: 'bool',
  user_name: 'string',
  user_id: 'string',
  enable_recording: 'string',
  start_cloud_recording: 'bool',
  start_cloud_recording_opts: 'object',
  enable_recording_ui: 'bool',
  enable_screenshare: 'bool',
  start_video_off: 'bool',
  start_audio_off: 'bool',
  enable_prejoin_ui: 'bool',
  knocking: 'bool',
  lang: 'string',
  permissions: 'object',
  auto_start_transcription: 'bool',
  close_tab_on_exit: 'bool',
  redirect_on_meeting_exit: 'string',
};

function parseTokenProperties(properties: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(properties)) {
    const kind = TOKEN_PROPERTIES[key];
    if (!kind) throw new Invalid(`${key} is not a valid meeting token property`);
    checkKind(value, kind, key);
  }
  if (typeof properties.user_id === 'string' && properties.user_id.length > 36) throw new Invalid('user_id must be at most 36 characters');
  if (properties.enable_recording !== undefined && !(RECORDING_TYPES as readonly unknown[]).includes(properties.enable_recording)) {
    throw new Invalid(`enable_recording must be one of ${RECORDING_TYPES.join(', ')}`);
  }
  return properties;
}

/** Validates a `POST /meeting-tokens` body `{properties: {...}}`. */
export function validateTokenBody(body: unknown): DailyValidation<Record<string, unknown>> {
  if (body === undefined) return { ok: true, value: {} };
  if (!isObject(body)) return { ok: false, info: 'request body must be a JSON object' };
  try {
    for (const key of Object.keys(body)) if (key !== 'properties') throw new Invalid(`${key} is not a valid parameter`);
    if (body.properties !== undefined && !isObject(body.properties)) throw new Invalid('properties must be an object');
    return { ok: true, value: parseTokenProperties({ ...((body.properties ?? {}) as Record<string, unknown>) }) };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, info: err.message };
    throw err;
  }
}
