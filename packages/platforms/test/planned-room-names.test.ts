import { startDailyFake, type DailyFake } from '@meetbridge/fakes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CreateMeetingInput, RoomSettings } from '../src/core/adapter.js';
import { mayHaveTakenEffect, ProviderError, RateLimitedError } from '../src/core/errors.js';
import { DailyAdapter } from '../src/providers/daily/adapter.js';
import { loadDailyConfig } from '../src/providers/daily/config.js';
import { testDeps } from './helpers/fake-api.js';

/**
 * A create whose reply is lost after the provider committed it (a timeout, a dropped connection):
 * with a planned name (capability `plannedRoomNames`) the room it left behind is known and deleted
 * by that name. Against the Daily fake's `lostReply` fault.
 */

const settings: RoomSettings = { isLocked: false, roomMode: 'normal', roomSize: null, recordingType: 'none', recordingTrigger: 'none' };
const TIMEOUT_MS = 300;
let fake: DailyFake;

function adapter(): DailyAdapter {
  const result = loadDailyConfig({ DAILY_API_URL: fake.url, DAILY_API_KEY: fake.apiKey });
  if (!result.ok) throw new Error('config');
  return new DailyAdapter(
    result.config,
    testDeps({ clock: { now: () => new Date() }, http: { timeoutMs: TIMEOUT_MS, sleep: async () => {} } }),
  );
}

const live = (name: string) => fake.control.state().rooms.some((r) => r.name === name && r.deleted === false);
const input = (providerRoomName: string): CreateMeetingInput => ({
  roomName: 'lost',
  settings,
  endDate: new Date(Date.now() + 3_600_000),
  providerRoomName,
});

beforeAll(async () => {
  fake = await startDailyFake();
});
afterAll(async () => fake.close());
beforeEach(() => fake.control.reset());

describe('Daily: a create whose reply is lost', () => {
  for (const lostReply of ['delay', 'destroy'] as const) {
    it(`(${lostReply}) fails with an error that may have taken effect, leaves the planned room, which is deleted by name`, async () => {
      const daily = adapter();
      const planned = daily.planRoomName('lost');
      fake.control.setFault({ method: 'POST', path: '/v1/rooms', lostReply, delayMs: TIMEOUT_MS * 3 });
      const failure = await daily.createMeeting(input(planned)).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ProviderError);
      expect(failure).toMatchObject({ providerStatus: null, operation: 'createRoom' });
      expect(mayHaveTakenEffect(failure)).toBe(true);
      // The create was sent once: a POST is not repeated after a timeout.
      expect(fake.control.requests().filter((r) => r.method === 'POST' && r.path === '/v1/rooms')).toHaveLength(1);
      expect(live(planned)).toBe(true);
      await daily.deleteRoomByName(planned);
      expect(live(planned)).toBe(false);
      await daily.deleteRoomByName(planned);
    });
  }
});

describe('mayHaveTakenEffect', () => {
  const error = (providerStatus: number | null, retryable = true) =>
    new ProviderError({ provider: 'p', operation: 'createRoom', providerStatus, retryable, message: 'failed' });

  it('is true for no reply, a 5xx, and a 2xx whose reply could not be read', () => {
    expect(mayHaveTakenEffect(error(null))).toBe(true);
    expect(mayHaveTakenEffect(error(500))).toBe(true);
    expect(mayHaveTakenEffect(error(503))).toBe(true);
    expect(mayHaveTakenEffect(error(200, false))).toBe(true);
  });

  it('is false for a refusal (4xx, 429, our rate budget), a request never sent, and anything else', () => {
    expect(mayHaveTakenEffect(error(400, false))).toBe(false);
    expect(mayHaveTakenEffect(error(401, false))).toBe(false);
    expect(mayHaveTakenEffect(error(429))).toBe(false);
    expect(mayHaveTakenEffect(error(null, false))).toBe(false);
    const limited = new RateLimitedError({
      provider: 'p',
      operation: 'createRoom',
      priority: 'interactive',
      retryAfterMs: 1000,
      message: 'x',
    });
    expect(mayHaveTakenEffect(limited)).toBe(false);
    expect(mayHaveTakenEffect(new Error('boom'))).toBe(false);
  });
});
