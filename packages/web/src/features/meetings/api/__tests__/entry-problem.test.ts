import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/errors';
import { RoomEntryError, type EntryStep } from '@/features/meetings/api/enter-room';
import { classifyEntryError } from '@/features/meetings/api/entry-problem';

const failed = (step: EntryStep, status: number, retryAfter: number | null = null) =>
  new RoomEntryError(
    step,
    new ApiError(status, { type: 'urn:meetbridge:problem:x', title: 'x', status, detail: `HTTP ${status}` }, retryAfter),
  );

describe('which screen a failed room entry shows', () => {
  it.each([
    ['room', 404, 'room-not-found'],
    ['room', 400, 'room-not-found'],
    ['meeting', 404, 'room-not-found'],
    ['reserve', 409, 'meeting-ended'],
    ['join', 409, 'meeting-ended'],
    ['join', 404, 'meeting-ended'],
    ['meeting', 502, 'unavailable'],
    ['meeting', 409, 'error'],
    ['join', 500, 'error'],
  ] as const)('%s answered %i → %s', (step, status, screen) => {
    expect(classifyEntryError(failed(step, status)).screen).toBe(screen);
  });

  it('keeps Retry-After of a 503 from any step', () => {
    expect(classifyEntryError(failed('reserve', 503, 5))).toEqual({ screen: 'unavailable', retryAfterSeconds: 5, detail: 'HTTP 503' });
  });

  it('shows a network failure as an error with its message', () => {
    expect(classifyEntryError(new RoomEntryError('meeting', new TypeError('Failed to fetch')))).toEqual({
      screen: 'error',
      detail: 'Failed to fetch',
    });
  });
});
