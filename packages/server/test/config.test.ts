import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfig } from '../src/config/index.js';
import { EnvError, knownVariables } from '../src/config/env.js';

const ROOT = join(import.meta.dirname, '../../..');

function problems(env: Record<string, string>): string[] {
  try {
    buildConfig(env);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has working defaults for the embedded mode', () => {
    const config = buildConfig({});
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 1250,
      baseUrl: 'http://127.0.0.1:1250',
      databaseUrl: undefined,
      auth: { backend: 'none' },
    });
    expect(config.selection).toEqual({ defaultPlatform: null, dailyMigrationEnabled: false, dailyMigrationRoomIds: [] });
    expect(config.dataDir).toMatch(/data$/);
  });

  it('names the variable, the allowed platforms and an example for a bad DEFAULT_VIDEO_PLATFORM', () => {
    const [p] = problems({ DEFAULT_VIDEO_PLATFORM: 'zoom' });
    expect(p).toContain('DEFAULT_VIDEO_PLATFORM="zoom"');
    expect(p).toMatch(/Allowed values: mock/);
    expect(p).toContain('Example: DEFAULT_VIDEO_PLATFORM=whereby');
  });

  it('reports every bad variable at once', () => {
    const found = problems({ PORT: 'eighty', BASE_URL: 'not a url', DAILY_MIGRATION_ENABLED: 'maybe', AUTH_BACKEND: 'ldap' });
    expect(found.map((p) => p.split('=')[0]).sort()).toEqual(['AUTH_BACKEND', 'BASE_URL', 'DAILY_MIGRATION_ENABLED', 'PORT']);
  });

  it('accepts DAILY_MIGRATION_ROOM_IDS as a JSON array or a comma-separated list', () => {
    expect(buildConfig({ DAILY_MIGRATION_ROOM_IDS: '["a","b"]' }).selection.dailyMigrationRoomIds).toEqual(['a', 'b']);
    expect(buildConfig({ DAILY_MIGRATION_ROOM_IDS: 'a, b' }).selection.dailyMigrationRoomIds).toEqual(['a', 'b']);
    expect(buildConfig({ DAILY_MIGRATION_ROOM_IDS: '[]' }).selection.dailyMigrationRoomIds).toEqual([]);
    expect(problems({ DAILY_MIGRATION_ROOM_IDS: '[1,2' })[0]).toContain('DAILY_MIGRATION_ROOM_IDS');
  });

  it('requires a key source for AUTH_BACKEND=jwt', () => {
    expect(problems({ AUTH_BACKEND: 'jwt' })[0]).toContain('AUTH_JWKS_URL or AUTH_JWT_PUBLIC_KEY');
  });

  it('derives BASE_URL from HOST and PORT, and treats empty values as unset', () => {
    expect(buildConfig({ HOST: '0.0.0.0', PORT: '8080', BASE_URL: '' }).baseUrl).toBe('http://127.0.0.1:8080');
    expect(buildConfig({ BASE_URL: 'https://meet.example.com/' }).baseUrl).toBe('https://meet.example.com');
  });

  it('never echoes a secret value in an error', () => {
    const found = problems({ DATABASE_URL: 'mysql://root:hunter2@db' });
    expect(found[0]).toContain('DATABASE_URL');
    expect(found.join('\n')).not.toContain('hunter2');
  });

  it('documents every variable in .env.example, and nothing else', () => {
    const documented = [...readFileSync(join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...knownVariables()].sort());
  });

  it('stops the process with a non-zero exit code naming the variable', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', join(ROOT, 'packages/server/src/cli.ts'), 'serve'],
      {
        env: { ...process.env, DEFAULT_VIDEO_PLATFORM: 'zoom', DATA_DIR: '/tmp/meetbridge-never-used' },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(result.stderr).toContain('DEFAULT_VIDEO_PLATFORM');
    expect(result.stderr).toContain('whereby');
  });
});
