import { z } from 'zod';
import { platformNames } from '@meetbridge/platforms';
import { SERVER_PATH_SEGMENTS } from '../../lib/reserved-paths.js';
import { text } from '../../lib/text.js';

export const RoomName = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,63})$/,
    'must be 1-64 lower-case letters, digits and hyphens, starting with a letter or digit (e.g. "team-standup")',
  )
  .max(64)
  .refine((name) => !(SERVER_PATH_SEGMENTS as readonly string[]).includes(name), {
    message: `is reserved: a room's page is /{room_name}, and the server answers ${SERVER_PATH_SEGMENTS.map((s) => `/${s}`).join(', ')} itself`,
  });

const Platform = z.enum(platformNames);
const RoomMode = z.enum(['normal', 'group']);
const RecordingType = z.enum(['none', 'local', 'cloud']);
const RecordingTrigger = z.enum(['none', 'prompt', 'automatic', 'automatic-2nd-participant']);
const RoomSize = z.number().int().min(2).max(200).nullable();
const WebhookUrl = z
  .url({ message: 'must be an absolute http(s) URL', protocol: /^https?$/ })
  .max(2048)
  .nullable()
  .describe('Where Meetbridge POSTs `transcript.completed` (signed the Standard Webhooks way); null for none.');
const WebhookSecret = z
  .string()
  .regex(
    /^whsec_[A-Za-z0-9+/]{32,}={0,2}$/,
    'must be "whsec_" followed by at least 24 random bytes in base64 (e.g. whsec_$(openssl rand -base64 32))',
  )
  .nullable()
  .describe('Signing secret of the outbound webhook, `whsec_<base64>` (Standard Webhooks). Write-only: never returned.');

export const RoomCreateBody = z.strictObject({
  name: RoomName,
  platform: Platform.optional().describe('Video provider; default DEFAULT_VIDEO_PLATFORM.'),
  is_locked: z.boolean().default(false).describe('Participants must knock and be let in.'),
  room_mode: RoomMode.default('normal').describe('Room size class: normal (up to 4) or group.'),
  room_size: RoomSize.default(null).describe('Maximum participants (2-200); null for the provider default.'),
  recording_type: RecordingType.default('none'),
  recording_trigger: RecordingTrigger.default('automatic-2nd-participant'),
  skip_consent: z.boolean().default(false).describe('Do not ask participants for recording consent.'),
  webhook_url: WebhookUrl.default(null),
  webhook_secret: WebhookSecret.default(null),
});
export type RoomCreateBody = z.infer<typeof RoomCreateBody>;

export const RoomUpdateBody = z
  .strictObject({
    name: RoomName,
    platform: Platform,
    is_locked: z.boolean(),
    room_mode: RoomMode,
    room_size: RoomSize,
    recording_type: RecordingType,
    recording_trigger: RecordingTrigger,
    skip_consent: z.boolean(),
    webhook_url: WebhookUrl,
    webhook_secret: WebhookSecret,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change' });
export type RoomUpdateBody = z.infer<typeof RoomUpdateBody>;

export const Room = z.object({
  id: z.uuid(),
  name: z.string(),
  user_id: z.string(),
  platform: z.string().describe('The platform the next meeting will use.'),
  is_locked: z.boolean(),
  room_mode: RoomMode,
  room_size: z.number().int().nullable(),
  recording_type: RecordingType,
  recording_trigger: RecordingTrigger,
  skip_consent: z.boolean(),
  webhook_url: z.string().nullable(),
  webhook_secret_set: z.boolean().describe('Whether a webhook secret is set (the secret itself is never returned).'),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type Room = z.infer<typeof Room>;

export const RoomList = z.object({
  items: z.array(Room),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});

export const Pagination = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
});

export const RoomIdParams = z.object({ room_id: z.uuid({ message: 'must be a room id (UUID)' }) });
export const RoomNameParams = z.object({ room_name: text().min(1).max(64) });

/** Capabilities as the API spells them (snake_case); see `Capabilities` in @meetbridge/platforms. */
export const PlatformCapabilities = z.object({
  host_url: z.boolean().describe('The provider issues a separate host URL for owners.'),
  join_tokens: z.boolean().describe('Joins use a per-participant token.'),
  presence: z.boolean().describe('A live presence API lists who is in the call now.'),
  sessions: z.boolean().describe('A sessions API lists call sessions of a room.'),
  delete_meeting: z.boolean().describe('The provider room is deleted when a meeting ends.'),
  server_side_recording: z.boolean().describe('Recordings can be started from the server.'),
  raw_tracks: z.boolean().describe('Recordings can deliver one file per participant track.'),
  recording_links: z.boolean().describe('The provider hosts recordings and hands out download links.'),
  recording_source: z.boolean().describe("Meetbridge can find a finished recording's files."),
  logo: z.boolean().describe('A logo can be uploaded.'),
  webhook_admin: z.boolean().describe("The provider's webhook is managed through its API (registered, checked and re-activated)."),
  extend_meeting: z.boolean().describe('A meeting can be extended on the provider while people are in it.'),
  recording_notices: z.boolean().describe('Recordings land in a bucket whose S3 event notifications (through SQS) announce them.'),
  recording_polling: z.boolean().describe('Finished recordings can be listed, so a poller finds those whose webhook was lost.'),
  planned_room_names: z
    .boolean()
    .describe('The provider room name is chosen before the create call, so a room whose create timed out is deleted by that name.'),
});
export type PlatformCapabilities = z.infer<typeof PlatformCapabilities>;

export const PlatformInfo = z.object({
  name: Platform.describe('The value of a room\'s "platform" field.'),
  display_name: z.string(),
  is_default: z.boolean().describe('New rooms get this platform when they do not ask for one.'),
  capabilities: PlatformCapabilities,
});
export type PlatformInfo = z.infer<typeof PlatformInfo>;

export const PlatformList = z.object({
  items: z.array(PlatformInfo).describe('Platforms new rooms (and room edits) may choose here, in registry order.'),
});
