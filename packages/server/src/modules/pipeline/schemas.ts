import { z } from 'zod';

export const TranscriptStatus = z
  .enum(['queued', 'preparing', 'transcribing', 'summarizing', 'done', 'error', 'awaiting_backend'])
  .describe(
    '`queued` → `preparing` → `transcribing` → `summarizing` → `done`; `error` (see `error`); `awaiting_backend`: no transcription backend is configured (see `error` for what to set); it resumes by itself once one is.',
  );
export const TranscriptStage = z
  .enum(['prepare', 'transcribe', 'summarize', 'done'])
  .describe('The stage the transcript is in, or failed in.');

export const TranscriptWord = z.object({ word: z.string(), start: z.number(), end: z.number() });

export const TranscriptSegment = z.object({
  speaker: z.string().describe('Participant name (per-participant tracks), or Speaker N.'),
  start: z.number().describe('Seconds from the start of the recording.'),
  end: z.number(),
  text: z.string(),
  words: z.array(TranscriptWord).optional().describe('Word timings, where the backend gives them.'),
});

export const TranscriptTopic = z.object({ title: z.string(), summary: z.string() });

const transcriptFields = {
  id: z.uuid(),
  recording_id: z.uuid(),
  meeting_id: z.uuid().nullable(),
  room_id: z.uuid().nullable(),
  kind: z.enum(['tracks', 'composite']).describe('`tracks`: one file per participant; `composite`: one mixed file.'),
  status: TranscriptStatus,
  stage: TranscriptStage,
  progress: z.number().min(0).max(1).describe('Progress of the current stage, 0–1.'),
  error: z
    .string()
    .nullable()
    .describe(
      'Why it stopped (`error`), what to configure (`awaiting_backend`), or, while a stage is retried, why its last attempt failed.',
    ),
  summary_error: z.string().nullable().describe('Why a configured summary backend produced no summary (the transcript is still done).'),
  duration: z.number().nullable().describe('Seconds.'),
  language: z.string().nullable(),
  title: z.string().nullable(),
  summary: z.string().nullable(),
  topics: z.array(TranscriptTopic),
  action_items: z.array(z.string()),
  audio_available: z.boolean().describe('The mixed MP3 can be fetched from `/audio`.'),
  audio_deleted: z.boolean().describe('The audio was deleted because a participant refused consent; the text stays.'),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  completed_at: z.iso.datetime().nullable(),
};

/** A transcript without its segments (lists). */
export const TranscriptSummary = z.object(transcriptFields);
export type TranscriptSummary = z.infer<typeof TranscriptSummary>;

/** A transcript with its segments. */
export const Transcript = z.object({ ...transcriptFields, segments: z.array(TranscriptSegment) });
export type Transcript = z.infer<typeof Transcript>;

export const TranscriptList = z.object({
  items: z.array(TranscriptSummary),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type TranscriptList = z.infer<typeof TranscriptList>;

export const TranscriptListQuery = z.strictObject({
  room_id: z.uuid({ message: 'must be a room id (UUID)' }).optional(),
  meeting_id: z.uuid({ message: 'must be a meeting id (UUID)' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  page_size: z.coerce.number().int().min(1).max(100).default(20),
});

export const TranscriptIdParams = z.object({ transcript_id: z.uuid({ message: 'must be a transcript id (UUID)' }) });

export const DownloadQuery = z.strictObject({
  format: z.enum(['vtt', 'srt', 'txt', 'json']).default('txt').describe('WebVTT, SubRip, plain text or JSON.'),
});

export const WebhookDelivery = z.object({
  id: z.uuid(),
  event_id: z.string().describe('`webhook-id` of every attempt of this event (the same across retries).'),
  event_type: z.string(),
  transcript_id: z.uuid().nullable(),
  url: z.string(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  last_status: z.number().int().nullable().describe('HTTP status of the last attempt; null when it got no answer.'),
  last_error: z.string().nullable(),
  last_attempt_at: z.iso.datetime().nullable(),
  next_attempt_at: z.iso.datetime().nullable(),
  delivered_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryList = z.object({
  items: z.array(WebhookDelivery),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type WebhookDeliveryList = z.infer<typeof WebhookDeliveryList>;
