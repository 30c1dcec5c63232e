import { rowsOf } from '../src/db/client.js';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { signDaily } from '@meetbridge/fakes';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

let w: World;
beforeAll(async () => {
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600' });
});
afterAll(async () => w.close());

/** One participant of a generated scenario: joins, maybe leaves; each event delivered 1-3 times. */
const Participant = fc.record({
  leaves: fc.boolean(),
  joinCopies: fc.integer({ min: 1, max: 3 }),
  leaveCopies: fc.integer({ min: 1, max: 3 }),
});
const Scenario = fc.array(Participant, { minLength: 1, maxLength: 6 }).chain((people) => {
  const deliveries = people.flatMap((p, i) => [
    ...Array.from({ length: p.joinCopies }, () => ({ who: i, kind: 'joined' as const })),
    ...(p.leaves ? Array.from({ length: p.leaveCopies }, () => ({ who: i, kind: 'left' as const })) : []),
  ]);
  return fc.tuple(fc.constant(people), fc.shuffledSubarray(deliveries, { minLength: deliveries.length, maxLength: deliveries.length }));
});

function dailyEvent(room: string, kind: 'joined' | 'left', session: string, joinedAt: number): string {
  const at = kind === 'joined' ? joinedAt : joinedAt + 30;
  const payload: Record<string, unknown> = {
    room,
    user_id: session,
    user_name: `user ${session.slice(0, 4)}`,
    session_id: session,
    joined_at: joinedAt,
    owner: false,
  };
  if (kind === 'left') payload.duration = 30;
  return JSON.stringify({ version: '1.0.0', type: `participant.${kind}`, id: `ptcpt-${kind}-${session}`, payload, event_ts: at });
}

describe('participant tracking under duplicate and out-of-order delivery', () => {
  it('ends with exactly the sessions and count the provider saw', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(Scenario, async ([people, deliveries]) => {
        const m = await roomWithMeeting(w.t, `prop-${run++}-${randomUUID().slice(0, 8)}`, 'daily');
        const t0 = Date.now() / 1000;
        const sessions = people.map(() => randomUUID());
        for (const d of deliveries) {
          const body = dailyEvent(m.provider_room_name, d.kind, sessions[d.who]!, t0 + d.who);
          const ts = String(Math.floor(Date.now() / 1000));
          const res = await w.t.request('POST', '/v1/daily/webhook', {
            raw: body,
            headers: {
              'content-type': 'application/json',
              'x-webhook-signature': signDaily(w.dailySecret, ts, body),
              'x-webhook-timestamp': ts,
            },
          });
          expect(res.status).toBe(200);
        }
        const uniqueEvents = new Set(deliveries.map((d) => `${d.kind}-${d.who}`)).size;
        await vi.waitFor(
          async () => {
            const r = await w.t.server.database.db.execute(
              sql`select count(*)::int as n from webhook_event where meeting_id = ${m.id} and status = 'processed'`,
            );
            expect(rowsOf<{ n: number }>(r)[0]!.n).toBe(uniqueEvents);
          },
          { timeout: 15_000, interval: 25 },
        );
        const meeting = (await w.t.request('GET', `/v1/meetings/${m.id}`)).body;
        const expectedOpen = sessions.filter((_, i) => !people[i]!.leaves).sort();
        expect(meeting.participants.map((p: any) => p.provider_session_id).sort()).toEqual([...sessions].sort());
        expect(
          meeting.participants
            .filter((p: any) => p.left_at === null)
            .map((p: any) => p.provider_session_id)
            .sort(),
        ).toEqual(expectedOpen);
        expect(meeting.num_clients).toBe(expectedOpen.length);
        for (const [i, s] of sessions.entries()) {
          const row = meeting.participants.find((p: any) => p.provider_session_id === s);
          expect(new Date(row.joined_at).getTime() / 1000).toBeCloseTo(t0 + i, 0);
        }
      }),
      { numRuns: 15 },
    );
  });
});
