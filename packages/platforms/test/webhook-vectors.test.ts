import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebhookVerificationError } from '../src/core/errors.js';
import { dailyProvider } from '../src/providers/daily/index.js';
import { signDailyWebhook } from '../src/providers/daily/webhooks.js';
import { wherebyProvider } from '../src/providers/whereby/index.js';
import { signWherebyWebhook } from '../src/providers/whereby/webhooks.js';
import { testDeps } from './helpers/fake-api.js';

/** Signatures computed with openssl, independently of the implementation (see the fixture's `_how`). */
const vectors = JSON.parse(readFileSync(new URL('./fixtures/webhook-vectors.json', import.meta.url), 'utf8')) as {
  whereby: {
    secret: string;
    t: number;
    body: string;
    header: string;
    compactFallback: { body: string; header: string; signatureOverRawPrettyBody: string };
  };
  daily: {
    secret: string;
    secretHexKey: string;
    body: string;
    timestamp: string;
    signature: string;
    timestampMs: string;
    signatureMs: string;
  };
};
const { whereby, daily } = vectors;

function wherebyAdapter(env: Record<string, string> = {}, toleranceSeconds?: number) {
  const loaded = wherebyProvider.loadConfig({ WHEREBY_API_KEY: 'k', WHEREBY_WEBHOOK_SECRET: `old-secret,${whereby.secret}`, ...env });
  if (!loaded.ok) throw new Error('config');
  return wherebyProvider.create(loaded.config, testDeps({ webhookToleranceSeconds: toleranceSeconds }));
}

function dailyAdapter() {
  const loaded = dailyProvider.loadConfig({ DAILY_API_KEY: 'k', DAILY_WEBHOOK_SECRET: daily.secret });
  if (!loaded.ok) throw new Error('config');
  return dailyProvider.create(loaded.config, testDeps());
}

describe('Whereby fixed vectors', () => {
  const at = new Date(whereby.t * 1000);

  it('signWherebyWebhook reproduces the openssl signature', () => {
    expect(signWherebyWebhook(whereby.secret, whereby.t, whereby.body)).toBe(whereby.header);
    expect(signWherebyWebhook(whereby.secret, whereby.t, whereby.compactFallback.body)).toBe(
      `t=${whereby.t},v1=${whereby.compactFallback.signatureOverRawPrettyBody}`,
    );
  });

  it('the adapter verifies the vector with a rotated secret list and parses the non-ASCII name', () => {
    const a = wherebyAdapter();
    const verified = a.webhooks.verify(Buffer.from(whereby.body, 'utf8'), { 'whereby-signature': whereby.header }, at);
    expect(verified.eventId).toBe('d7c4df48b85318352b47d2df45872bf9');
    expect(a.webhooks.parse(verified)[0]).toMatchObject({ kind: 'participant.joined', userName: 'Zoë Ångström 山田', numClients: 2 });
  });

  it('the adapter verifies a pretty-printed body through the compact-JSON fallback', () => {
    const verified = wherebyAdapter().webhooks.verify(
      Buffer.from(whereby.compactFallback.body, 'utf8'),
      { 'whereby-signature': whereby.compactFallback.header },
      at,
    );
    expect(verified.type).toBe('room.client.joined');
  });

  it('the adapter applies deps.webhookToleranceSeconds: 2 min old is refused with a 60 s window', () => {
    const later = new Date(at.getTime() + 120_000);
    const error = (() => {
      try {
        wherebyAdapter({}, 60).webhooks.verify(Buffer.from(whereby.body), { 'whereby-signature': whereby.header }, later);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('timestamp_too_old');
    expect(() => wherebyAdapter().webhooks.verify(Buffer.from(whereby.body), { 'whereby-signature': whereby.header }, later)).not.toThrow();
  });
});

describe('Daily fixed vectors', () => {
  it('the base64 secret decodes to the documented key', () => {
    expect(Buffer.from(daily.secret, 'base64').toString('hex')).toBe(daily.secretHexKey);
  });

  it('signDailyWebhook reproduces the openssl signatures (seconds and ms timestamps)', () => {
    expect(signDailyWebhook(daily.secret, daily.timestamp, daily.body)).toBe(daily.signature);
    expect(signDailyWebhook(daily.secret, daily.timestampMs, daily.body)).toBe(daily.signatureMs);
  });

  it('the adapter verifies both vectors and parses the non-ASCII name', () => {
    const a = dailyAdapter();
    const at = new Date(Number(daily.timestamp) * 1000);
    const body = Buffer.from(daily.body, 'utf8');
    const verified = a.webhooks.verify(body, { 'x-webhook-signature': daily.signature, 'x-webhook-timestamp': daily.timestamp }, at);
    expect(a.webhooks.parse(verified)[0]).toMatchObject({ kind: 'participant.joined', userName: 'Zoë Ångström 山田' });
    expect(
      a.webhooks.verify(body, { 'x-webhook-signature': daily.signatureMs, 'x-webhook-timestamp': daily.timestampMs }, at).eventId,
    ).toBe(verified.eventId);
  });

  it('the adapter refuses webhooks when DAILY_WEBHOOK_SECRET is unset', () => {
    const loaded = dailyProvider.loadConfig({ DAILY_API_KEY: 'k' });
    if (!loaded.ok) throw new Error('config');
    const a = dailyProvider.create(loaded.config, testDeps());
    expect(() => a.webhooks.verify(Buffer.from(daily.body), {}, new Date())).toThrow(/DAILY_WEBHOOK_SECRET/);
  });
});
