import { z } from 'zod';
import type { RecordingRow } from '../../db/schema/index.js';

export const RecordingIdParams = z.object({ recording_id: z.uuid() });
export const MeetingIdParams = z.object({ meeting_id: z.uuid() });

const SourceKey = z.object({
  key: z.string(),
  participant_session_id: z.string().nullable(),
  participant_name: z.string().nullable(),
  start_offset_ms: z.number().int().nullable(),
});

export const RecordingSourceDto = z
  .object({
    kind: z.enum(['bucket', 'provider', 'link', 'upload']),
    bucket: z.string().nullable(),
    region: z.string().nullable(),
    keys: z.array(SourceKey),
  })
  .describe("Where the provider's files are (owner only): a bucket and every object key, the provider's link, or an upload.");

export const RecordingTrackDto = z.object({
  participant_session_id: z.string().nullable(),
  participant_user_id: z.string().nullable(),
  participant_name: z.string().nullable(),
  start_offset_ms: z.number().int().describe('Where the track starts on the recording timeline (0 for a composite).'),
  duration_ms: z.number().int().nullable().describe('From ffprobe; null until validated.'),
  size_bytes: z.number().int().nullable().describe('Owner only.'),
});

export const Recording = z
  .object({
    id: z.uuid(),
    meeting_id: z.uuid().nullable().describe('Null for an orphan (no meeting matched).'),
    room_id: z.uuid().nullable(),
    platform: z.string(),
    kind: z.enum(['composite', 'tracks']).describe('`composite`: one mixed file; `tracks`: one file per participant.'),
    status: z
      .string()
      .describe(
        '`pending` (started or announced), `downloading`, `stored` (in storage, audio checked), `invalid` (no usable audio, or too large), `orphan` (no meeting matched), `error` (the provider failed it, or the download failed for good); the pipeline adds its own states after `stored`.',
      ),
    recorded_at: z.iso.datetime().nullable(),
    duration_ms: z.number().int().nullable(),
    audio_deleted: z.boolean().describe('True once every source object and our stored audio were deleted (someone refused consent).'),
    tracks: z.array(RecordingTrackDto),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
    provider_recording_id: z.string().nullable().describe('Owner only.'),
    size_bytes: z.number().int().nullable().describe('Owner only.'),
    error: z.string().nullable().describe('Why it is `invalid` or `error`. Owner only.'),
    source: RecordingSourceDto.nullable().describe('Owner only.'),
  })
  .describe('A recording of a meeting. The room owner sees where the files are and what went wrong; others a reduced view.');

export const RecordingList = z.object({ items: z.array(Recording) });

export const StartRecordingResponse = z.object({
  status: z.enum(['started', 'already_recording']),
  recording: Recording.nullable(),
});

export const StopRecordingResponse = z.object({ status: z.literal('stopping') });

export const ConsentBody = z.object({
  consent_given: z.boolean(),
  device_id: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/)
    .optional()
    .describe('An id the client keeps (local storage) for anonymous participants; ignored when signed in (the user id is used).'),
});

export const ConsentResponse = z.object({
  meeting_id: z.uuid(),
  consent_given: z.boolean(),
  decided_at: z.iso.datetime(),
  skipped: z.boolean().describe('True when the room skips the consent question (`skip_consent`): nothing was recorded.'),
});

export type RecordingDto = z.infer<typeof Recording>;

/** Row → API representation; the owner also sees the provider id, size, errors and source keys. */
export function toRecordingDto(row: RecordingRow, isOwner: boolean): RecordingDto {
  return {
    id: row.id,
    meeting_id: row.meetingId,
    room_id: row.roomId,
    platform: row.platform,
    kind: row.kind,
    status: row.status,
    recorded_at: row.recordedAt?.toISOString() ?? null,
    duration_ms: row.durationMs,
    audio_deleted: row.audioDeleted,
    tracks: row.tracks.map((t) => ({
      participant_session_id: t.participantSessionId ?? null,
      participant_user_id: t.participantUserId ?? null,
      participant_name: t.participantName ?? null,
      start_offset_ms: t.startOffsetMs,
      duration_ms: t.durationMs,
      size_bytes: isOwner ? t.size : null,
    })),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    provider_recording_id: isOwner ? row.providerRecordingId : null,
    size_bytes: isOwner ? row.sizeBytes : null,
    error: isOwner ? row.error : null,
    source: isOwner && row.source ? sourceDto(row.source) : null,
  };
}

function sourceDto(source: NonNullable<RecordingRow['source']>): z.infer<typeof RecordingSourceDto> {
  switch (source.kind) {
    case 'bucket':
      return {
        kind: 'bucket',
        bucket: source.bucket,
        region: source.region,
        keys: source.keys.map((k) => ({
          key: k.key,
          participant_session_id: k.participantSessionId ?? null,
          participant_name: k.participantName ?? null,
          start_offset_ms: k.startOffsetMs ?? null,
        })),
      };
    case 'provider':
      return {
        kind: 'provider',
        bucket: null,
        region: null,
        keys: source.keys.map((key) => ({ key, participant_session_id: null, participant_name: null, start_offset_ms: null })),
      };
    case 'link':
    case 'upload':
      return { kind: source.kind, bucket: null, region: null, keys: [] };
  }
}
