import { startOpenAiFake, type OpenAiFake } from '@meetbridge/fakes';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributeComposite, mergeTrackSegments, speakerName } from '../src/core/attribution.js';
import { prepareAudio } from '../src/core/audio.js';
import { toSrt, toWebVtt } from '../src/core/exporters.js';
import { transcribeFile } from '../src/core/transcribe.js';
import { loadTranscriber } from '../src/registry.js';
import { ff, tempDir, writeTone } from './helpers/audio.js';

/**
 * The library end to end, as the server's jobs will chain it: two participants' raw tracks
 * (WebM/Opus, one with a muted hole) at different offsets → prepared audio → transcription
 * through the OpenAI fake → speakers attributed → exports.
 */

let fake: OpenAiFake;
let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  fake = await startOpenAiFake({ apiKey: null });
  ({ dir, cleanup } = await tempDir('e2e-'));
});
afterAll(async () => {
  await Promise.all([fake.close(), cleanup()]);
});

describe('two-track meeting to transcript', () => {
  it('alternates speakers in the right order with times within 0.5 s of the truth', async () => {
    // Ann joins at 0.5 s and speaks at 0–1.5 and 6–7 s of her track: 0.5–2.0 and 6.5–7.5 on the meeting timeline.
    const ann = await writeTone(join(dir, 'ann.webm'), {
      durationSec: 8,
      frequency: 300,
      speech: [
        { startSec: 0, endSec: 1.5 },
        { startSec: 6, endSec: 7 },
      ],
    });
    // Bob joins at 3 s and speaks at 0.2–1.2 and 5.5–6.5 s of his track: 3.2–4.2 and 8.5–9.5 on the meeting
    // timeline. His microphone was muted (no packets) at 1.5–3.5 s: a decode that closed that hole would put
    // his second utterance 2 s early, at Ann's 6.5–7.5, and the order below would break.
    const bob = await writeTone(join(dir, 'bob.webm'), {
      durationSec: 8,
      frequency: 700,
      speech: [
        { startSec: 0.2, endSec: 1.2 },
        { startSec: 5.5, endSec: 6.5 },
      ],
      missing: [{ startSec: 1.5, endSec: 3.5 }],
    });
    const prepared = await prepareAudio(
      ff,
      [
        { file: ann, offsetMs: 500 },
        { file: bob, offsetMs: 3000 },
      ],
      { workDir: join(dir, 'work') },
    );
    const loaded = loadTranscriber({ TRANSCRIPTION_URL: fake.url, TRANSCRIPTION_MODEL: 'whisper-1' }, { sleep: async () => {} });
    if (!loaded.ok) throw new Error(loaded.message);
    const names = [speakerName(['Ann Lee', 'ann'], 0), speakerName([null, ''], 1)];
    const tracks = [];
    for (const [i, track] of prepared.tracks.entries()) {
      const { segments } = await transcribeFile(ff, loaded.backend, track.file, { workDir: join(dir, 'work', `t${i}`) });
      tracks.push({ speaker: names[i]!, segments });
    }
    const transcript = mergeTrackSegments(tracks);
    const TRUTH = [
      ['Ann Lee', 0.5, 2.0],
      ['Speaker 2', 3.2, 4.2],
      ['Ann Lee', 6.5, 7.5],
      ['Speaker 2', 8.5, 9.5],
    ] as const;
    expect(transcript.map((s) => s.speaker)).toEqual(TRUTH.map((t) => t[0]));
    transcript.forEach((s, i) => {
      expect(Math.abs(s.start - TRUTH[i]![1])).toBeLessThan(0.5);
      expect(Math.abs(s.end - TRUTH[i]![2])).toBeLessThan(0.5);
    });
    expect(toWebVtt({ segments: transcript })).toContain('<v Speaker 2>speech 1');
    expect(toSrt({ segments: transcript }).split('\n')[2]).toBe('Ann Lee: speech 1');
  });

  it('gives a composite recording diarized speakers from a diarizing backend', async () => {
    const room = await writeTone(join(dir, 'room.webm'), {
      durationSec: 6,
      speech: [
        { startSec: 0.5, endSec: 1.5 },
        { startSec: 2.5, endSec: 3.5 },
        { startSec: 4.5, endSec: 5.5 },
      ],
    });
    fake.control.setTranscriptionScript({ speakers: ['spk_9', 'spk_3', 'spk_9'] });
    const prepared = await prepareAudio(ff, [{ file: room, offsetMs: 0 }], { workDir: join(dir, 'composite') });
    const env = { TRANSCRIPTION_URL: fake.url, TRANSCRIPTION_MODEL: 'gpt-4o-transcribe-diarize', TRANSCRIPTION_DIARIZATION: 'true' };
    const loaded = loadTranscriber(env);
    if (!loaded.ok) throw new Error(loaded.message);
    const { segments } = await transcribeFile(ff, loaded.backend, prepared.tracks[0]!.file, { workDir: join(dir, 'composite', 'c') });
    const attributed = attributeComposite(segments, { diarized: loaded.backend.capabilities.diarization });
    expect(attributed.map((s) => s.speaker)).toEqual(['Speaker 1', 'Speaker 2', 'Speaker 1']);
  });
});
