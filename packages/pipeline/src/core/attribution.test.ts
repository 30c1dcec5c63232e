import { describe, expect, it } from 'vitest';
import { attributeComposite, mergeTrackSegments, speakerName } from './attribution.js';
import type { TranscriptSegment } from './transcript.js';

const seg = (start: number, end: number, text: string, speaker: string | null = null): TranscriptSegment => ({
  start,
  end,
  text,
  speaker,
  words: [],
});

describe('speakerName', () => {
  it('takes the first non-blank candidate, else Speaker N (1-based)', () => {
    expect(speakerName(['Ann', 'ann_provider'], 0)).toBe('Ann');
    expect(speakerName([null, '  ', 'Bob (Daily)'], 1)).toBe('Bob (Daily)');
    expect(speakerName([undefined, ''], 2)).toBe('Speaker 3');
  });
});

describe('mergeTrackSegments', () => {
  it('interleaves the tracks by start time and tags each segment with its track speaker', () => {
    const merged = mergeTrackSegments([
      { speaker: 'Ann', segments: [seg(0.5, 2, 'hello'), seg(6, 7, 'bye', 'A')] },
      { speaker: 'Bob', segments: [seg(3, 5, 'hi ann'), seg(6, 6.5, 'see you')] },
    ]);
    expect(merged.map((s) => [s.speaker, s.start, s.text])).toEqual([
      ['Ann', 0.5, 'hello'],
      ['Bob', 3, 'hi ann'],
      ['Bob', 6, 'see you'],
      ['Ann', 6, 'bye'],
    ]);
  });

  it('keeps track order for identical times and returns [] for no tracks', () => {
    const merged = mergeTrackSegments([
      { speaker: 'Ann', segments: [seg(1, 2, 'a')] },
      { speaker: 'Bob', segments: [seg(1, 2, 'b')] },
    ]);
    expect(merged.map((s) => s.speaker)).toEqual(['Ann', 'Bob']);
    expect(mergeTrackSegments([])).toEqual([]);
  });
});

describe('attributeComposite', () => {
  const diarized = [seg(4, 5, 'third', 'SPK_7'), seg(0, 1, 'first', 'SPK_7'), seg(2, 3, 'second', 'SPK_2'), seg(6, 7, 'fourth', null)];

  it('numbers diarized speakers in order of first appearance', () => {
    expect(attributeComposite(diarized, { diarized: true }).map((s) => [s.text, s.speaker])).toEqual([
      ['first', 'Speaker 1'],
      ['second', 'Speaker 2'],
      ['third', 'Speaker 1'],
      ['fourth', 'Unknown speaker'],
    ]);
  });

  it('uses one speaker without diarization, or when the backend gave no labels', () => {
    expect(new Set(attributeComposite(diarized, { diarized: false }).map((s) => s.speaker))).toEqual(new Set(['Speaker 1']));
    const unlabeled = attributeComposite([seg(0, 1, 'x')], { diarized: true, singleSpeaker: 'Room' });
    expect(unlabeled[0]!.speaker).toBe('Room');
  });
});
