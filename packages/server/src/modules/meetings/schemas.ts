import { z } from 'zod';
import { text } from '../../lib/text.js';

export const Meeting = z.object({
  id: z.uuid(),
  room_id: z.uuid(),
  room_name: z.string(),
  platform: z.string(),
  provider_meeting_id: z.string(),
  provider_room_name: z.string(),
  room_url: z.string(),
  host_room_url: z.string().nullable().describe('Only returned to the room owner; null for everyone else.'),
  start_date: z.iso.datetime(),
  end_date: z.iso.datetime(),
  is_active: z.boolean(),
  num_clients: z.number().int(),
  is_locked: z.boolean(),
  room_mode: z.string(),
  room_size: z.number().int().nullable(),
  recording_type: z.string(),
  recording_trigger: z.string(),
  created_at: z.iso.datetime(),
  participants: z
    .array(
      z.object({
        provider_session_id: z.string(),
        user_id: z.string().nullable(),
        user_name: z.string().nullable(),
        joined_at: z.iso.datetime(),
        left_at: z.iso.datetime().nullable(),
      }),
    )
    .optional()
    .describe(
      'Participant sessions (oldest join first), returned to the room owner only: one page of `participants_limit` (default 500) from `participants_offset`; `participants_next` links to the next page.',
    ),
  participants_total: z.number().int().optional().describe('How many participant sessions the meeting has (room owner only).'),
  participants_next: z
    .string()
    .nullable()
    .optional()
    .describe('Path of the next page of participant sessions, or null on the last page (room owner only).'),
});
export type Meeting = z.infer<typeof Meeting>;
export type Participant = NonNullable<Meeting['participants']>[number];

export const Reservation = z.object({
  reservation_id: z.uuid(),
  meeting_id: z.uuid(),
  expires_at: z.iso.datetime(),
});
export type Reservation = z.infer<typeof Reservation>;

/** Default and largest page of participant sessions in `GET /v1/meetings/{id}`. */
export const PARTICIPANTS_PAGE_DEFAULT = 500;
export const PARTICIPANTS_PAGE_MAX = 1000;

export const MeetingReadQuery = z.object({
  participants_limit: z.coerce.number().int().min(1).max(PARTICIPANTS_PAGE_MAX).default(PARTICIPANTS_PAGE_DEFAULT),
  participants_offset: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
});
export type MeetingReadQuery = z.infer<typeof MeetingReadQuery>;

export const MeetingIdParams = z.object({ meeting_id: z.uuid({ message: 'must be a meeting id (UUID)' }) });

export const MeetingCreateBody = z
  .strictObject({
    allow_duplicated: z.boolean().default(false).describe('Create a new meeting even if an active one exists.'),
  })
  .nullish();

export const JoinParams = z.object({
  room_name: text().min(1).max(64),
  meeting_id: z.uuid({ message: 'must be a meeting id (UUID)' }),
});

export const JoinResponse = z.object({
  kind: z
    .enum(['url', 'sdk'])
    .describe('How to join: "url" = open url; "sdk" = connect the provider\'s client SDK to server_url with token.'),
  url: z
    .string()
    .nullable()
    .describe(
      'For kind "url": the URL this caller should open (the host URL for the owner where the provider has one). It never carries a token. Null for kind "sdk".',
    ),
  server_url: z.string().nullable().describe('For kind "sdk": the server the client SDK connects to. Null for kind "url".'),
  token: z
    .string()
    .nullable()
    .describe(
      'The caller\'s token where the provider uses one: pass it to the provider\'s client next to url (e.g. call.join({url, token})) for kind "url", or to the SDK for kind "sdk". Never put it in a URL.',
    ),
  expires_at: z.iso.datetime().nullable(),
  is_owner: z.boolean(),
  platform: z.string(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;

export const MeetingListQuery = z.strictObject({
  room_id: z.uuid({ message: 'must be a room id (UUID)' }).optional().describe('Only the meetings of this room.'),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: only live meetings (active, before their end date); false: only finished ones.'),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
});

export const MeetingList = z.object({
  items: z.array(Meeting),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type MeetingList = z.infer<typeof MeetingList>;
