import { z } from 'zod';

/**
 * The reply of `POST /v1/audio/transcriptions` in `verbose_json` and `diarized_json`
 * (https://platform.openai.com/docs/api-reference/audio/verbose-json-object and
 * .../diarized-json-object). Only the fields we use; unknown fields are ignored, so
 * OpenAI-compatible servers that add their own (faster-whisper's `tokens`, `avg_logprob`) pass.
 */

export const TranscriptionWordWire = z.object({ word: z.string(), start: z.number(), end: z.number() });

export const TranscriptionSegmentWire = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  /** diarized_json only. */
  speaker: z.string().nullish(),
  /** Some compatible servers nest words in segments instead of the top-level list. */
  words: z.array(TranscriptionWordWire).nullish(),
});

export const TranscriptionWire = z.object({
  text: z.string().default(''),
  language: z.string().nullish(),
  duration: z.number().nullish(),
  segments: z.array(TranscriptionSegmentWire).nullish(),
  words: z.array(TranscriptionWordWire).nullish(),
});

export type TranscriptionWordWire = z.infer<typeof TranscriptionWordWire>;
export type TranscriptionWire = z.infer<typeof TranscriptionWire>;
