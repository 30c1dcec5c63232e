import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pruneInbox } from '../src/modules/webhooks/jobs.js';
import { startTestServer, TestClock, type TestServer } from './helpers/server.js';

let t: TestServer;
const clock = new TestClock(new Date('2026-06-01T12:00:00Z'));
beforeAll(async () => {
  t = await startTestServer({ RUN_WORKERS: 'false', WEBHOOK_RETENTION_DAYS: '30' }, { clock });
});
afterAll(async () => t.close());

async function seed(prefix: string, n: number, status: string, receivedAt: string): Promise<void> {
  await t.query(`
    insert into webhook_event (platform, provider_event_id, type, occurred_at, received_at, status, payload)
    select 'mock', '${prefix}-' || i, 'x', '${receivedAt}', '${receivedAt}', '${status}', '{}'::jsonb from generate_series(1, ${n}) as i`);
}

async function countBy(): Promise<Record<string, number>> {
  const rows = await t.query<{ provider_event_id: string; n: number }>(
    `select split_part(provider_event_id, '-', 1) as provider_event_id, count(*)::int as n from webhook_event group by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.provider_event_id, r.n]));
}

describe('webhook retention (WEBHOOK_RETENTION_DAYS)', () => {
  it('registers the periodic webhook.prune queue', async () => {
    const rows = await t.query<{ name: string }>(`select name from pgboss.queue where name = 'webhook.prune'`);
    expect(rows).toHaveLength(1);
    expect(t.server.container.config.webhookRetentionDays).toBe(30);
  });

  it('deletes processed and ignored deliveries older than the retention, in batches, and keeps the rest', async () => {
    await seed('oldprocessed', 2500, 'processed', '2026-04-01T00:00:00Z');
    await seed('oldignored', 10, 'ignored', '2026-04-01T00:00:00Z');
    await seed('oldpending', 5, 'pending', '2026-04-01T00:00:00Z');
    await seed('oldfailed', 5, 'failed', '2026-04-01T00:00:00Z');
    await seed('recent', 20, 'processed', '2026-05-20T00:00:00Z');
    const deleted = await pruneInbox(t.server.container.webhooks.inbox, clock, 30);
    expect(deleted).toBe(2510);
    expect(await countBy()).toEqual({ oldpending: 5, oldfailed: 5, recent: 20 });
    clock.advance(30 * 86_400_000);
    expect(await pruneInbox(t.server.container.webhooks.inbox, clock, 30)).toBe(20);
  });
});
