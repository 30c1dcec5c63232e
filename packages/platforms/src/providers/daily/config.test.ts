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
      },
    });
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
    expect(Object.keys(dailyEnvVars)).toHaveLength(8);
    expect(configError(() => loadDailyConfig({ DAILY_API_KEY: 'key', DAILY_RATE_LIMIT_PER_SECOND: '0' })).variables).toEqual([
      'DAILY_RATE_LIMIT_PER_SECOND',
    ]);
  });
});
