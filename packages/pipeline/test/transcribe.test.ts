import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../src/core/errors.js';
import { transcribeChunks, transcribeFile } from '../src/core/transcribe.js';
import type { TranscribeRequest, Transcriber, TranscriptionResult } from '../src/core/transcriber.js';
import { tempDir, ff, writeTone } from './helpers/audio.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

/** A backend stand-in: one segment per file from 0.25 s to 0.5 s before its end, speaker `A`. */
function stubTranscriber(maxUploadBytes: number, formats: Transcriber['capabilities']['formats'] = ['flac', 'wav']) {
  const requests: (TranscribeRequest & { bytes: number })[] = [];
  const transcriber: Transcriber = {
    backend: 'stub',
    capabilities: { wordTimestamps: true, diarization: true, maxUploadBytes, formats },
    async transcribe(request): Promise<TranscriptionResult> {
      requests.push({ ...request, bytes: (await stat(request.file)).size });
      const end = (request.durationSec ?? 0) - 0.25;
      return {
        language: 'en',
        segments: [{ start: 0.25, end, text: ` part ${requests.length} `, speaker: 'A', words: [{ word: 'part', start: 0.25, end: 0.5 }] }],
      };
    },
  };
  return { transcriber, requests };
}

describe('transcribeFile', () => {
  it('sends chunks that fit the limit and shifts every time back onto the file timeline', async () => {
    const file = await writeTone(join(dir, 'talk.flac'), {
      durationSec: 30,
      sampleRate: 16000,
      speech: [
        { startSec: 2, endSec: 8 },
        { startSec: 12, endSec: 18 },
      ],
    });
    const maxUploadBytes = 64 * 1024 + 8 * 32000;
    const { transcriber, requests } = stubTranscriber(maxUploadBytes, ['mp3', 'wav']);
    const progress: [number, number][] = [];
    const result = await transcribeFile(ff, transcriber, file, { workDir: join(dir, 'w'), onProgress: (d, t) => progress.push([d, t]) });
    expect(requests.map((r) => r.format)).toEqual(['wav', 'wav']);
    for (const r of requests) expect(r.bytes).toBeLessThanOrEqual(maxUploadBytes);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(result.language).toBe('en');
    expect(result.segments.map((s) => [s.text, s.speaker])).toEqual([
      ['part 1', 'c1:A'],
      ['part 2', 'c2:A'],
    ]);
    // Chunk 1 starts at 1.75 s: 0.25 s into it is 2.0 s in the file, where the speech starts.
    expect(result.segments[0]!.start).toBeCloseTo(2, 1);
    expect(result.segments[0]!.end).toBeCloseTo(8, 1);
    expect(result.segments[1]!.start).toBeCloseTo(12, 1);
    expect(result.segments[1]!.words[0]!.start).toBeCloseTo(12, 1);
  });

  it('sends nothing for a silent file', async () => {
    const file = await writeTone(join(dir, 'silent.flac'), { durationSec: 3, sampleRate: 16000, speech: [] });
    const { transcriber, requests } = stubTranscriber(1_000_000);
    expect(await transcribeFile(ff, transcriber, file, { workDir: join(dir, 's') })).toEqual({ segments: [], chunks: [], language: null });
    expect(requests).toHaveLength(0);
  });

  it('refuses chunks made for a larger limit or another format before sending anything', async () => {
    const { transcriber, requests } = stubTranscriber(1000, ['flac']);
    const chunk = { file: 'c.wav', format: 'wav' as const, startSec: 0, endSec: 1, bytes: 500 };
    await expect(transcribeChunks(transcriber, [chunk])).rejects.toMatchObject({ code: 'config', permanent: true });
    await expect(transcribeChunks(transcriber, [{ ...chunk, format: 'flac', bytes: 5000 }])).rejects.toThrow(
      /does not fit the stub backend/,
    );
    expect(requests).toHaveLength(0);
  });

  it('refuses a backend that accepts neither flac nor wav', async () => {
    const { transcriber } = stubTranscriber(1_000_000, ['mp3']);
    await expect(transcribeFile(ff, transcriber, 'unused.flac', { workDir: dir })).rejects.toBeInstanceOf(PipelineError);
  });
});
