import { formatTimestamp } from '../../core/exporters.js';
import type { SummaryInputLine } from '../../core/summarizer.js';
import { SUMMARY_SCHEMA_TEXT } from './wire.js';

/** A chat message. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** The system message: role, schema, rules. It says "JSON", which OpenAI's JSON mode requires. */
export function systemPrompt(language: string | null): string {
  return [
    'You summarize meeting transcripts.',
    `Reply with one JSON object and nothing else, with exactly these keys: ${SUMMARY_SCHEMA_TEXT}.`,
    'Use only facts from the transcript. An empty list is fine when there are no topics or action items.',
    language ? `Write in the language with ISO-639-1 code "${language}".` : "Write in the transcript's language.",
  ].join(' ');
}

/** One transcript line as the model reads it: `[HH:MM:SS] Speaker: text`. */
export function transcriptLine(line: SummaryInputLine): string {
  return `[${formatTimestamp(line.start, '.').slice(0, 8)}] ${line.speaker}: ${line.text.replace(/\s+/g, ' ').trim()}`;
}

/**
 * Groups lines so each group's text (lines joined by newlines) stays within `maxChars`. A single
 * longer line is cut to `maxChars` when `cut` is set (a transcript line), else sent alone (a partial
 * summary, which must stay valid JSON).
 */
export function groupLines(lines: readonly string[], maxChars: number, cut = true): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const raw of lines) {
    const line = cut && raw.length > maxChars ? raw.slice(0, maxChars) : raw;
    if (current.length > 0 && size + line.length + 1 > maxChars) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The user message for a whole transcript, or part `index` of `total`. */
export function summarizeMessage(lines: readonly string[], index: number, total: number): string {
  const head =
    total > 1
      ? `This is part ${index + 1} of ${total} of one meeting's transcript. Summarize this part as JSON.`
      : 'Summarize this meeting transcript as JSON.';
  return `${head}\nTranscript:\n${lines.join('\n')}`;
}

/** The user message that combines partial summaries (one JSON object per line). */
export function combineMessage(partials: readonly string[]): string {
  return [
    'These JSON objects summarize consecutive parts of one meeting, one per line, in order.',
    'Combine them into one JSON summary of the whole meeting with the same keys; keep every action item.',
    ...partials,
  ].join('\n');
}

/** Asks again after an unusable reply, saying what was wrong. */
export function correctionMessage(problem: string): string {
  return `That reply was not usable: ${problem}. Reply again with only the JSON object, exactly the keys ${SUMMARY_SCHEMA_TEXT}.`;
}
