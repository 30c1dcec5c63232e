import { z } from 'zod';

/**
 * `POST /v1/chat/completions` (https://platform.openai.com/docs/api-reference/chat/object): only
 * what we read. And the summary JSON we ask the model for, validated before use.
 */

export const ChatCompletionWire = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullish() }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
});

/** The summary the prompt asks for (snake_case, as JSON is). Every field is required. */
export const SummaryWire = z.object({
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  topics: z.array(z.object({ title: z.string().trim().min(1), summary: z.string() })),
  action_items: z.array(z.string()),
});

export type SummaryWire = z.infer<typeof SummaryWire>;

/** The schema as the prompt states it. */
export const SUMMARY_SCHEMA_TEXT =
  '{"title": string (at most 8 words), "summary": string (2 to 4 sentences), ' +
  '"topics": [{"title": string, "summary": string (1 or 2 sentences)}], "action_items": [string (who does what)]}';
