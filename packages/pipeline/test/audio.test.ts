import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mixTracks, placeTrack, prepareAudio } from '../src/core/audio.js';
import { PipelineError } from '../src/core/errors.js';
import { probeAudio, type TimeSpan } from '../src/core/probe.js';
import { ff, silencesOf, tempDir, writePipedWebm, writeTone } from './helpers/audio.js';

/** Times are checked to 60 ms: Opus frames are 20 ms and silencedetect works on whole frames. */
const TOLERANCE = 0.06;

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

/** Asserts that `actual` silences match `expected` span by span within the tolerance. */
function expectSpans(actual: TimeSpan[], expected: TimeSpan[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((span, i) => {
    expect(Math.abs(span.startSec - expected[i]!.startSec)).toBeLessThan(TOLERANCE);
    if (Number.isFinite(expected[i]!.endSec)) expect(Math.abs(span.endSec - expected[i]!.endSec)).toBeLessThan(TOLERANCE);
  });
}

describe('placeTrack', () => {
  it('keeps the time after a muted hole in a WebM (a plain decode shifts it 3 s early)', async () => {
    const src = await writeTone(join(dir, 'muted.webm'), { durationSec: 8, missing: [{ startSec: 2, endSec: 5 }] });
    const naive = join(dir, 'naive.wav');
    await ff.ffmpeg(['-v', 'error', '-i', src, '-ac', '1', '-ar', '16000', naive]);
    expect((await probeAudio(ff, naive)).durationSec).toBeLessThan(5.1);

    const placed = await placeTrack(ff, { file: src, offsetMs: 1500 }, { out: join(dir, 'muted.flac') });
    expect(placed.gaps).toHaveLength(1);
    expect(placed.startSec).toBeCloseTo(1.5, 2);
    expect(placed.endSec).toBeCloseTo(9.5, 1);
    const probe = await probeAudio(ff, placed.file);
    expect(probe.audio).toMatchObject({ codec: 'flac', sampleRate: 16000, channels: 1 });
    expect(probe.durationSec).toBeCloseTo(9.5, 1);
    expectSpans(await silencesOf(placed.file), [
      { startSec: 0, endSec: 1.5 },
      { startSec: 3.5, endSec: 6.5 },
    ]);
  });

  it('places a stereo piped WebM that states no duration, as WAV', async () => {
    const src = await writePipedWebm(join(dir, 'piped.webm'), { durationSec: 3, speech: [{ startSec: 1, endSec: 2 }] });
    const placed = await placeTrack(ff, { file: src, offsetMs: 2000 }, { out: join(dir, 'piped.wav'), format: 'wav' });
    const probe = await probeAudio(ff, placed.file);
    expect(probe.audio).toMatchObject({ codec: 'pcm_s16le', sampleRate: 16000, channels: 1 });
    expectSpans(await silencesOf(placed.file), [
      { startSec: 0, endSec: 3 },
      { startSec: 4, endSec: Infinity },
    ]);
  });

  it('drops the part before the meeting start for a negative offset', async () => {
    const src = await writeTone(join(dir, 'early.webm'), { durationSec: 4, speech: [{ startSec: 2.5, endSec: 3.5 }] });
    const placed = await placeTrack(ff, { file: src, offsetMs: -2000 }, { out: join(dir, 'early.flac') });
    expect((await probeAudio(ff, placed.file)).durationSec).toBeCloseTo(2, 1);
    expectSpans(await silencesOf(placed.file), [
      { startSec: 0, endSec: 0.5 },
      { startSec: 1.5, endSec: Infinity },
    ]);
  });

  it('rejects a file that is not audio as permanent bad_audio', async () => {
    const junk = join(dir, 'junk.webm');
    await writeFile(junk, 'not audio');
    const error = await placeTrack(ff, { file: junk, offsetMs: 0 }, { out: join(dir, 'junk.flac') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'bad_audio', permanent: true });
  });
});

describe('mixTracks and prepareAudio', () => {
  it('places two participants at their offsets and mixes them: sound where either speaks, silence elsewhere', async () => {
    const ann = await writeTone(join(dir, 'ann.webm'), { durationSec: 3, speech: [{ startSec: 0, endSec: 1 }], frequency: 300 });
    const bob = await writeTone(join(dir, 'bob.webm'), {
      durationSec: 4,
      speech: [{ startSec: 0, endSec: 1 }],
      missing: [{ startSec: 1.5, endSec: 2.5 }],
      frequency: 700,
    });
    const prepared = await prepareAudio(
      ff,
      [
        { file: ann, offsetMs: 500 },
        { file: bob, offsetMs: 3000 },
      ],
      { workDir: join(dir, 'meeting'), upload: { maxBytes: 1_000_000, format: 'wav' } },
    );
    expect(prepared.tracks.map((t) => t.startSec)).toEqual([0.5, 3]);
    // Placed tracks are WAV intermediates by default; the upload chunks are what was asked for.
    expect(prepared.tracks.map((t) => [t.format, t.file.endsWith('track-0.wav') || t.file.endsWith('track-1.wav')])).toEqual([
      ['wav', true],
      ['wav', true],
    ]);
    expect((await probeAudio(ff, prepared.tracks[0]!.file)).audio?.codec).toBe('pcm_s16le');
    // Upload chunks made alongside the mix: one per track, around the speech, on the meeting timeline.
    expect(prepared.chunks?.map((c) => c.map((x) => [x.format, Math.round(x.startSec * 100) / 100]))).toEqual([
      [['wav', 0.25]],
      [['wav', 2.75]],
    ]);
    expect(prepared.durationSec).toBeCloseTo(7, 1);
    expectSpans(await silencesOf(prepared.tracks[1]!.file), [
      { startSec: 0, endSec: 3 },
      { startSec: 4, endSec: Infinity },
    ]);
    const mix = await probeAudio(ff, prepared.mix.file);
    expect(mix.audio).toMatchObject({ codec: 'mp3', channels: 1 });
    expect(mix.durationSec).toBeGreaterThan(6.9);
    const silences = await silencesOf(prepared.mix.file, -45);
    // MP3 adds an encoder delay of ~50 ms at 16 kHz; speech at 0.5–1.5 (Ann) and 3–4 (Bob).
    expect(silences[0]!.startSec).toBeLessThan(0.1);
    expect(Math.abs(silences[0]!.endSec - 0.5)).toBeLessThan(0.1);
    expect(Math.abs(silences[1]!.startSec - 1.5)).toBeLessThan(0.1);
    expect(Math.abs(silences[1]!.endSec - 3)).toBeLessThan(0.1);
    expect(Math.abs(silences[2]!.startSec - 4)).toBeLessThan(0.1);
  });

  it('encodes a single track without mixing', async () => {
    const src = await writeTone(join(dir, 'solo.wav'), { durationSec: 1 });
    const placed = await placeTrack(ff, { file: src, offsetMs: 0 }, { out: join(dir, 'solo.flac') });
    const mix = await mixTracks(ff, [placed], { out: join(dir, 'solo.mp3'), bitrateKbps: 48 });
    const duration = (await probeAudio(ff, mix.file)).durationSec;
    // An MP3 is a little longer than its input: encoder delay and padding of the last frame.
    expect(duration).toBeGreaterThanOrEqual(1);
    expect(duration).toBeLessThan(1.15);
  });
});
