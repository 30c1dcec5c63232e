import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PipelineError } from '../src/core/errors.js';
import { transcribeFile } from '../src/core/transcribe.js';
import type { TranscribeRequest, TranscriptionResult } from '../src/core/transcriber.js';
import { transcriptionBackends } from '../src/registry.js';
import { harnesses, type TranscriptionHarness } from './contract/harnesses.js';
import { ff, tempDir, writeTone } from './helpers/audio.js';

/**
 * One contract, every transcription backend (house style 28), over real HTTP to its stand-in. Tests
 * branch only on the backend's declared `capabilities`, never on its name.
 */

/** The utterances of the test file: the truth segments are checked against. */
const TRUTH = [
  { startSec: 1, endSec: 3 },
  { startSec: 5, endSec: 6.5 },
  { startSec: 8, endSec: 11 },
];
const DURATION = 12;

let dir: string;
let cleanup: () => Promise<void>;
let talk: string;
beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('contract-'));
  talk = await writeTone(join(dir, 'talk.flac'), { durationSec: DURATION, speech: TRUTH, sampleRate: 16000 });
});
afterAll(async () => cleanup());

it('runs the contract for every registered transcription backend', async () => {
  const names = new Set<string>();
  for (const harness of harnesses) {
    const h = await harness.start();
    names.add(h.backend);
    await h.close();
  }
  expect([...names].sort()).toEqual(transcriptionBackends.map((b) => b.name).sort());
});

async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

describe.each(harnesses)('$label', ({ start }) => {
  let h: TranscriptionHarness;
  const request = (): TranscribeRequest => ({ file: talk, format: h.create().capabilities.formats[0]!, durationSec: DURATION });
  const transcribe = (): Promise<TranscriptionResult> => h.create().transcribe(request());

  beforeAll(async () => {
    h = await start();
  });
  afterAll(async () => h?.close());
  beforeEach(() => h.reset());

  it('returns sorted, non-empty segments inside the audio that cover every utterance', async () => {
    const { segments } = await transcribe();
    expect(segments.length).toBeGreaterThan(0);
    for (const [i, s] of segments.entries()) {
      expect(s.text.trim()).not.toBe('');
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(DURATION + 0.05);
      expect(s.end).toBeGreaterThanOrEqual(s.start);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(segments[i - 1]!.start);
    }
    for (const u of TRUTH) {
      const mid = (u.startSec + u.endSec) / 2;
      expect(segments.some((s) => s.start - 0.1 <= mid && mid <= s.end + 0.1)).toBe(true);
    }
  });

  it('gives words inside their segment exactly when it declares wordTimestamps', async () => {
    const { segments } = await transcribe();
    const words = segments.flatMap((s) => s.words.map((w) => ({ w, s })));
    if (!h.create().capabilities.wordTimestamps) {
      expect(words).toEqual([]);
      return;
    }
    expect(words.length).toBeGreaterThan(0);
    for (const { w, s } of words) {
      expect(w.start).toBeGreaterThanOrEqual(s.start - 0.05);
      expect(w.end).toBeLessThanOrEqual(s.end + 0.05);
    }
  });

  it('labels speakers exactly when it declares diarization', async () => {
    const { segments } = await transcribe();
    const labelled = segments.filter((s) => s.speaker !== null);
    expect(labelled.length).toBe(h.create().capabilities.diarization ? segments.length : 0);
  });

  it('fails a 4xx at once as permanent backend_rejected', async () => {
    h.failNext({ status: 400 });
    const error = await failure(transcribe());
    expect(error).toMatchObject({ code: 'backend_rejected', permanent: true, status: 400 });
    expect(h.uploads()).toHaveLength(1);
  });

  it('retries a 5xx and returns the transcript when a retry succeeds', async () => {
    h.failNext({ status: 503 });
    expect((await transcribe()).segments.length).toBeGreaterThan(0);
    expect(h.uploads()).toHaveLength(2);
  });

  it('reports lasting 5xx and 429 as transient, carrying Retry-After for the job layer', async () => {
    h.failNext({ status: 503, times: 10, retryAfterSeconds: 9 });
    expect(await failure(transcribe())).toMatchObject({ code: 'backend_unavailable', permanent: false, status: 503, retryAfterMs: 9000 });
    h.reset();
    h.failNext({ status: 429, times: 10, retryAfterSeconds: 4 });
    expect(await failure(transcribe())).toMatchObject({ permanent: false, status: 429, retryAfterMs: 4000 });
  });

  it('reports an unreachable server as transient', async () => {
    expect(await failure(h.unreachable().transcribe(request()))).toMatchObject({
      code: 'backend_unavailable',
      permanent: false,
      status: null,
    });
  });

  it('honours its upload limit through chunking, and chunk times map back to the file', async () => {
    // A limit that holds 4 s of 16 kHz mono: the 12 s file must go in several uploads.
    const maxUploadBytes = 64 * 1024 + Math.ceil(4.2 * 32000 * 1.02);
    const transcriber = h.create({ maxUploadBytes });
    const result = await transcribeFile(ff, transcriber, talk, { workDir: join(dir, `chunks-${Math.random()}`) });
    expect(result.chunks.length).toBeGreaterThan(1);
    const uploads = h.uploads();
    expect(uploads).toHaveLength(result.chunks.length);
    for (const bytes of uploads) expect(bytes).toBeLessThanOrEqual(transcriber.capabilities.maxUploadBytes);
    expect(result.segments).toHaveLength(TRUTH.length);
    result.segments.forEach((s, i) => {
      expect(Math.abs(s.start - TRUTH[i]!.startSec)).toBeLessThan(0.1);
      expect(Math.abs(s.end - TRUTH[i]!.endSec)).toBeLessThan(0.1);
    });
  });
});
