import { describe, expect, it } from 'vitest';
import { parseRange, RangeNotSatisfiableError } from './service.js';

describe('parseRange', () => {
  it.each([
    ['bytes=0-99', { start: 0, end: 99 }],
    ['bytes=100-', { start: 100, end: 999 }],
    ['bytes=-10', { start: 990, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
  ])('reads %s of 1000 bytes', (header, range) => {
    expect(parseRange(header, 1000)).toEqual(range);
  });

  it.each([[undefined], ['bytes=0-1,5-6'], ['items=0-1'], ['bytes=-'], ['bytes=20-10']])('serves the whole file for %s', (header) => {
    expect(parseRange(header, 1000)).toBeNull();
  });

  it.each([['bytes=1000-'], ['bytes=5000-6000'], ['bytes=-0']])('refuses %s of 1000 bytes (416)', (header) => {
    expect(() => parseRange(header, 1000)).toThrow(RangeNotSatisfiableError);
  });
});
