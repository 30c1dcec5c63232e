import { describe, expect, it } from 'vitest';
import { PipelineError } from './errors.js';
import { maxChunkSeconds, planChunks, speechSpans } from './chunks.js';

const span = (startSec: number, endSec: number) => ({ startSec, endSec });

describe('speechSpans', () => {
  it('is the complement of the silences within the file', () => {
    expect(speechSpans([span(0, 2), span(5, 6)], 10)).toEqual([span(2, 5), span(6, 10)]);
    expect(speechSpans([span(1, 10)], 10)).toEqual([span(0, 1)]);
    expect(speechSpans([span(0, 10)], 10)).toEqual([]);
    expect(speechSpans([], 3)).toEqual([span(0, 3)]);
  });
});

describe('planChunks', () => {
  it('keeps everything in one chunk when it fits, padded and clamped to the file', () => {
    expect(planChunks([span(0.1, 2), span(5, 7)], 8, { maxChunkSec: 60 })).toEqual([span(0, 7.25)]);
  });

  it('never uploads silence before the first or after the last speech', () => {
    expect(planChunks([span(600, 610)], 3600, { maxChunkSec: 700 })).toEqual([span(599.75, 610.25)]);
  });

  it('cuts between utterances so no chunk exceeds the limit', () => {
    const speech = [span(0, 4), span(5, 9), span(10, 14), span(15, 19)];
    const chunks = planChunks(speech, 20, { maxChunkSec: 10, paddingSec: 0.2 });
    expect(chunks).toEqual([span(0, 9.2), span(9.8, 19.2)]);
    for (const c of chunks) expect(c.endSec - c.startSec).toBeLessThanOrEqual(10);
  });

  it('ends a chunk at a silence longer than maxInnerSilenceSec even when the next speech would fit', () => {
    const chunks = planChunks([span(0, 1), span(100, 101)], 200, { maxChunkSec: 600, maxInnerSilenceSec: 30, paddingSec: 0 });
    expect(chunks).toEqual([span(0, 1), span(100, 101)]);
  });

  it('cuts unbroken speech longer than the limit hard at the limit', () => {
    expect(planChunks([span(0, 25)], 25, { maxChunkSec: 10, paddingSec: 0 })).toEqual([span(0, 10), span(10, 20), span(20, 25)]);
  });

  it('returns nothing for silence', () => {
    expect(planChunks([], 100, { maxChunkSec: 10 })).toEqual([]);
  });
});

describe('maxChunkSeconds', () => {
  it('allows 13 minutes of 16 kHz audio under a 25 MB limit (worst case: raw PCM)', () => {
    expect(maxChunkSeconds(25_000_000, 'wav', 16000)).toBe(779);
    expect(maxChunkSeconds(25_000_000, 'flac', 16000)).toBe(763);
  });

  it('refuses a limit that cannot hold one second', () => {
    expect(() => maxChunkSeconds(70_000, 'wav', 16000)).toThrow(PipelineError);
  });
});
