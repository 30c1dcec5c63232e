import { describe, expect, it } from 'vitest';
import { describeTimestamp, formatTimestamp, segmentAt } from '../time';

describe('transcript times', () => {
  it('formats positions as m:ss, h:mm:ss from an hour', () => {
    expect(formatTimestamp(0)).toBe('0:00');
    expect(formatTimestamp(65.9)).toBe('1:05');
    expect(formatTimestamp(3600 + 62)).toBe('1:01:02');
    expect(describeTimestamp(65)).toBe('1 minute 5 seconds');
    expect(describeTimestamp(0)).toBe('0 seconds');
  });

  it('finds the segment playing at a time', () => {
    const segments = [
      { start: 1, end: 3 },
      { start: 3, end: 5 },
      { start: 7, end: 9 },
    ];
    expect(segmentAt(segments, 0.5)).toBe(-1);
    expect(segmentAt(segments, 1)).toBe(0);
    expect(segmentAt(segments, 3)).toBe(1);
    expect(segmentAt(segments, 6)).toBe(-1);
    expect(segmentAt(segments, 8.9)).toBe(2);
    expect(segmentAt(segments, 9)).toBe(-1);
    expect(segmentAt([], 1)).toBe(-1);
  });
});
