import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/db/client.js';
import { ParticipantRepo, type SessionWrite } from '../src/modules/participants/repo.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * The inbox applies a batch's joins and leaves in two statements (`ParticipantRepo.applyMany`). Its
 * contract: exactly the rows, and the same "new session" answers, as `joined`/`left` one at a time
 * in the same order — on empty rows and on rows an earlier batch wrote.
 */
let w: World;
let one: string;
let many: string;
const repo = new ParticipantRepo();
const T0 = Date.parse('2026-11-29T10:00:00Z');

beforeAll(async () => {
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' });
  one = (await roomWithMeeting(w.t, 'batch-one-by-one', 'mock')).id;
  many = (await roomWithMeeting(w.t, 'batch-at-once', 'mock')).id;
  // Inactive, so no reconciliation with the mock's presence closes their sessions meanwhile.
  await w.t.server.database.db.execute(sql`update meeting set is_active = false where id in (${one}, ${many})`);
}, 60_000);
afterAll(async () => w?.close());

const Write = fc.record({
  session: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom('join' as const, 'leave' as const),
  second: fc.integer({ min: 0, max: 20 }),
  userId: fc.option(fc.constantFrom('u-a', 'u-b'), { nil: null }),
  userName: fc.option(fc.constantFrom('Ann', 'Bob', 'Cy'), { nil: null }),
});
type GeneratedWrite = typeof Write extends fc.Arbitrary<infer T> ? T : never;

function toWrite(meetingId: string, run: number, g: GeneratedWrite): SessionWrite {
  return {
    meetingId,
    kind: g.kind,
    change: { providerSessionId: `r${run}-s${g.session}`, userId: g.userId, userName: g.userName, at: new Date(T0 + g.second * 1000) },
  };
}

async function rowsOfRun(meetingId: string, run: number) {
  const result = await w.t.server.database.db.execute(sql`
    select provider_session_id, user_id, user_name, joined_at, left_at from participant_session
    where meeting_id = ${meetingId} and provider_session_id like ${`r${run}-%`} order by provider_session_id`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    session: r.provider_session_id,
    userId: r.user_id,
    userName: r.user_name,
    joinedAt: new Date(r.joined_at as string).toISOString(),
    leftAt: r.left_at === null ? null : new Date(r.left_at as string).toISOString(),
  }));
}

describe('applying a batch of joins and leaves at once', () => {
  it('leaves the same sessions and counts the same new sessions as one write at a time', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(Write, { maxLength: 4 }), fc.array(Write, { minLength: 1, maxLength: 10 }), async (before, batch) => {
        run++;
        const db = w.t.server.database.db;
        // What earlier batches left: written one at a time in both meetings.
        for (const meetingId of [one, many]) {
          await db.transaction(async (tx) => {
            for (const g of before) {
              const write = toWrite(meetingId, run, g);
              if (write.kind === 'join') await repo.joined(tx, meetingId, write.change);
              else await repo.left(tx, meetingId, write.change);
            }
          });
        }
        let newOneByOne = 0;
        await db.transaction(async (tx) => {
          for (const g of batch) {
            const write = toWrite(one, run, g);
            if (write.kind === 'join') newOneByOne += (await repo.joined(tx, one, write.change)) ? 1 : 0;
            else await repo.left(tx, one, write.change);
          }
        });
        const created = await db.transaction((tx) =>
          repo.applyMany(
            tx,
            batch.map((g) => toWrite(many, run, g)),
          ),
        );
        expect(await rowsOfRun(many, run)).toEqual(await rowsOfRun(one, run));
        expect(created.get(many) ?? 0).toBe(newOneByOne);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
