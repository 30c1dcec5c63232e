import { describe, expect, it } from 'vitest';
import { deviceId, rememberAnswer, rememberedAnswer } from '@/features/meetings/consent/consent-storage';

/** An in-memory `Storage`, optionally refusing writes (quota, blocked storage). */
function memoryStorage(refuseWrites = false): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => {
      if (refuseWrites) throw new Error('QuotaExceededError');
      data.set(key, value);
    },
  };
}

describe('consent storage', () => {
  it('makes the device id once and keeps it (the server accepts it: 8-100 of [A-Za-z0-9_-])', () => {
    const store = memoryStorage();
    const id = deviceId(store);
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,100}$/);
    expect(deviceId(store)).toBe(id);
  });

  it('remembers the answer per meeting', () => {
    const store = memoryStorage();
    expect(rememberedAnswer('m1', store)).toBeNull();
    rememberAnswer('m1', 'declined', store);
    expect(rememberedAnswer('m1', store)).toBe('declined');
    expect(rememberedAnswer('m2', store)).toBeNull();
    store.setItem('meetbridge.consent.m3', 'maybe');
    expect(rememberedAnswer('m3', store)).toBeNull();
  });

  it('still works when storage refuses writes or is missing (then nothing is remembered)', () => {
    const store = memoryStorage(true);
    expect(deviceId(store)).toMatch(/^[0-9a-f-]{36}$/);
    expect(() => rememberAnswer('m1', 'given', store)).not.toThrow();
    expect(rememberedAnswer('m1', store)).toBeNull();
    expect(rememberedAnswer('m1', null)).toBeNull();
    expect(deviceId(null)).toMatch(/^[0-9a-f-]{36}$/);
  });
});
