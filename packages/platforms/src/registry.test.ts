import { describe, expect, it } from 'vitest';
import { getProvider, isPlatformName, platformNames, providers } from './registry.js';

describe('registry', () => {
  it('lists mock, whereby and daily in preference order', () => {
    expect(platformNames).toEqual(['mock', 'whereby', 'daily']);
    expect(providers.map((p) => p.displayName)).toEqual(['Mock (built-in)', 'Whereby', 'Daily']);
  });

  it('recognises registered names only', () => {
    expect(isPlatformName('daily')).toBe(true);
    expect(isPlatformName('zoom')).toBe(false);
  });

  it('returns a module by name and refuses unknown names', () => {
    expect(getProvider('whereby').name).toBe('whereby');
    expect(() => getProvider('zoom' as never)).toThrow(/Unknown platform/);
  });

  it('declares every capability of every provider as data', () => {
    for (const p of providers) expect(Object.keys(p.capabilities)).toHaveLength(9);
  });
});
