import { describe, expect, it } from 'vitest';
import { roomUrlWithoutToken } from '../daily/room-url';
import { roomModuleLoader, roomModules } from '../registry';

describe('the web platform registry', () => {
  it('has a lazily loaded room component for each platform, and none for an unknown name', () => {
    for (const name of Object.keys(roomModules)) expect(typeof roomModuleLoader(name)).toBe('function');
    expect(roomModuleLoader('zoom')).toBeNull();
    expect(roomModuleLoader('toString')).toBeNull();
  });

  it('hands Daily the room URL without a meeting token', () => {
    expect(roomUrlWithoutToken('https://acme.daily.co/standup?t=secret&x=1')).toBe('https://acme.daily.co/standup?x=1');
    expect(roomUrlWithoutToken('https://acme.daily.co/standup')).toBe('https://acme.daily.co/standup');
  });
});
