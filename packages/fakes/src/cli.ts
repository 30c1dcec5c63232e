/**
 * `npm run dev:fakes`: starts the Whereby, Daily and OpenAI fakes on fixed ports and prints the
 * environment variables that point Meetbridge at them.
 */
import { startDailyFake } from './daily/server.js';
import { startOpenAiFake } from './openai/server.js';
import { startWherebyFake } from './whereby/server.js';

const DEFAULTS = {
  FAKE_WHEREBY_PORT: '4001',
  FAKE_DAILY_PORT: '4002',
  FAKE_OPENAI_PORT: '4003',
  OPENAI_FAKE_API_KEY: 'openai-fake-api-key',
  FAKE_WEBHOOK_BASE_URL: 'http://127.0.0.1:1250',
  FAKE_HOST: '127.0.0.1',
  // The Whereby organisation's point budget per minute (the Grow plan's).
  FAKE_WHEREBY_RATE_LIMIT_POINTS: '1000',
  WHEREBY_API_KEY: 'whereby-fake-api-key',
  WHEREBY_WEBHOOK_SECRET: 'whereby-fake-webhook-secret',
  DAILY_API_KEY: 'daily-fake-api-key',
  // Daily secrets are base64; this one decodes to "meetbridge-fake-daily-webhook-secret".
  DAILY_WEBHOOK_SECRET: Buffer.from('meetbridge-fake-daily-webhook-secret').toString('base64'),
  DAILY_DOMAIN: 'meetbridge',
  WHEREBY_SUBDOMAIN: 'meetbridge',
} as const;

function env(name: keyof typeof DEFAULTS): string {
  const value = process.env[name];
  return value === undefined || value === '' ? DEFAULTS[name] : value;
}

function port(name: 'FAKE_WHEREBY_PORT' | 'FAKE_DAILY_PORT' | 'FAKE_OPENAI_PORT'): number {
  const value = Number(env(name));
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a TCP port, e.g. ${DEFAULTS[name]}; got "${env(name)}"`);
  return value;
}

async function main(): Promise<void> {
  const base = env('FAKE_WEBHOOK_BASE_URL').replace(/\/+$/, '');
  const host = env('FAKE_HOST');
  const whereby = await startWherebyFake({
    port: port('FAKE_WHEREBY_PORT'),
    host,
    apiKey: env('WHEREBY_API_KEY'),
    webhookSecret: env('WHEREBY_WEBHOOK_SECRET'),
    subdomain: env('WHEREBY_SUBDOMAIN'),
    webhookUrl: `${base}/v1/whereby`,
    rateLimitPoints: Number(env('FAKE_WHEREBY_RATE_LIMIT_POINTS')),
    // Real time here: scheduled behaviour (session ends) runs by itself.
    autoRunMs: 1000,
  });
  const daily = await startDailyFake({
    port: port('FAKE_DAILY_PORT'),
    host,
    apiKey: env('DAILY_API_KEY'),
    webhookSecret: env('DAILY_WEBHOOK_SECRET'),
    domain: env('DAILY_DOMAIN'),
    webhookUrl: `${base}/v1/daily/webhook`,
    autoRunMs: 1000,
  });
  const openai = await startOpenAiFake({ port: port('FAKE_OPENAI_PORT'), host, apiKey: env('OPENAI_FAKE_API_KEY') });
  console.log(`Whereby fake: ${whereby.url}  (control: ${whereby.origin}/_control/state, webhooks -> ${base}/v1/whereby)`);
  console.log(`Daily fake:   ${daily.url}  (control: ${daily.origin}/_control/state, webhooks -> ${base}/v1/daily/webhook)`);
  console.log(`OpenAI fake:  ${openai.url}/v1  (control: ${openai.url}/_control/requests)`);
  console.log('\n# Point Meetbridge at the fakes:');
  console.log(`WHEREBY_API_URL=${whereby.url}`);
  console.log(`WHEREBY_API_KEY=${whereby.apiKey}`);
  console.log(`WHEREBY_WEBHOOK_SECRET=${whereby.webhookSecret}`);
  console.log(`DAILY_API_URL=${daily.url}`);
  console.log(`DAILY_API_KEY=${daily.apiKey}`);
  console.log(`DAILY_WEBHOOK_SECRET=${daily.webhookSecret}`);
  console.log(`TRANSCRIPTION_URL=${openai.url}`);
  console.log(`TRANSCRIPTION_API_KEY=${openai.apiKey ?? ''}`);
  console.log('TRANSCRIPTION_MODEL=whisper-1');
  console.log(`LLM_URL=${openai.url}`);
  console.log(`LLM_API_KEY=${openai.apiKey ?? ''}`);
  console.log('LLM_MODEL=gpt-4o-mini');
  const shutdown = (): void => {
    void Promise.all([whereby.close(), daily.close(), openai.close()]).then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
