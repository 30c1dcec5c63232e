import type { Summary } from './summarizer.js';
import type { AttributedSegment } from './transcript.js';

/**
 * Transcript downloads: WebVTT, SRT, plain text and JSON. Pure functions from attributed
 * segments to a string; the server sets the content type (`EXPORT_CONTENT_TYPES`).
 */

/** The download formats. */
export type ExportFormat = 'vtt' | 'srt' | 'txt' | 'json';

/** Content type per format. */
export const EXPORT_CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  vtt: 'text/vtt; charset=utf-8',
  srt: 'application/x-subrip; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/** What the exporters need; everything but the segments is optional. */
export interface ExportableTranscript {
  segments: readonly AttributedSegment[];
  title?: string | null;
  language?: string | null;
  /** Seconds. */
  duration?: number | null;
  summary?: Summary | null;
}

/** `HH:MM:SS<sep>mmm`, rounding to the millisecond first (so 59.9996 s is 00:01:00.000). */
export function formatTimestamp(seconds: number, separator: '.' | ','): string {
  const totalMs = Math.max(0, Math.round(seconds * 1000));
  const ms = totalMs % 1000;
  const totalSec = Math.floor(totalMs / 1000);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(Math.floor(totalSec / 3600))}:${pad(Math.floor(totalSec / 60) % 60)}:${pad(totalSec % 60)}${separator}${pad(ms, 3)}`;
}

/** Cue end: a cue must end after it starts (WebVTT and most SRT players). */
function cueEnd(segment: AttributedSegment): number {
  return Math.max(segment.end, segment.start + 0.001);
}

/** One line of cue text: cue payloads cannot contain blank lines (they end the cue). */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** WebVTT with one cue per segment and the speaker as a voice span: `<v Ann>Hello.` */
export function toWebVtt(transcript: ExportableTranscript): string {
  const cues = transcript.segments.map((s, i) => {
    const timing = `${formatTimestamp(s.start, '.')} --> ${formatTimestamp(cueEnd(s), '.')}`;
    return `${i + 1}\n${timing}\n<v ${escapeVtt(oneLine(s.speaker))}>${escapeVtt(oneLine(s.text))}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

/** SubRip: numbered cues, comma before the milliseconds, `Speaker: text`. */
export function toSrt(transcript: ExportableTranscript): string {
  return transcript.segments
    .map(
      (s, i) =>
        `${i + 1}\n${formatTimestamp(s.start, ',')} --> ${formatTimestamp(cueEnd(s), ',')}\n${oneLine(s.speaker)}: ${oneLine(s.text)}\n`,
    )
    .join('\n');
}

/** Plain text: a title line when known, then `[HH:MM:SS] Speaker: text` per segment. */
export function toPlainText(transcript: ExportableTranscript): string {
  const lines = transcript.segments.map((s) => `[${formatTimestamp(s.start, '.').slice(0, 8)}] ${oneLine(s.speaker)}: ${oneLine(s.text)}`);
  const head = transcript.title ? [transcript.title, ''] : [];
  return [...head, ...lines].join('\n') + '\n';
}

/** JSON (snake_case keys) with segments, words and, when present, the summary. */
export function toJson(transcript: ExportableTranscript): string {
  const { summary } = transcript;
  const body = {
    title: transcript.title ?? summary?.title ?? null,
    language: transcript.language ?? null,
    duration: transcript.duration ?? null,
    segments: transcript.segments.map((s) => ({
      speaker: s.speaker,
      start: s.start,
      end: s.end,
      text: s.text,
      words: s.words.map((w) => ({ word: w.word, start: w.start, end: w.end })),
    })),
    summary: summary ? { summary: summary.summary, topics: summary.topics, action_items: summary.actionItems } : null,
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/** The exporter of `format`. */
export function exportTranscript(transcript: ExportableTranscript, format: ExportFormat): string {
  switch (format) {
    case 'vtt':
      return toWebVtt(transcript);
    case 'srt':
      return toSrt(transcript);
    case 'txt':
      return toPlainText(transcript);
    case 'json':
      return toJson(transcript);
  }
}
