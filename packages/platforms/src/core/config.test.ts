import { describe, expect, it } from 'vitest';
import { isBase64, missingVars, readOptional } from './config.js';

describe('config readers', () => {
  it.each([
    ['YWJjZA==', true],
    ['YWJjZGU=', true],
    ['YWJj', true],
    ['', false],
    ['YWJjZA', false],
    ['YW Jj', false],
    ['YWJj-_==', false],
  ])('isBase64(%j) is %s', (value, expected) => {
    expect(isBase64(value)).toBe(expected);
  });

  it('treats blank values as unset', () => {
    expect(readOptional({ A: ' x ', B: '   ' }, 'A')).toBe('x');
    expect(readOptional({ B: '   ' }, 'B')).toBeNull();
    expect(missingVars({ A: 'x', B: '' }, ['A', 'B', 'C'])).toEqual(['B', 'C']);
  });
});
