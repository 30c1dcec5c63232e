import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDailyFake, type DailyFake } from '@meetbridge/fakes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../src/core/errors.js';
import { DailyAdapter, toWebhookRegistration, DAILY_WEBHOOK_EVENT_TYPES } from '../src/providers/daily/adapter.js';
import { loadDailyConfig } from '../src/providers/daily/config.js';
import { testDeps } from './helpers/fake-api.js';

/**
 * Daily webhook administration against the Daily fake: Daily disables a webhook after 3 failed
 * deliveries and shows it FAILED in GET /webhooks; POST /webhooks/:uuid re-activates it
 * (https://docs.daily.co/reference/rest-api/webhooks).
 */

const SECRET = Buffer.from('daily-admin-test-secret-32-bytes!').toString('base64');
let fake: DailyFake;
let receiver: { url: string; status: number; server: Server };

function adapter(env: Record<string, string> = {}): DailyAdapter {
  const result = loadDailyConfig({ DAILY_API_URL: fake.url, DAILY_API_KEY: fake.apiKey, DAILY_WEBHOOK_SECRET: SECRET, ...env });
  if (!result.ok) throw new Error('config');
  return new DailyAdapter(result.config, testDeps({ clock: { now: () => new Date() } }));
}

beforeAll(async () => {
  fake = await startDailyFake();
  const state = { status: 200 };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = state.status;
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver = Object.assign(state, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/daily/webhook`, server });
});
afterAll(async () => {
  await fake.close();
  receiver.server.closeAllConnections();
  await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
});
beforeEach(() => {
  fake.control.reset();
  fake.control.setWebhookUrl(undefined);
  receiver.status = 200;
});

describe('Daily webhook administration', () => {
  it('registers the webhook with the configured secret and the event types Meetbridge reads', async () => {
    const registered = await adapter().registerWebhook(receiver.url);
    expect(registered).toEqual({
      id: expect.any(String),
      url: receiver.url,
      state: 'active',
      failedCount: 0,
      eventTypes: [...DAILY_WEBHOOK_EVENT_TYPES],
    });
    expect(fake.control.state().webhook).toMatchObject({ url: receiver.url, hmac: SECRET });
  });

  it('updates the one existing webhook instead of creating a second', async () => {
    const first = await adapter().registerWebhook(receiver.url);
    const second = await adapter().registerWebhook(`${receiver.url}?v=2`);
    expect(second.id).toBe(first.id);
    expect(await adapter().listWebhooks()).toEqual([second]);
  });

  it('sees the webhook FAILED after 3 failed deliveries and re-activates it', async () => {
    const { id } = await adapter().registerWebhook(receiver.url);
    await fetch(`${fake.url}/rooms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.apiKey}`, 'content-type': 'application/json' },
      body: '{"name":"r"}',
    });
    receiver.status = 401;
    await fake.control.addParticipant({ room: 'r' });
    await fake.control.addParticipant({ room: 'r' });
    expect(await adapter().listWebhooks({ priority: 'background' })).toEqual([
      expect.objectContaining({ id, state: 'failed', failedCount: 3 }),
    ]);
    receiver.status = 200;
    expect(await adapter().reactivateWebhook(id)).toMatchObject({ id, state: 'active', failedCount: 0 });
  });

  it('refuses to register without DAILY_WEBHOOK_SECRET, naming it', async () => {
    const error = await adapter({ DAILY_WEBHOOK_SECRET: '' })
      .registerWebhook(receiver.url)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['DAILY_WEBHOOK_SECRET']);
  });

  it.each([
    ['ACTIVE', 'active'],
    ['FAILED', 'failed'],
    ['INACTIVE', 'inactive'],
    [1, 'active'],
    [0, 'failed'],
    [2, 'inactive'],
    ['SOMETHING', 'unknown'],
  ] as const)('reads the documented state %s as %s', (state, expected) => {
    expect(toWebhookRegistration({ uuid: 'u', url: 'https://x', state }).state).toBe(expected);
  });
});
