import { startDailyFake, type DailyFake } from '@meetbridge/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyProvider } from '../src/providers/daily/index.js';
import type { PlatformAdapter } from '../src/core/adapter.js';
import { contractDeps } from './contract/harnesses.js';

/** Polling Daily's `GET /recordings` page by page against the Daily fake (newest first, `starting_after`). */

let fake: DailyFake;
let adapter: PlatformAdapter;
let clock = Date.UTC(2026, 2, 1, 9, 0, 0);
const starts: number[] = [];

beforeAll(async () => {
  fake = await startDailyFake({ now: () => clock });
  const config = dailyProvider.loadConfig({ DAILY_API_URL: fake.url, DAILY_API_KEY: fake.apiKey });
  if (!config.ok) throw new Error('config');
  adapter = dailyProvider.create(config.config, contractDeps);
  await fetch(`${fake.url}/rooms`, {
    method: 'POST',
    headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'poll', properties: { enable_recording: 'cloud' } }),
  });
  await fake.control.addParticipant({ room: 'poll' });
  // Five finished recordings a minute apart, then one still running.
  for (let i = 0; i < 6; i++) {
    clock += 60_000;
    starts.push(clock);
    const started = await fake.control.startRecording({ room: 'poll', type: 'cloud', instanceId: `i-${i}` });
    if (i < 5) await fake.control.finishRecording({ recordingId: started.id, durationSeconds: 30 });
  }
});
afterAll(async () => fake.close());

describe('DailyAdapter.listRecordings', () => {
  it('pages newest first with a cursor, leaves the running recording out but reports its start', async () => {
    const first = await adapter.listRecordings({ cursor: null, since: null, limit: 2 });
    expect(first.recordings).toHaveLength(1);
    expect(first.oldestInProgress).toEqual(new Date(Math.floor(starts[5]! / 1000) * 1000));
    expect(first.newest).toEqual(new Date(Math.floor(starts[5]! / 1000) * 1000));
    expect(first.cursor).not.toBeNull();
    const ids = first.recordings.map((r) => r.event.recordingId);
    let cursor = first.cursor;
    while (cursor) {
      const page = await adapter.listRecordings({ cursor, since: null, limit: 2 });
      ids.push(...page.recordings.map((r) => r.event.recordingId));
      cursor = page.cursor;
    }
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
  });

  it('ends the scan at the first recording older than since', async () => {
    const since = new Date(starts[3]!);
    const page = await adapter.listRecordings({ cursor: null, since, limit: 100 });
    expect(page.cursor).toBeNull();
    // Recordings 4 and 3 (5 is still running); 2, 1 and 0 are older than since.
    expect(page.recordings.map((r) => r.event.startedAt!.getTime())).toEqual([starts[4], starts[3]]);
  });
});
