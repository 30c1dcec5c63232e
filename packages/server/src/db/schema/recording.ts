import { boolean, bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { meeting } from './meeting.js';
import { room } from './room.js';

/**
 * Where a recording's bytes are at the provider (or how they reach us):
 * - `bucket`: objects in a bucket the provider delivered to (ours or the customer's), read with the
 *   worker's own credentials. Every track of a raw-tracks recording is one key.
 * - `provider`: the provider reported it (a webhook, its API) with the object keys or file name it
 *   gave; where the bytes are is resolved when downloading (`adapter.getRecordingSource`, which may
 *   call the provider), then the row's source becomes `bucket` or `link`.
 * - `link`: fetched through the provider's download link (asked for anew at each attempt: signed
 *   links expire, so the URL is not kept), through the SSRF-checked fetcher.
 * - `upload`: the bytes were posted to us (the mock provider's room page) and are already in storage.
 */
export type RecordingSourceRef =
  | {
      kind: 'bucket';
      bucket: string;
      region: string;
      keys: RecordingSourceKey[];
    }
  | { kind: 'provider'; keys: string[]; filename: string | null }
  | { kind: 'link' }
  | { kind: 'upload' };

/** One object of a bucket source. */
export interface RecordingSourceKey {
  key: string;
  participantSessionId?: string;
  participantName?: string;
  /** Offset of this track from the start of the recording. */
  startOffsetMs?: number;
  /** `audio` or `video` when known; only audio is downloaded. */
  media?: 'audio' | 'video';
}

/** One object we stored (in `Storage`, under `recordings/<recording id>/…`). */
export interface StoredTrack {
  /** Storage key. */
  key: string;
  size: number;
  /** From ffprobe; null until validated. */
  durationMs: number | null;
  participantSessionId?: string;
  participantUserId?: string;
  participantName?: string;
  /** Offset of this track from the start of the recording (0 for a composite). */
  startOffsetMs: number;
}

/** `composite`: one mixed file. `tracks`: one file per participant (Daily raw tracks). */
export type RecordingKind = 'composite' | 'tracks';

/**
 * The life of a recording. Recording states first; the pipeline module adds its own after `stored`
 * (kept as text so it can, without a migration).
 * - `pending`: started (Daily, by us) or announced; nothing to download yet
 * - `downloading`: the `recording.download` job is copying it into storage
 * - `stored`: in our storage and validated (has audio, duration known)
 * - `invalid`: stored but unusable (no audio stream, unreadable), or refused (too large)
 * - `orphan`: matched no meeting; kept visible, never retried
 * - `error`: the provider reported an error, or the download failed for good
 */
export type RecordingStatus = 'pending' | 'downloading' | 'stored' | 'invalid' | 'orphan' | 'error' | (string & {});

/** One recording of a meeting on a provider: our own id, the provider's id unique per platform. */
export const recording = pgTable(
  'recording',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for an orphan (no meeting matched). */
    meetingId: uuid('meeting_id').references(() => meeting.id, { onDelete: 'set null' }),
    roomId: uuid('room_id').references(() => room.id, { onDelete: 'set null' }),
    platform: text('platform').notNull(),
    providerRecordingId: text('provider_recording_id').notNull(),
    kind: text('kind').$type<RecordingKind>().notNull(),
    status: text('status').$type<RecordingStatus>().notNull().default('pending'),
    source: jsonb('source').$type<RecordingSourceRef | null>(),
    tracks: jsonb('tracks').$type<StoredTrack[]>().notNull().default([]),
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    durationMs: integer('duration_ms'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    error: text('error'),
    /** True once every source object and our stored audio were deleted (consent refused). */
    audioDeleted: boolean('audio_deleted').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('recording_platform_provider_recording_id_key').on(t.platform, t.providerRecordingId),
    index('recording_meeting_idx').on(t.meetingId),
    index('recording_status_idx').on(t.status),
  ],
);

export type RecordingRow = typeof recording.$inferSelect;
export type NewRecordingRow = typeof recording.$inferInsert;
