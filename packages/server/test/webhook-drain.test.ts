import { rowsOf } from '../src/db/client.js';
import { randomUUID } from 'node:crypto';
import { signDaily } from '@meetbridge/fakes';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_ATTEMPTS } from '../src/modules/webhooks/repo.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

let w: World;
beforeAll(async () => {
  // No workers: the test drives the inbox itself.
  w = await startWorld({ RECONCILE_INTERVAL_SECONDS: '3600', RUN_WORKERS: 'false' });
});
afterAll(async () => w.close());

async function deliver(room: string, session: string): Promise<string> {
  const id = `ptcpt-joined-${session}`;
  const body = JSON.stringify({
    version: '1.0.0',
    type: 'participant.joined',
    id,
    payload: { room, user_id: null, user_name: 'x', session_id: session, joined_at: Date.now() / 1000 },
    event_ts: Date.now() / 1000,
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await w.t.request('POST', '/v1/daily/webhook', {
    raw: body,
    headers: { 'content-type': 'application/json', 'x-webhook-signature': signDaily(w.dailySecret, ts, body), 'x-webhook-timestamp': ts },
  });
  expect(res.status).toBe(200);
  return id;
}

describe('draining the webhook inbox', () => {
  it('keeps deliveries pending until a worker processes them (the answer does not wait)', async () => {
    const m = await roomWithMeeting(w.t, 'drain-pending', 'daily');
    const id = await deliver(m.provider_room_name, randomUUID());
    const rows = await w.t.server.database.db.execute(sql`select status from webhook_event where provider_event_id = ${id}`);
    expect(rowsOf<{ status: string }>(rows)).toEqual([{ status: 'pending' }]);
    await w.t.server.container.webhooks.drain.drain();
    expect((await w.t.request('GET', `/v1/meetings/${m.id}`)).body.num_clients).toBe(1);
  });

  it('sets a row that keeps failing aside without holding up the others', async () => {
    const m = await roomWithMeeting(w.t, 'drain-poison', 'daily');
    const poison = randomUUID();
    const sessions = [randomUUID(), poison, randomUUID()];
    for (const s of sessions) await deliver(m.provider_room_name, s);
    const participants = w.t.server.container.participants;
    const original = participants.queueJoin.bind(participants);
    const spy = vi.spyOn(participants, 'queueJoin').mockImplementation((tx, meetingId, change) => {
      if (change.providerSessionId === poison) throw new Error('boom');
      original(tx, meetingId, change);
    });
    try {
      await w.t.server.container.webhooks.drain.drain();
    } finally {
      spy.mockRestore();
    }
    const result = await w.t.server.database.db.execute(
      sql`select provider_event_id, status, attempts, error from webhook_event where meeting_id = ${m.id} or provider_event_id = ${`ptcpt-joined-${poison}`} order by provider_event_id`,
    );
    const byId = Object.fromEntries(rowsOf<any>(result).map((r) => [r.provider_event_id, r]));
    expect(byId[`ptcpt-joined-${poison}`]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, error: 'boom' });
    expect(byId[`ptcpt-joined-${sessions[0]}`].status).toBe('processed');
    expect(byId[`ptcpt-joined-${sessions[2]}`].status).toBe('processed');
    expect((await w.t.request('GET', `/v1/meetings/${m.id}`)).body.num_clients).toBe(2);
  });
});
