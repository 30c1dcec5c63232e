import { describe, expect, it } from 'vitest';
import { loadOpenAiTranscriptionConfig } from './config.js';
import { OpenAiTranscriber, openAiTranscriptionCapabilities, toSegments } from './transcriber.js';

const base = { TRANSCRIPTION_URL: 'http://whisper.local:8000/v1/', TRANSCRIPTION_MODEL: 'whisper-1' };

function config(env: Record<string, string> = {}) {
  const result = loadOpenAiTranscriptionConfig({ ...base, ...env });
  if (!result.ok) throw new Error('expected a config');
  return result.config;
}

describe('loadOpenAiTranscriptionConfig', () => {
  it('names the unset required variables', () => {
    expect(loadOpenAiTranscriptionConfig({})).toEqual({ ok: false, missing: ['TRANSCRIPTION_URL', 'TRANSCRIPTION_MODEL'] });
    expect(loadOpenAiTranscriptionConfig({ TRANSCRIPTION_URL: 'https://api.openai.com', TRANSCRIPTION_MODEL: ' ' })).toEqual({
      ok: false,
      missing: ['TRANSCRIPTION_MODEL'],
    });
  });

  it('drops a trailing /v1, defaults everything else, and makes the key optional', () => {
    expect(config()).toEqual({
      url: 'http://whisper.local:8000',
      apiKey: null,
      model: 'whisper-1',
      diarization: false,
      wordTimestamps: true,
      uploadFormat: 'flac',
      maxUploadBytes: 25_000_000,
      timeoutMs: 600_000,
      language: null,
    });
  });

  it('refuses invalid values, naming the variable', () => {
    expect(() => config({ TRANSCRIPTION_URL: 'ftp://x' })).toThrow(/TRANSCRIPTION_URL must be an http\(s\) URL/);
    expect(() => config({ TRANSCRIPTION_MAX_UPLOAD_MB: '-3' })).toThrow(/TRANSCRIPTION_MAX_UPLOAD_MB must be a positive number/);
    expect(() => config({ TRANSCRIPTION_UPLOAD_FORMAT: 'mp3' })).toThrow(/TRANSCRIPTION_UPLOAD_FORMAT must be flac or wav/);
    expect(() => config({ TRANSCRIPTION_DIARIZATION: 'maybe' })).toThrow(/TRANSCRIPTION_DIARIZATION must be true or false/);
  });
});

describe('OpenAiTranscriber request and capabilities', () => {
  it('asks for verbose_json with segment and word timestamps by default', () => {
    const t = new OpenAiTranscriber(config({ TRANSCRIPTION_LANGUAGE: 'de' }));
    expect(t.fields({ prompt: 'Meetbridge' })).toEqual([
      ['model', 'whisper-1'],
      ['response_format', 'verbose_json'],
      ['timestamp_granularities[]', 'segment'],
      ['timestamp_granularities[]', 'word'],
      ['language', 'de'],
      ['prompt', 'Meetbridge'],
    ]);
    expect(t.capabilities).toEqual({ wordTimestamps: true, diarization: false, maxUploadBytes: 25_000_000, formats: ['flac'] });
  });

  it('asks for diarized_json with a chunking strategy when diarizing, which has no word timings', () => {
    const c = config({ TRANSCRIPTION_DIARIZATION: 'true', TRANSCRIPTION_UPLOAD_FORMAT: 'wav' });
    expect(new OpenAiTranscriber(c).fields({ language: 'en' })).toEqual([
      ['model', 'whisper-1'],
      ['response_format', 'diarized_json'],
      ['chunking_strategy', 'auto'],
      ['language', 'en'],
    ]);
    expect(openAiTranscriptionCapabilities(c)).toMatchObject({ wordTimestamps: false, diarization: true, formats: ['wav'] });
  });
});

describe('toSegments', () => {
  it('sorts segments, trims text and hands each top-level word to the segment holding its midpoint', () => {
    const segments = toSegments(
      {
        text: 'b a',
        segments: [
          { start: 2, end: 3, text: ' b ', speaker: 'B' },
          { start: 0, end: 2, text: ' a', speaker: null },
        ],
        words: [
          { word: ' a', start: 0.1, end: 0.5 },
          { word: 'edge', start: 1.9, end: 2.05 },
          { word: 'b', start: 2.1, end: 3 },
        ],
      },
      null,
    );
    expect(segments).toEqual([
      {
        start: 0,
        end: 2,
        text: 'a',
        speaker: null,
        words: [
          { word: 'a', start: 0.1, end: 0.5 },
          { word: 'edge', start: 1.9, end: 2.05 },
        ],
      },
      { start: 2, end: 3, text: 'b', speaker: 'B', words: [{ word: 'b', start: 2.1, end: 3 }] },
    ]);
  });

  it('keeps words nested in segments, and turns a text-only reply into one segment over the file', () => {
    const nested = toSegments({ text: 'x', segments: [{ start: 1, end: 2, text: 'x', words: [{ word: ' x', start: 1, end: 2 }] }] }, null);
    expect(nested[0]!.words).toEqual([{ word: 'x', start: 1, end: 2 }]);
    expect(toSegments({ text: ' hello ' }, 4.5)).toEqual([{ start: 0, end: 4.5, text: 'hello', speaker: null, words: [] }]);
    expect(toSegments({ text: '' }, 4.5)).toEqual([]);
  });
});
