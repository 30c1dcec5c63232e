import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { loadWherebyConfig, WHEREBY_DEFAULT_API_URL, wherebyEnvVars } from './config.js';

describe('loadWherebyConfig', () => {
  it('reports WHEREBY_API_KEY as missing when it is unset or blank', () => {
    expect(loadWherebyConfig({})).toEqual({ ok: false, missing: ['WHEREBY_API_KEY'] });
    expect(loadWherebyConfig({ WHEREBY_API_KEY: '  ' })).toEqual({ ok: false, missing: ['WHEREBY_API_KEY'] });
  });

  it('applies the default API URL and an empty secret list', () => {
    expect(loadWherebyConfig({ WHEREBY_API_KEY: 'key' })).toEqual({
      ok: true,
      config: {
        apiKey: 'key',
        apiUrl: WHEREBY_DEFAULT_API_URL,
        webhookSecrets: [],
        s3: { bucket: null, accessKeyId: null, accessKeySecret: null },
        rateLimitPoints: 100,
      },
    });
  });

  it('reads every variable, splits rotated secrets and drops a trailing slash from the URL', () => {
    const result = loadWherebyConfig({
      WHEREBY_API_KEY: 'key',
      WHEREBY_API_URL: 'http://127.0.0.1:4010/v1/',
      WHEREBY_WEBHOOK_SECRET: 'new, old ,',
      AWS_WHEREBY_S3_BUCKET: 'bucket/sub',
      AWS_WHEREBY_ACCESS_KEY_ID: 'AKIA',
      AWS_WHEREBY_ACCESS_KEY_SECRET: 'shh',
      WHEREBY_RATE_LIMIT_POINTS: '1000',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        apiKey: 'key',
        apiUrl: 'http://127.0.0.1:4010/v1',
        webhookSecrets: ['new', 'old'],
        s3: { bucket: 'bucket/sub', accessKeyId: 'AKIA', accessKeySecret: 'shh' },
        rateLimitPoints: 1000,
      },
    });
  });

  it.each(['not a url', 'ftp://files.example/v1'])(
    'throws ConfigError naming WHEREBY_API_URL for %s, without echoing the value',
    (value) => {
      const error = (() => {
        try {
          loadWherebyConfig({ WHEREBY_API_KEY: 'key', WHEREBY_API_URL: value });
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variables).toEqual(['WHEREBY_API_URL']);
      expect((error as ConfigError).message).toContain('WHEREBY_API_URL');
      expect((error as ConfigError).message).not.toContain(value);
    },
  );

  it('describes every variable it reads', () => {
    expect(Object.keys(wherebyEnvVars).sort()).toEqual([
      'AWS_WHEREBY_ACCESS_KEY_ID',
      'AWS_WHEREBY_ACCESS_KEY_SECRET',
      'AWS_WHEREBY_S3_BUCKET',
      'WHEREBY_API_KEY',
      'WHEREBY_API_URL',
      'WHEREBY_RATE_LIMIT_POINTS',
      'WHEREBY_WEBHOOK_SECRET',
    ]);
  });

  it.each(['0', '-5', '1.5', 'lots'])('throws ConfigError naming WHEREBY_RATE_LIMIT_POINTS for %s', (value) => {
    expect(() => loadWherebyConfig({ WHEREBY_API_KEY: 'key', WHEREBY_RATE_LIMIT_POINTS: value })).toThrow(
      expect.objectContaining({ variables: ['WHEREBY_RATE_LIMIT_POINTS'] }),
    );
  });
});
