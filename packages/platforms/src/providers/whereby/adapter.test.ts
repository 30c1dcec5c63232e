import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WHEREBY_PREFIX_MAX, wherebyRoomNamePrefix } from './adapter.js';

describe('wherebyRoomNamePrefix', () => {
  it.each([
    ['team-standup', 'team-standup-'],
    ['/Team-Standup', 'team-standup-'],
    ['Ünïcode Room!', 'ncoderoom-'],
    ['---', 'room-'],
    ['a'.repeat(60), `${'a'.repeat(38)}-`],
    [`${'a'.repeat(37)}-bbb`, `${'a'.repeat(37)}-`],
  ])('%s → %s', (name, prefix) => {
    expect(wherebyRoomNamePrefix(name)).toBe(prefix);
  });

  it('always yields [a-z0-9-], at most 39 chars including one trailing "-" (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const prefix = wherebyRoomNamePrefix(name);
        expect(prefix.length).toBeLessThanOrEqual(WHEREBY_PREFIX_MAX);
        expect(prefix).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?-$/);
      }),
    );
  });
});
