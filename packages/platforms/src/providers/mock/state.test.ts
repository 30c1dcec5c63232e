import { describe, expect, it } from 'vitest';
import { MockProviderState } from './state.js';

const t = (minute: number) => new Date(Date.UTC(2026, 2, 1, 10, minute));

describe('MockProviderState', () => {
  it('starts a session with the first participant and ends it with the last', () => {
    const state = new MockProviderState();
    state.addRoom({ providerMeetingId: 'm1', providerRoomName: 'room-1', endDate: t(60) });
    const ana = state.join('room-1', { userId: 'u1', userName: 'Ana' }, t(1));
    const bob = state.join('room-1', { userId: null, userName: null }, t(2));
    expect(state.room('room-1')?.sessions).toEqual([{ sessionId: expect.any(String), startedAt: t(1), endedAt: null }]);
    expect(state.leave('room-1', ana.sessionId, t(3))).toEqual(ana);
    expect(state.room('room-1')?.sessions[0]?.endedAt).toBeNull();
    state.leave('room-1', bob.sessionId, t(4));
    expect(state.room('room-1')?.sessions[0]?.endedAt).toEqual(t(4));
    expect(state.room('room-1')?.participants.size).toBe(0);
  });

  it('opens a new session when someone joins an emptied room', () => {
    const state = new MockProviderState();
    state.addRoom({ providerMeetingId: 'm1', providerRoomName: 'room-1', endDate: t(60) });
    const first = state.join('room-1', { userId: null, userName: null }, t(1));
    state.leave('room-1', first.sessionId, t(2));
    state.join('room-1', { userId: null, userName: null }, t(5));
    expect(state.room('room-1')?.sessions.map((s) => [s.startedAt, s.endedAt])).toEqual([
      [t(1), t(2)],
      [t(5), null],
    ]);
  });

  it('refuses joins to unknown or deleted rooms and ignores unknown leaves', () => {
    const state = new MockProviderState();
    expect(() => state.join('nope', { userId: null, userName: null }, t(1))).toThrow(/does not exist/);
    state.addRoom({ providerMeetingId: 'm1', providerRoomName: 'room-1', endDate: t(60) }).deleted = true;
    expect(() => state.join('room-1', { userId: null, userName: null }, t(1))).toThrow(/does not exist/);
    expect(state.leave('room-1', 'ghost', t(2))).toBeUndefined();
    expect(state.leave('nope', 'ghost', t(2))).toBeUndefined();
  });
});
