import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/index.js';
import { createServer } from '../src/main.js';
import { createTestDatabase } from './helpers/database.js';
import { freePort } from './helpers/server.js';

async function seedPending(server: Awaited<ReturnType<typeof createServer>>, n: number): Promise<void> {
  const values = Array.from({ length: n }, (_, i) => `('mock', 'seed-${i}', 'unknown.type', now(), '{"type":"unknown.type"}'::jsonb)`);
  await server.database.db.execute(
    // Raw SQL keeps seeding fast; the inbox's own insert is covered by the webhook tests.
    (await import('drizzle-orm')).sql.raw(
      `insert into webhook_event (platform, provider_event_id, type, occurred_at, payload) values ${values.join(',')}`,
    ),
  );
}

describe('startup with a backlog in the inbox', () => {
  it('serve listens first: the workers start only when asked (after listen)', async () => {
    const testDb = await createTestDatabase();
    const port = await freePort();
    const config = buildConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'mb-startup-')), PORT: String(port), LOG_LEVEL: 'silent' });
    const server = await createServer(config, { logger: pino({ level: 'silent' }), database: testDb.database, deferWorkers: true });
    try {
      await seedPending(server, 500);
      expect(server.workers).toBeNull();
      await server.app.listen({ host: '127.0.0.1', port });
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
      await server.startWorkers();
      expect(server.workers?.queues).toContain('webhook.drain');
    } finally {
      await server.close();
      await testDb.cleanup();
    }
  });

  it('the drain yields to the event loop between batches, so requests are answered while it works', async () => {
    const testDb = await createTestDatabase();
    const config = buildConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'mb-startup-')), LOG_LEVEL: 'silent', RUN_WORKERS: 'false' });
    const server = await createServer(config, { logger: pino({ level: 'silent' }), database: testDb.database });
    try {
      await seedPending(server, 600);
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 0);
      let handled: number;
      try {
        handled = await server.container.webhooks.drain.drain(10_000, 50);
      } finally {
        clearInterval(ticker);
      }
      expect(handled).toBe(600);
      // 12 batches: timers got to run between them (a drain that never yields lets none run).
      expect(ticks).toBeGreaterThanOrEqual(6);
    } finally {
      await server.close();
      await testDb.cleanup();
    }
  });
});
