import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeTrack } from '../src/core/audio.js';
import { maxChunkSeconds } from '../src/core/chunks.js';
import { probeAudio } from '../src/core/probe.js';
import { detectSilences, splitForUpload } from '../src/core/split.js';
import { ff, silencesOf, tempDir, writeTone } from './helpers/audio.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

/** Utterances of a 30 s track: the truth the chunks are checked against. */
const SPEECH = [
  { startSec: 2, endSec: 5 },
  { startSec: 7, endSec: 11 },
  { startSec: 13, endSec: 16 },
  { startSec: 24, endSec: 27 },
];

describe('detectSilences', () => {
  it('reports the silences between utterances and a trailing one up to the end', async () => {
    const file = await writeTone(join(dir, 'talk.flac'), { durationSec: 30, speech: SPEECH, sampleRate: 16000 });
    const { silences, durationSec } = await detectSilences(ff, file);
    expect(durationSec).toBeCloseTo(30, 1);
    const expected = [
      [0, 2],
      [5, 7],
      [11, 13],
      [16, 24],
      [27, 30],
    ];
    expect(silences).toHaveLength(expected.length);
    silences.forEach((s, i) => {
      expect(s.startSec).toBeCloseTo(expected[i]![0]!, 1);
      expect(s.endSec).toBeCloseTo(expected[i]![1]!, 1);
    });
  });
});

describe('splitForUpload', () => {
  it('cuts only in silences, fits every chunk under the limit, and records where each starts', async () => {
    const file = await writeTone(join(dir, 'talk2.flac'), { durationSec: 30, speech: SPEECH, sampleRate: 16000 });
    // A limit that holds 10 s of 16 kHz WAV.
    const maxBytes = 64 * 1024 + 10 * 32000;
    expect(maxChunkSeconds(maxBytes, 'wav', 16000)).toBe(10);
    const chunks = await splitForUpload(ff, file, { maxBytes, format: 'wav', workDir: join(dir, 'chunks') });
    const expected = [
      [1.75, 11.25],
      [12.75, 16.25],
      [23.75, 27.25],
    ];
    expect(chunks).toHaveLength(expected.length);
    chunks.forEach((c, i) => {
      expect(Math.abs(c.startSec - expected[i]![0]!)).toBeLessThan(0.02);
      expect(Math.abs(c.endSec - expected[i]![1]!)).toBeLessThan(0.02);
    });
    for (const chunk of chunks) {
      expect(chunk.bytes).toBe((await stat(chunk.file)).size);
      expect(chunk.bytes).toBeLessThanOrEqual(maxBytes);
      const probe = await probeAudio(ff, chunk.file);
      expect(probe.audio).toMatchObject({ codec: 'pcm_s16le', sampleRate: 16000, channels: 1 });
      expect(probe.durationSec).toBeCloseTo(chunk.endSec - chunk.startSec, 2);
    }
    // Inside the first chunk, the silence 5–7 s of the source sits at 5 - 1.75 = 3.25 s.
    const inner = await silencesOf(chunks[0]!.file);
    expect(inner).toHaveLength(1);
    expect(inner[0]!.startSec).toBeCloseTo(3.25, 1);
    expect(inner[0]!.endSec).toBeCloseTo(5.25, 1);
  });

  it('splits a placed late joiner without uploading the silence before their first word', async () => {
    const src = await writeTone(join(dir, 'late.webm'), { durationSec: 3, speech: [{ startSec: 1, endSec: 2 }] });
    const placed = await placeTrack(ff, { file: src, offsetMs: 20_000 }, { out: join(dir, 'late.flac') });
    const chunks = await splitForUpload(ff, placed.file, { maxBytes: 25_000_000, workDir: join(dir, 'late') });
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.format).toBe('flac');
    expect(chunks[0]!.startSec).toBeCloseTo(20.75, 1);
    expect(chunks[0]!.endSec).toBeCloseTo(22.25, 1);
  });

  it('returns no chunk for a silent file', async () => {
    const file = await writeTone(join(dir, 'silent.flac'), { durationSec: 5, speech: [], sampleRate: 16000 });
    expect(await splitForUpload(ff, file, { maxBytes: 1_000_000, workDir: join(dir, 'silent') })).toEqual([]);
  });
});
