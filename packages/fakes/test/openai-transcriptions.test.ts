import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiFake, type OpenAiFake } from '../src/index.js';
import { writeTone } from './helpers/tones.js';

let fake: OpenAiFake;
let dir: string;
let talk: string;

beforeAll(async () => {
  fake = await startOpenAiFake({ apiKey: 'sk-test' });
  dir = await mkdtemp(join(tmpdir(), 'openai-fake-'));
  talk = await writeTone(join(dir, 'talk.wav'), 6, [
    [1, 2],
    [3.5, 5],
  ]);
});
afterAll(async () => {
  await fake.close();
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => fake.control.reset());

interface Upload {
  file?: { path: string; name?: string } | { bytes: Buffer; name: string };
  fields?: Record<string, string | string[]>;
  key?: string | null;
}

async function transcribe(upload: Upload): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields ?? {})) for (const v of [value].flat()) form.append(name, v);
  if (upload.file) {
    const bytes = 'path' in upload.file ? await readFile(upload.file.path) : upload.file.bytes;
    form.append('file', new Blob([bytes]), 'path' in upload.file ? (upload.file.name ?? basename(upload.file.path)) : upload.file.name);
  }
  const key = upload.key === undefined ? 'sk-test' : upload.key;
  const res = await fetch(`${fake.url}/v1/audio/transcriptions`, {
    method: 'POST',
    body: form,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

const verbose = { model: 'whisper-1', response_format: 'verbose_json', 'timestamp_granularities[]': ['segment', 'word'] };

describe('transcriptions: answers derived from the audio', () => {
  it('returns one segment per sounding span with its true start and end, and words inside it', async () => {
    const res = await transcribe({ file: { path: talk }, fields: verbose });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ task: 'transcribe', language: 'english', text: 'speech 1 speech 2' });
    expect(res.body.duration).toBeCloseTo(6, 1);
    const segments = res.body.segments as { id: number; start: number; end: number; text: string }[];
    expect(segments.map((s) => s.text)).toEqual([' speech 1', ' speech 2']);
    const truth = [
      [1, 2],
      [3.5, 5],
    ];
    segments.forEach((s, i) => {
      expect(Math.abs(s.start - truth[i]![0]!)).toBeLessThan(0.05);
      expect(Math.abs(s.end - truth[i]![1]!)).toBeLessThan(0.05);
    });
    expect(res.body.words.map((w: { word: string }) => w.word)).toEqual(['speech', '1', 'speech', '2']);
    expect(res.body.words[2].start).toBeCloseTo(segments[1]!.start, 2);
  });

  it('uses a scripted text per span and omits segments when only words were asked for (as OpenAI does)', async () => {
    fake.control.setTranscriptionScript({ texts: ['hello there', 'goodbye'] });
    const res = await transcribe({ file: { path: talk }, fields: { ...verbose, 'timestamp_granularities[]': 'word' } });
    expect(res.body.segments).toBeUndefined();
    expect(res.body.words.map((w: { word: string }) => w.word)).toEqual(['hello', 'there', 'goodbye']);
  });

  it('answers json as {text} and text as plain text, without words unless asked', async () => {
    expect((await transcribe({ file: { path: talk }, fields: { model: 'whisper-1' } })).body).toEqual({ text: 'speech 1 speech 2' });
    const plain = await transcribe({ file: { path: talk }, fields: { model: 'whisper-1', response_format: 'text' } });
    expect(plain.text).toBe('speech 1 speech 2\n');
    const segmentsOnly = await transcribe({ file: { path: talk }, fields: { model: 'whisper-1', response_format: 'verbose_json' } });
    expect(segmentsOnly.body.words).toBeUndefined();
    expect(segmentsOnly.body.segments).toHaveLength(2);
  });

  it('gives diarized segments with speakers for the diarize model', async () => {
    fake.control.setTranscriptionScript({ speakers: ['X', 'Y'] });
    const res = await transcribe({
      file: { path: talk },
      fields: { model: 'gpt-4o-transcribe-diarize', response_format: 'diarized_json' },
    });
    expect(res.status).toBe(200);
    expect(res.body.segments.map((s: { speaker: string; type: string }) => [s.type, s.speaker])).toEqual([
      ['transcript.text.segment', 'X'],
      ['transcript.text.segment', 'Y'],
    ]);
  });
});

describe('transcriptions: rejects what OpenAI rejects', () => {
  it('answers 400 with OpenAI’s error body when model is missing', async () => {
    const res = await transcribe({ file: { path: talk }, fields: { response_format: 'json' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { message: 'you must provide a model parameter', type: 'invalid_request_error', param: null, code: null },
    });
  });

  it('answers 400 when the file is missing', async () => {
    const res = await transcribe({ fields: { model: 'whisper-1' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ param: 'file', type: 'invalid_request_error' });
  });

  it('answers 400 listing the supported formats for an unsupported file extension', async () => {
    const res = await transcribe({ file: { path: talk, name: 'talk.aiff' }, fields: { model: 'whisper-1' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      "Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']",
    );
  });

  it('answers 400 for bytes that do not decode', async () => {
    const res = await transcribe({ file: { bytes: Buffer.from('not audio at all'), name: 'x.wav' }, fields: { model: 'whisper-1' } });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ message: 'Audio file might be corrupted or unsupported', param: 'file', code: 'invalid_value' });
  });

  it('answers 413 with OpenAI’s message for an upload over 25 MiB', async () => {
    const res = await transcribe({ file: { bytes: Buffer.alloc(26_214_400), name: 'big.wav' }, fields: { model: 'whisper-1' } });
    expect(res.status).toBe(413);
    expect(res.body.error.message).toMatch(/^Maximum content size limit \(26214400\) exceeded \(\d+ bytes read\)$/);
    expect(res.body.error.type).toBe('server_error');
  });

  it('answers 404 for an unknown model and 400 for a response format the model does not offer', async () => {
    const unknown = await transcribe({ file: { path: talk }, fields: { model: 'whisper-9' } });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'model_not_found']);
    const incompatible = await transcribe({
      file: { path: talk },
      fields: { model: 'gpt-4o-transcribe', response_format: 'verbose_json' },
    });
    expect(incompatible.status).toBe(400);
    expect(incompatible.body.error.message).toContain("is not compatible with model 'gpt-4o-transcribe'");
  });

  it('answers 400 for word timestamps without verbose_json', async () => {
    const res = await transcribe({ file: { path: talk }, fields: { model: 'whisper-1', 'timestamp_granularities[]': 'word' } });
    expect(res.status).toBe(400);
  });

  it('answers 401 without a key and for a wrong key, and needs none when started with apiKey: null', async () => {
    expect((await transcribe({ file: { path: talk }, fields: { model: 'whisper-1' }, key: null })).status).toBe(401);
    const wrong = await transcribe({ file: { path: talk }, fields: { model: 'whisper-1' }, key: 'sk-wrong' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_api_key']);
    const open = await startOpenAiFake({ apiKey: null });
    try {
      const form = new FormData();
      form.append('model', 'whisper-1');
      form.append('file', new Blob([await readFile(talk)]), 'talk.wav');
      expect((await fetch(`${open.url}/v1/audio/transcriptions`, { method: 'POST', body: form })).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('transcriptions: faults and request log', () => {
  it('fails the next `times` requests with the fault status and Retry-After, then recovers', async () => {
    fake.control.setFault({ status: 503, times: 2, retryAfterSeconds: 7 });
    const first = await transcribe({ file: { path: talk }, fields: { model: 'whisper-1' } });
    expect([first.status, first.headers.get('retry-after'), first.body.error.type]).toEqual([503, '7', 'server_error']);
    expect((await transcribe({ file: { path: talk }, fields: { model: 'whisper-1' } })).status).toBe(503);
    expect((await transcribe({ file: { path: talk }, fields: { model: 'whisper-1' } })).status).toBe(200);
  });

  it('sends Retry-After 1 by default on an injected 429, set over the HTTP control API', async () => {
    const set = await fetch(`${fake.url}/_control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 429 }),
    });
    expect(set.status).toBe(204);
    const res = await transcribe({ file: { path: talk }, fields: { model: 'whisper-1' } });
    expect([res.status, res.headers.get('retry-after'), res.body.error.code]).toEqual([429, '1', 'rate_limit_exceeded']);
  });

  it('logs fields and the file size, not the audio', async () => {
    await transcribe({ file: { path: talk }, fields: verbose });
    const [entry] = fake.control.requests();
    expect(entry).toMatchObject({ method: 'POST', path: '/v1/audio/transcriptions', status: 200 });
    expect(entry!.fields).toEqual({
      model: ['whisper-1'],
      response_format: ['verbose_json'],
      'timestamp_granularities[]': ['segment', 'word'],
    });
    expect(entry!.file).toMatchObject({ filename: 'talk.wav', bytes: (await readFile(talk)).length });
  });
});
