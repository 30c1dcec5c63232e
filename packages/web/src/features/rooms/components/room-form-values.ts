import type { PlatformInfo, PlatformName, Room, RoomCreateBody, RoomUpdateBody } from '@/lib/api/types';

type Setting<K extends keyof RoomCreateBody> = NonNullable<RoomCreateBody[K]>;
export type RoomMode = Setting<'room_mode'>;
export type RecordingType = Setting<'recording_type'>;
export type RecordingTrigger = Setting<'recording_trigger'>;

/** What the room form edits; `room_size` is the text typed ('' = the provider's default). */
export interface RoomFormValues {
  name: string;
  platform: PlatformName | null;
  is_locked: boolean;
  room_mode: RoomMode;
  room_size: string;
  recording_type: RecordingType;
  recording_trigger: RecordingTrigger;
  skip_consent: boolean;
  webhook_url: string;
  /** A new secret to set ('' keeps the current one: the API never returns it). */
  webhook_secret: string;
  /** Remove the current secret (only offered when one is set). */
  remove_webhook_secret: boolean;
}

/** A new room's values: the API's defaults and the deployment's default platform. */
export function newRoomValues(platforms: readonly PlatformInfo[]): RoomFormValues {
  return {
    name: '',
    platform: platforms.find((p) => p.is_default)?.name ?? platforms[0]?.name ?? null,
    is_locked: false,
    room_mode: 'normal',
    room_size: '',
    recording_type: 'none',
    recording_trigger: 'automatic-2nd-participant',
    skip_consent: false,
    webhook_url: '',
    webhook_secret: '',
    remove_webhook_secret: false,
  };
}

/** An existing room's values; its platform stays unselected if it cannot be chosen here any more. */
export function roomValues(room: Room, platforms: readonly PlatformInfo[]): RoomFormValues {
  return {
    name: room.name,
    platform: platforms.find((p) => p.name === room.platform)?.name ?? null,
    is_locked: room.is_locked,
    room_mode: room.room_mode,
    room_size: room.room_size === null ? '' : String(room.room_size),
    recording_type: room.recording_type,
    recording_trigger: room.recording_trigger,
    skip_consent: room.skip_consent,
    webhook_url: room.webhook_url ?? '',
    webhook_secret: '',
    remove_webhook_secret: false,
  };
}

/** `room_size` as the API takes it, or a message for the field when it is not a whole number. */
export function parseRoomSize(text: string): { ok: true; value: number | null } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter a whole number (2-200), or leave it empty for the provider default.' };
  return { ok: true, value: Number(trimmed) };
}

/** The create request for `values` (the platform is left to the server's default when none is chosen). */
export function createBody(values: RoomFormValues, roomSize: number | null): RoomCreateBody {
  return {
    name: values.name.trim(),
    ...(values.platform ? { platform: values.platform } : {}),
    is_locked: values.is_locked,
    room_mode: values.room_mode,
    room_size: roomSize,
    recording_type: values.recording_type,
    recording_trigger: values.recording_trigger,
    skip_consent: values.skip_consent,
    webhook_url: values.webhook_url.trim() || null,
    ...(values.webhook_secret ? { webhook_secret: values.webhook_secret } : {}),
  };
}

/** Only what changed: an unchanged platform is not re-checked (it may have been switched off since). */
export function updateBody(room: Room, values: RoomFormValues, roomSize: number | null): RoomUpdateBody {
  const body: RoomUpdateBody = {};
  if (values.name.trim() !== room.name) body.name = values.name.trim();
  if (values.platform && values.platform !== room.platform) body.platform = values.platform;
  if (values.is_locked !== room.is_locked) body.is_locked = values.is_locked;
  if (values.room_mode !== room.room_mode) body.room_mode = values.room_mode;
  if (roomSize !== room.room_size) body.room_size = roomSize;
  if (values.recording_type !== room.recording_type) body.recording_type = values.recording_type;
  if (values.recording_trigger !== room.recording_trigger) body.recording_trigger = values.recording_trigger;
  if (values.skip_consent !== room.skip_consent) body.skip_consent = values.skip_consent;
  const webhookUrl = values.webhook_url.trim() || null;
  if (webhookUrl !== room.webhook_url) body.webhook_url = webhookUrl;
  // Write-only: a typed secret replaces the current one; an empty field keeps it unless asked to remove it.
  if (values.webhook_secret) body.webhook_secret = values.webhook_secret;
  else if (values.remove_webhook_secret && room.webhook_secret_set) body.webhook_secret = null;
  return body;
}
