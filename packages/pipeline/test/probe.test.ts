import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { PipelineError } from '../src/core/errors.js';
import { probeAudio, scanAudioPackets } from '../src/core/probe.js';
import { ff, tempDir, writePipedWebm, writeTone } from './helpers/audio.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir()));
afterAll(async () => cleanup());

describe('probeAudio', () => {
  it('reads codec, rate, channels and the container duration of a WebM/Opus file', async () => {
    const file = await writeTone(join(dir, 'a.webm'), { durationSec: 3, channels: 2 });
    const probe = await probeAudio(ff, file);
    expect(probe).toMatchObject({ hasAudio: true, durationSource: 'container', audio: { codec: 'opus', sampleRate: 48000, channels: 2 } });
    expect(probe.formatName).toContain('webm');
    expect(probe.durationSec).toBeCloseTo(3, 1);
  });

  it('falls back to the last packet for a piped WebM that states no duration', async () => {
    const file = await writePipedWebm(join(dir, 'piped.webm'), { durationSec: 4.3 });
    const probe = await probeAudio(ff, file);
    expect(probe.durationSource).toBe('packets');
    expect(probe.durationSec).toBeGreaterThan(4.25);
    expect(probe.durationSec).toBeLessThan(4.4);
  });

  it('reports a file without an audio stream as hasAudio: false', async () => {
    const file = join(dir, 'video.webm');
    await ff.ffmpeg(['-v', 'error', '-f', 'lavfi', '-i', 'color=c=black:s=32x32:d=1', '-c:v', 'libvpx', file]);
    const probe = await probeAudio(ff, file);
    expect(probe).toMatchObject({ hasAudio: false, audio: null, durationSec: 0 });
  });

  it('rejects a file that is not media as permanent bad_audio', async () => {
    const file = join(dir, 'junk.webm');
    await writeFile(file, 'this is not a recording');
    const error = await probeAudio(ff, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'bad_audio', permanent: true });
  });
});

describe('scanAudioPackets', () => {
  it('finds the hole a muted microphone leaves in a WebM and the true end', async () => {
    const file = await writeTone(join(dir, 'gap.webm'), { durationSec: 8, missing: [{ startSec: 2, endSec: 5 }] });
    const timeline = await scanAudioPackets(ff, file);
    expect(timeline.gaps).toHaveLength(1);
    expect(timeline.gaps[0]!.startSec).toBeCloseTo(2, 1);
    expect(timeline.gaps[0]!.endSec).toBeCloseTo(5, 1);
    expect(timeline.endSec).toBeCloseTo(8, 1);
    expect(timeline.firstSec).toBeLessThan(0.05);
  });

  it('finds no gaps in a continuous file', async () => {
    const file = await writeTone(join(dir, 'plain.webm'), { durationSec: 2 });
    expect((await scanAudioPackets(ff, file)).gaps).toEqual([]);
  });
});
