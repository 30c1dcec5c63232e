import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

describe('meetbridge openapi FILE', () => {
  it('writes the OpenAPI document without listening or touching the configured database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meetbridge-openapi-cli-'));
    const file = join(dir, 'openapi.json');
    await promisify(execFile)(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), '--conditions=source', join(ROOT, 'packages/server/src/cli.ts'), 'openapi', file],
      { cwd: dir, env: { PATH: process.env.PATH ?? '', DATA_DIR: join(dir, 'never-created'), LOG_LEVEL: 'silent' }, timeout: 60_000 },
    );
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/v1/rooms', '/v1/platforms', '/v1/config']));
    expect(() => readFileSync(join(dir, 'never-created'))).toThrow();
  });
});
