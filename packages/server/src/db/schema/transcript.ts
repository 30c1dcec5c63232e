import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { meeting } from './meeting.js';
import { recording } from './recording.js';
import { room } from './room.js';

/**
 * Where a transcript is:
 * - `queued`: created (or reprocessed), its first job not started yet
 * - `preparing` → `transcribing` → `summarizing` → `done`: the stages, in order
 * - `awaiting_backend`: audio prepared, but no transcription backend is configured; resumes by itself
 *   once a process with one starts
 * - `error`: a stage failed for good (`error` says why); the segments of earlier runs are kept
 */
export type TranscriptStatus = 'queued' | 'preparing' | 'transcribing' | 'summarizing' | 'done' | 'error' | 'awaiting_backend';

/** The stage a transcript is in (or failed in). */
export type TranscriptStage = 'prepare' | 'transcribe' | 'summarize' | 'done';

/** One word with its own times (backends that give them). Seconds from the meeting start. */
export interface StoredWord {
  word: string;
  start: number;
  end: number;
}

/** One attributed segment as stored: seconds from the meeting start. */
export interface StoredSegment {
  speaker: string;
  start: number;
  end: number;
  text: string;
  words?: StoredWord[];
}

/** One topic of a summary. */
export interface StoredTopic {
  title: string;
  summary: string;
}

/** What `pipeline.prepare` left for the next stages: one placed track per input track. */
export interface PreparedWork {
  tracks: {
    /** Storage key of the 16 kHz mono FLAC on the meeting timeline (`transcripts/<id>/work/track-<i>.flac`). */
    key: string;
    /** Display name of the track's speaker (tracks recordings); null for a composite. */
    speaker: string | null;
  }[];
}

/** The transcript of one recording: status and progress of its pipeline, then its result. */
export const transcript = pgTable(
  'transcript',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** One transcript per recording. */
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recording.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').references(() => meeting.id, { onDelete: 'set null' }),
    roomId: uuid('room_id').references(() => room.id, { onDelete: 'set null' }),
    /** The room owner when the transcript was created: who may read it. Null = nobody (orphan recording). */
    userId: text('user_id'),
    /** `tracks` (one per participant) or `composite`, copied from the recording. */
    kind: text('kind').$type<'tracks' | 'composite'>().notNull(),
    status: text('status').$type<TranscriptStatus>().notNull().default('queued'),
    stage: text('stage').$type<TranscriptStage>().notNull().default('prepare'),
    /** Progress of the current stage, 0–1. */
    progress: doublePrecision('progress').notNull().default(0),
    /** Why the pipeline stopped (`error`), or what to configure (`awaiting_backend`). */
    error: text('error'),
    /** Why there is no summary although a summary backend is configured (the transcript is still `done`). */
    summaryError: text('summary_error'),
    /** Incremented by each reprocess: jobs of an earlier run are dropped. */
    run: integer('run').notNull().default(1),
    /** Seconds. */
    duration: doublePrecision('duration'),
    language: text('language'),
    segments: jsonb('segments').$type<StoredSegment[]>().notNull().default([]),
    title: text('title'),
    summary: text('summary'),
    topics: jsonb('topics').$type<StoredTopic[]>().notNull().default([]),
    actionItems: jsonb('action_items').$type<string[]>().notNull().default([]),
    /** Storage key of the mixed MP3 (`transcripts/<id>/audio.mp3`), once prepared. */
    audioKey: text('audio_key'),
    /** The mixed MP3 was deleted (a participant refused consent); the segments stay. */
    audioDeleted: boolean('audio_deleted').notNull().default(false),
    /** Intermediate files between stages (deleted when the run ends). */
    work: jsonb('work').$type<PreparedWork | null>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('transcript_recording_key').on(t.recordingId),
    index('transcript_user_created_idx').on(t.userId, t.createdAt),
    index('transcript_meeting_idx').on(t.meetingId),
    index('transcript_status_idx').on(t.status),
  ],
);

export type TranscriptRow = typeof transcript.$inferSelect;
export type NewTranscriptRow = typeof transcript.$inferInsert;
