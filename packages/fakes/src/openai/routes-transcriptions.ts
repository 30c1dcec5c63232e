import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { multipartBoundary, parseMultipart, type MultipartPart } from '../core/multipart.js';
import { listen, type Heard, type ListenOptions } from './audio.js';
import type { OpenAiFakeState } from './control.js';
import { MAX_AUDIO_BYTES, openAiError, sendOpenAiError, tooLarge } from './errors.js';

/**
 * `POST /v1/audio/transcriptions`, after
 * https://platform.openai.com/docs/api-reference/audio/createTranscription and
 * https://platform.openai.com/docs/guides/speech-to-text: multipart `file` + `model`, optional
 * `language`, `prompt`, `response_format` (json, text, srt, verbose_json, vtt, diarized_json) and
 * `timestamp_granularities[]` (segment, word; verbose_json only). Uploads over 25 MiB get the 413
 * OpenAI actually sends. Which response formats each model accepts follows the model pages
 * (whisper-1: not diarized_json; gpt-4o(-mini)-transcribe: json/text; the -diarize model adds
 * diarized_json).
 */

/** Extensions OpenAI accepts, as its error message lists them. */
const SUPPORTED = ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm'];
const FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt', 'diarized_json'] as const;
type ResponseFormat = (typeof FORMATS)[number];

/** Response formats per model family; unknown models are treated like whisper-1. */
function formatsFor(model: string): readonly ResponseFormat[] {
  if (model.includes('diarize')) return ['json', 'text', 'diarized_json'];
  if (model.startsWith('gpt-4o')) return ['json', 'text'];
  return ['json', 'text', 'srt', 'verbose_json', 'vtt'];
}

/** Settings of the route. */
export interface TranscriptionRouteOptions extends ListenOptions {
  /** Known models; another one gets 404 `model_not_found`. */
  models: readonly string[];
}

/** One utterance of the answer. */
interface Utterance {
  start: number;
  end: number;
  text: string;
  speaker: string;
}

function fieldsOf(parts: readonly MultipartPart[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const part of parts) {
    if (part.filename !== undefined || part.name === undefined) continue;
    (fields[part.name] ??= []).push(part.data.toString('utf8'));
  }
  return fields;
}

function words(u: Utterance): { word: string; start: number; end: number }[] {
  const list = u.text.split(/\s+/).filter(Boolean);
  const step = (u.end - u.start) / Math.max(1, list.length);
  const r = (n: number): number => Math.round(n * 1000) / 1000;
  return list.map((word, i) => ({ word, start: r(u.start + i * step), end: r(u.start + (i + 1) * step) }));
}

function stamp(seconds: number, sep: string): string {
  const ms = Math.round(seconds * 1000);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}${sep}${p(ms % 1000, 3)}`;
}

/** Renders the answer in `format`; returns [contentType, body]. */
function render(
  format: ResponseFormat,
  heard: Heard,
  utterances: Utterance[],
  granularities: string[],
  language: string,
): [string, unknown] {
  const text = utterances.map((u) => u.text).join(' ');
  switch (format) {
    case 'text':
      return ['text/plain; charset=utf-8', `${text}\n`];
    case 'srt':
      return [
        'text/plain; charset=utf-8',
        utterances.map((u, i) => `${i + 1}\n${stamp(u.start, ',')} --> ${stamp(u.end, ',')}\n${u.text}\n`).join('\n'),
      ];
    case 'vtt':
      return [
        'text/vtt; charset=utf-8',
        `WEBVTT\n\n${utterances.map((u) => `${stamp(u.start, '.')} --> ${stamp(u.end, '.')}\n${u.text}\n`).join('\n')}`,
      ];
    case 'diarized_json': {
      const segments = utterances.map((u, i) => ({
        type: 'transcript.text.segment',
        id: `seg_${i}`,
        start: u.start,
        end: u.end,
        text: u.text,
        speaker: u.speaker,
      }));
      return [
        'application/json',
        { task: 'transcribe', duration: heard.duration, text, segments, usage: { type: 'duration', seconds: Math.ceil(heard.duration) } },
      ];
    }
    case 'verbose_json': {
      const body: Record<string, unknown> = { task: 'transcribe', language, duration: heard.duration, text };
      // OpenAI omits segments when only word granularity was asked for.
      if (!(granularities.length === 1 && granularities[0] === 'word')) {
        body.segments = utterances.map((u, id) => ({
          id,
          seek: 0,
          start: u.start,
          end: u.end,
          text: ` ${u.text}`,
          tokens: [],
          temperature: 0,
          avg_logprob: -0.2,
          compression_ratio: 1,
          no_speech_prob: 0.01,
        }));
      }
      if (granularities.includes('word')) body.words = utterances.flatMap(words);
      return ['application/json', body];
    }
    case 'json':
      return ['application/json', { text }];
  }
}

/** Validates the request; returns the error reply to send, or the parsed request. */
function validate(
  parts: MultipartPart[],
  fields: Record<string, string[]>,
  models: readonly string[],
): { error: [number, ReturnType<typeof openAiError>] } | { file: MultipartPart; format: ResponseFormat; granularities: string[] } {
  const model = fields.model?.[0]?.trim();
  if (!model) return { error: [400, openAiError('you must provide a model parameter')] };
  const file = parts.find((p) => p.name === 'file' && p.filename !== undefined);
  if (!file)
    return {
      error: [400, openAiError("Missing required parameter: 'file'.", 'invalid_request_error', 'file', 'missing_required_parameter')],
    };
  if (!models.includes(model)) {
    return {
      error: [
        404,
        openAiError(
          `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          null,
          'model_not_found',
        ),
      ],
    };
  }
  const ext = extname(file.filename ?? '')
    .slice(1)
    .toLowerCase();
  if (!SUPPORTED.includes(ext)) {
    return { error: [400, openAiError(`Invalid file format. Supported formats: [${SUPPORTED.map((f) => `'${f}'`).join(', ')}]`)] };
  }
  const format = (fields.response_format?.[0] ?? 'json') as ResponseFormat;
  if (!FORMATS.includes(format))
    return {
      error: [
        400,
        openAiError(`Invalid value for 'response_format': '${format}'.`, 'invalid_request_error', 'response_format', 'invalid_value'),
      ],
    };
  if (!formatsFor(model).includes(format)) {
    const allowed = formatsFor(model)
      .map((f) => `'${f}'`)
      .join(' or ');
    return {
      error: [
        400,
        openAiError(
          `response_format '${format}' is not compatible with model '${model}'. Use ${allowed} instead.`,
          'invalid_request_error',
          'response_format',
          'unsupported_value',
        ),
      ],
    };
  }
  const granularities = fields['timestamp_granularities[]'] ?? [];
  if (granularities.some((g) => g !== 'word' && g !== 'segment')) {
    return {
      error: [
        400,
        openAiError(
          "Invalid value for 'timestamp_granularities[]': expected 'word' or 'segment'.",
          'invalid_request_error',
          'timestamp_granularities',
          'invalid_value',
        ),
      ],
    };
  }
  if (granularities.includes('word') && format !== 'verbose_json') {
    return {
      error: [
        400,
        openAiError(
          "timestamp_granularities['word'] requires response_format=verbose_json.",
          'invalid_request_error',
          'timestamp_granularities',
          null,
        ),
      ],
    };
  }
  return { file, format, granularities };
}

/** Writes the upload to a temporary file, listens to it, removes it. */
async function hear(file: MultipartPart, options: ListenOptions): Promise<Heard> {
  const path = join(tmpdir(), `openai-fake-${randomUUID()}${extname(file.filename ?? '')}`);
  await writeFile(path, file.data);
  try {
    return await listen(path, options);
  } finally {
    await rm(path, { force: true });
  }
}

/** Registers the transcription route. */
export function registerTranscriptionRoute(app: FastifyInstance, state: OpenAiFakeState, options: TranscriptionRouteOptions): void {
  app.post('/v1/audio/transcriptions', async (req, reply): Promise<FastifyReply> => {
    const body = req.body;
    const boundary = multipartBoundary(req.headers['content-type']);
    if (!Buffer.isBuffer(body) || boundary === undefined) {
      return sendOpenAiError(
        reply,
        400,
        openAiError("Invalid Content-Type header (expected 'multipart/form-data').", 'invalid_request_error'),
      );
    }
    if (body.length > MAX_AUDIO_BYTES) return sendOpenAiError(reply, 413, tooLarge(body.length));
    const parts = parseMultipart(body, boundary);
    const checked = validate(parts, fieldsOf(parts), options.models);
    if ('error' in checked) return sendOpenAiError(reply, checked.error[0], checked.error[1]);
    let heard: Heard;
    try {
      heard = await hear(checked.file, options);
    } catch {
      return sendOpenAiError(
        reply,
        400,
        openAiError('Audio file might be corrupted or unsupported', 'invalid_request_error', 'file', 'invalid_value'),
      );
    }
    const { texts = [], speakers = [], language = 'english' } = state.script;
    const utterances = heard.spans.map((span, i) => ({
      ...span,
      text: texts[i] ?? `speech ${i + 1}`,
      speaker: speakers[i] ?? (i % 2 === 0 ? 'A' : 'B'),
    }));
    const [contentType, payload] = render(checked.format, heard, utterances, checked.granularities, language);
    return reply.code(200).header('content-type', contentType).send(payload);
  });
}
