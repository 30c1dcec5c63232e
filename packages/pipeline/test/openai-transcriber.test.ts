import { startOpenAiFake, type OpenAiFake } from '@meetbridge/fakes';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAiTranscriptionBackend } from '../src/backends/openai/index.js';
import { PipelineError } from '../src/core/errors.js';
import { tempDir, writeTone } from './helpers/audio.js';

let fake: OpenAiFake;
let open: OpenAiFake;
let dir: string;
let cleanup: () => Promise<void>;
let talk: string;
beforeAll(async () => {
  fake = await startOpenAiFake({ apiKey: 'sk-stt' });
  open = await startOpenAiFake({ apiKey: null });
  ({ dir, cleanup } = await tempDir());
  talk = await writeTone(join(dir, 'talk.flac'), { durationSec: 4, sampleRate: 16000, speech: [{ startSec: 1, endSec: 2 }] });
});
afterAll(async () => {
  await Promise.all([fake.close(), open.close(), cleanup()]);
});
beforeEach(() => {
  fake.control.reset();
  open.control.reset();
});

function transcriber(env: Record<string, string>) {
  const loaded = openAiTranscriptionBackend.loadConfig({ TRANSCRIPTION_MODEL: 'whisper-1', ...env });
  if (!loaded.ok) throw new Error('config');
  return openAiTranscriptionBackend.create(loaded.config, { sleep: async () => {} });
}

describe('openai transcription backend on the wire', () => {
  it('posts the file and fields OpenAI documents, with the bearer key', async () => {
    fake.control.setTranscriptionScript({ texts: ['Hello from Ann'] });
    const result = await transcriber({
      TRANSCRIPTION_URL: `${fake.url}/v1`,
      TRANSCRIPTION_API_KEY: 'sk-stt',
      TRANSCRIPTION_LANGUAGE: 'en',
    }).transcribe({
      file: talk,
      format: 'flac',
      prompt: 'Ann, Bob',
    });
    expect(result.language).toBe('english');
    expect(result.segments.map((s) => [s.text, s.words.map((w) => w.word)])).toEqual([['Hello from Ann', ['Hello', 'from', 'Ann']]]);
    const [request] = fake.control.requests();
    expect(request!.path).toBe('/v1/audio/transcriptions');
    expect(request!.headers.authorization).toBe('Bearer sk-stt');
    expect(request!.fields).toEqual({
      model: ['whisper-1'],
      response_format: ['verbose_json'],
      'timestamp_granularities[]': ['segment', 'word'],
      language: ['en'],
      prompt: ['Ann, Bob'],
    });
    expect(request!.file).toMatchObject({ filename: 'talk.flac', contentType: 'audio/flac' });
  });

  it('sends no Authorization header without a key (self-hosted servers)', async () => {
    await transcriber({ TRANSCRIPTION_URL: open.url }).transcribe({ file: talk, format: 'flac' });
    expect(open.control.requests()[0]!.headers.authorization).toBeUndefined();
  });

  it('returns diarized speakers when configured for a diarizing model', async () => {
    const result = await transcriber({
      TRANSCRIPTION_URL: fake.url,
      TRANSCRIPTION_API_KEY: 'sk-stt',
      TRANSCRIPTION_MODEL: 'gpt-4o-transcribe-diarize',
      TRANSCRIPTION_DIARIZATION: 'true',
    }).transcribe({ file: talk, format: 'flac' });
    expect(result.segments.map((s) => s.speaker)).toEqual(['A']);
    expect(fake.control.requests()[0]!.fields).toMatchObject({ response_format: ['diarized_json'], chunking_strategy: ['auto'] });
  });

  it("surfaces the backend's reason as a permanent error for a model without verbose_json", async () => {
    const error = await transcriber({
      TRANSCRIPTION_URL: fake.url,
      TRANSCRIPTION_API_KEY: 'sk-stt',
      TRANSCRIPTION_MODEL: 'gpt-4o-transcribe',
    })
      .transcribe({ file: talk, format: 'flac' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'backend_rejected', permanent: true, status: 400 });
    expect((error as Error).message).toContain("response_format 'verbose_json' is not compatible with model 'gpt-4o-transcribe'");
  });

  it('refuses a format it is not configured to upload', async () => {
    const error = await transcriber({ TRANSCRIPTION_URL: fake.url })
      .transcribe({ file: talk, format: 'wav' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'config', permanent: true });
    expect(fake.control.requests()).toHaveLength(0);
  });
});
