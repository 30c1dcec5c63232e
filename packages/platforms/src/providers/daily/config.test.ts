import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { DAILY_DEFAULT_API_URL, dailyEnvVars, loadDailyConfig } from './config.js';

const SECRET = 'NQrSA5z0FkJ44QPrFerW7uCc5kdNLv3l2FDEKDanL1U=';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadDailyConfig', () => {
  it('reports DAILY_API_KEY as missing when it is unset', () => {
    expect(loadDailyConfig({ DAILY_SUBDOMAIN: 'acme' })).toEqual({ ok: false, missing: ['DAILY_API_KEY'] });
  });

  it('applies the defaults: API URL, region us-west-2, no secrets, no bucket', () => {
    expect(loadDailyConfig({ DAILY_API_KEY: 'key' })).toEqual({
      ok: true,
      config: {
        apiKey: 'key',
        apiUrl: DAILY_DEFAULT_API_URL,
        webhookSecrets: [],
        subdomain: null,
        s3: { bucket: null, region: 'us-west-2', roleArn: null },
        rateLimitPerSecond: 20,
        recordingPollSeconds: 15,
      },
    });
  });

  it('polls recordings every 180 s with a webhook secret and every 15 s without one, unless DAILY_RECORDINGS_POLL_SECONDS says', () => {
    const poll = (env: Record<string, string>) => {
      const result = loadDailyConfig({ DAILY_API_KEY: 'key', ...env });
      return result.ok ? result.config.recordingPollSeconds : null;
    };
    expect(poll({})).toBe(15);
    expect(poll({ DAILY_WEBHOOK_SECRET: SECRET })).toBe(180);
    expect(poll({ DAILY_WEBHOOK_SECRET: SECRET, DAILY_RECORDINGS_POLL_SECONDS: '60' })).toBe(60);
    expect(configError(() => loadDailyConfig({ DAILY_API_KEY: 'key', DAILY_RECORDINGS_POLL_SECONDS: '0' })).variables).toEqual([
      'DAILY_RECORDINGS_POLL_SECONDS',
    ]);
  });

  it('reads every variable and a rotated secret list', () => {
    const result = loadDailyConfig({
      DAILY_API_KEY: 'key',
      DAILY_API_URL: 'http://127.0.0.1:4020/v1',
      DAILY_WEBHOOK_SECRET: `${SECRET},YWJjZA==`,
      DAILY_SUBDOMAIN: 'acme',
      AWS_DAILY_S3_BUCKET: 'rec',
      AWS_DAILY_S3_REGION: 'eu-central-1',
      AWS_DAILY_ROLE_ARN: 'arn:aws:iam::1:role/Daily',
      DAILY_RATE_LIMIT_PER_SECOND: '5',
      DAILY_RECORDINGS_POLL_SECONDS: '30',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        apiKey: 'key',
        apiUrl: 'http://127.0.0.1:4020/v1',
        webhookSecrets: [SECRET, 'YWJjZA=='],
        subdomain: 'acme',
        s3: { bucket: 'rec', region: 'eu-central-1', roleArn: 'arn:aws:iam::1:role/Daily' },
        rateLimitPerSecond: 5,
        recordingPollSeconds: 30,
      },
    });
  });

  it.each(['not base64!', 'abc', 'YWJjZA'])(
    'throws ConfigError naming DAILY_WEBHOOK_SECRET for a non-base64 secret (%s), without echoing it',
    (bad) => {
      const error = configError(() => loadDailyConfig({ DAILY_API_KEY: 'key', DAILY_WEBHOOK_SECRET: `${SECRET},${bad}` }));
      expect(error.variables).toEqual(['DAILY_WEBHOOK_SECRET']);
      expect(error.message).not.toContain(bad);
    },
  );

  it('throws ConfigError naming DAILY_API_URL for an invalid URL, even without an API key', () => {
    expect(configError(() => loadDailyConfig({ DAILY_API_URL: 'api.daily.co' })).variables).toEqual(['DAILY_API_URL']);
  });

  it('describes every variable it reads', () => {
    expect(Object.keys(dailyEnvVars)).toHaveLength(9);
    expect(configError(() => loadDailyConfig({ DAILY_API_KEY: 'key', DAILY_RATE_LIMIT_PER_SECOND: '0' })).variables).toEqual([
      'DAILY_RATE_LIMIT_PER_SECOND',
    ]);
  });
});
