import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { signDailyWebhook, silentLogger, type LoggerLike } from '@meetbridge/platforms';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobDefinitions } from '../src/jobs/registry.js';
import { WebhookAdmin } from '../src/modules/webhook-health/admin.js';
import { runWebhookCommand } from '../src/modules/webhook-health/commands.js';
import { WebhookHealthRepo } from '../src/modules/webhook-health/repo.js';
import { WebhookHealth } from '../src/modules/webhook-health/service.js';
import { TestClock } from './helpers/server.js';
import { roomWithMeeting, startWorld, type World } from './helpers/world.js';

/**
 * Daily webhook health (defect 7): Daily disables a webhook after 3 failed deliveries and then sends
 * nothing. The CLI registers, shows and re-activates it; a periodic check re-activates a FAILED one;
 * GET /status/webhooks reports it; a retried delivery of a stored event is answered 200.
 */

const ROOT = join(import.meta.dirname, '../../..');
const clock = new TestClock(new Date(Math.floor(Date.now() / 1000) * 1000));
let w: World;

/** A logger that keeps what was logged at error level. */
function capturingLogger(): LoggerLike & { errors: string[] } {
  const errors: string[] = [];
  const logger: LoggerLike & { errors: string[] } = {
    ...silentLogger,
    errors,
    error: (_obj, msg) => void errors.push(msg ?? ''),
    child: () => logger,
  };
  return logger;
}

function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const admin = new WebhookAdmin(w.t.server.catalog, w.t.server.container.config.baseUrl);
  return runWebhookCommand(args, admin, { out: (l) => out.push(l), err: (l) => err.push(l) }).then((code) => ({ code, out, err }));
}

beforeAll(async () => {
  w = await startWorld({ RUN_WORKERS: 'false', RECONCILE_INTERVAL_SECONDS: '3600', WEBHOOK_HEALTH_CHECK_SECONDS: '30' }, { clock });
});
afterAll(async () => w?.close());
beforeEach(() => {
  w.daily.control.setWebhookOptions({});
});

describe('meetbridge webhook register | status | reactivate', () => {
  it('reports a missing webhook (exit 1), registers it at BASE_URL with our secret, then reports it active (exit 0)', async () => {
    w.daily.control.setWebhookUrl(undefined);
    const before = await cli(['status']);
    expect(before.code).toBe(1);
    const url = `${w.t.url}/v1/daily/webhook`;
    expect(before.out.map((l) => JSON.parse(l))).toEqual([{ platform: 'daily', expectedUrl: url, registrations: [], healthy: false }]);

    const registered = await cli(['register']);
    expect(registered.code).toBe(0);
    expect(JSON.parse(registered.out[0]!)).toMatchObject({ platform: 'daily', registration: { url, state: 'active' } });
    expect(w.daily.control.state().webhook).toMatchObject({ url, hmac: w.dailySecret });

    const after = await cli(['status', '--platform', 'daily']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.out[0]!)).toMatchObject({ healthy: true, registrations: [{ url, state: 'active', failedCount: 0 }] });
    expect((await cli(['status', '--platform', 'whereby'])).code).toBe(1);
    expect((await cli(['launch'])).code).toBe(2);
  });

  it('re-activates a webhook Daily stopped, and says when there is nothing to re-activate', async () => {
    const m = await roomWithMeeting(w.t, 'cli-reactivate', 'daily');
    w.daily.control.setWebhookOptions({ wrongSecret: true });
    for (let i = 0; i < 3; i += 1) await w.daily.control.addParticipant({ room: m.provider_room_name });
    expect(w.daily.control.webhookCircuit().state).toBe('FAILED');
    w.daily.control.setWebhookOptions({});
    const done = await cli(['reactivate']);
    expect(done.code).toBe(0);
    expect(JSON.parse(done.out[0]!)).toMatchObject({ platform: 'daily', registration: { state: 'active', failedCount: 0 } });
    const nothing = await cli(['reactivate']);
    expect(nothing).toMatchObject({ code: 0, out: [], err: [expect.stringContaining('nothing to re-activate')] });
  });

  it('runs as a command of the meetbridge process, without a database', async () => {
    // Asynchronously: the Daily fake answering the child runs in this process.
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', '--conditions=source', join(ROOT, 'packages/server/src/cli.ts'), 'webhook', 'status'],
        {
          env: {
            ...process.env,
            DAILY_API_URL: w.daily.url,
            DAILY_API_KEY: w.daily.apiKey,
            DAILY_WEBHOOK_SECRET: w.dailySecret,
            BASE_URL: w.t.url,
            DATA_DIR: '/tmp/meetbridge-never-used',
            LOG_LEVEL: 'silent',
          },
          encoding: 'utf8',
          timeout: 60_000,
        },
        (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ platform: 'daily', healthy: true });
  });
});

describe('scenario (d): the periodic check re-activates a Daily webhook disabled after 3 failures', () => {
  it('logs an error, re-activates it, reports it on GET /status/webhooks, and events flow again', async () => {
    expect(jobDefinitions(w.t.server.container).find((d) => d.name === 'webhook.health-check')).toMatchObject({ everySeconds: 30 });
    const m = await roomWithMeeting(w.t, 'health-check', 'daily');
    w.daily.control.setWebhookOptions({ wrongSecret: true });
    for (let i = 0; i < 3; i += 1) await w.daily.control.addParticipant({ room: m.provider_room_name });
    expect(w.daily.control.webhookCircuit()).toEqual({ state: 'FAILED', failedCount: 3 });
    w.daily.control.setWebhookOptions({});
    await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Lost' });
    expect(w.daily.webhooks.at(-1)?.state).toBe('suppressed');

    const logger = capturingLogger();
    const health = new WebhookHealth({
      admin: new WebhookAdmin(w.t.server.catalog, w.t.server.container.config.baseUrl),
      repo: new WebhookHealthRepo(w.t.server.database.db),
      clock,
      logger,
    });
    const [row] = await health.check();
    expect(row).toMatchObject({ platform: 'daily', state: 'active', failedCount: 0, reactivatedAt: clock.now(), error: null });
    expect(logger.errors).toEqual([expect.stringContaining('stopped sending webhooks')]);
    expect(w.daily.control.webhookCircuit()).toEqual({ state: 'ACTIVE', failedCount: 0 });

    const status = await w.t.request('GET', '/status/webhooks');
    expect(status.status).toBe(200);
    expect(status.body.webhooks).toEqual([
      expect.objectContaining({ platform: 'daily', state: 'active', reactivated_at: clock.now().toISOString(), error: null }),
    ]);

    await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Back' });
    expect(w.daily.webhooks.at(-1)?.state).toBe('delivered');
  });

  it('records a missing registration as "missing" and logs an error', async () => {
    const admin = new WebhookAdmin(w.t.server.catalog, w.t.server.container.config.baseUrl);
    const { registrations } = (await admin.status())[0]!;
    await fetch(`${w.daily.url}/webhooks/${registrations[0]!.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.daily.apiKey}` },
    });
    const logger = capturingLogger();
    const health = new WebhookHealth({ admin, repo: new WebhookHealthRepo(w.t.server.database.db), clock, logger });
    expect((await health.check())[0]).toMatchObject({ state: 'missing', webhookId: null });
    expect(logger.errors).toEqual([expect.stringContaining('meetbridge webhook register')]);
    expect((await w.t.request('GET', '/status/webhooks')).body.webhooks[0]).toMatchObject({ state: 'missing' });
  });
});

describe('a retried delivery with its original timestamp (Daily retries keep X-Webhook-Timestamp)', () => {
  it('answers 200 for an event already stored, even 10 minutes later, and still refuses a stale event it never stored', async () => {
    const m = await roomWithMeeting(w.t, 'retried', 'daily');
    const deliver = (body: string, ts: number) =>
      w.t.request('POST', '/v1/daily/webhook', {
        raw: body,
        headers: {
          'content-type': 'application/json',
          'x-webhook-signature': signDailyWebhook(w.dailySecret, ts, body),
          'x-webhook-timestamp': String(ts),
        },
      });
    const event = (id: string) =>
      JSON.stringify({
        version: '1.0.0',
        type: 'participant.joined',
        id,
        payload: { room: m.provider_room_name, session_id: id, user_id: 'u', joined_at: clock.now().getTime() / 1000 },
        event_ts: clock.now().getTime() / 1000,
      });
    const sentAt = clock.now().getTime();
    const stored = event('ptcpt-join-u-1');
    expect((await deliver(stored, sentAt)).body).toEqual({ status: 'stored' });

    clock.advance(10 * 60_000);
    const retried = await deliver(stored, sentAt);
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ status: 'duplicate' });

    const replayed = await deliver(event('ptcpt-join-u-2'), sentAt);
    expect(replayed.status).toBe(401);
    expect(replayed.body.detail).toContain('replay protection');
  });
});
