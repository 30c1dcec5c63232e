import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { platformNames } from '@meetbridge/platforms';
import { describe, expect, it } from 'vitest';

/**
 * House style 7 and issue 12: the room component is chosen from `src/platforms/registry.ts`, never by
 * an `if` on a platform name. So no string literal naming a platform appears in the web app outside
 * `src/platforms/` (and the generated API types, which spell the server's enum). Tests are data.
 */
const SRC = resolve(import.meta.dirname, '../src');
const ALLOWED = [join(SRC, 'platforms'), join(SRC, 'lib/api/schema.d.ts')];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (ALLOWED.some((a) => path === a) || e.name === '__tests__') return [];
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

export function platformLiterals(source: string, names: readonly string[]): string[] {
  const pattern = new RegExp(`(['"\`])(${names.join('|')})\\1`);
  return source
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => !line.startsWith('//') && !line.startsWith('*') && pattern.test(line))
    .map(({ line, n }) => `${n}: ${line}`);
}

describe('platform names in the web app', () => {
  it('finds a literal comparison or a literal key', () => {
    expect(platformLiterals("if (meeting.platform === 'daily') {", platformNames)).toHaveLength(1);
    expect(platformLiterals('const x = { "whereby": 1 };', platformNames)).toHaveLength(1);
    expect(platformLiterals('// the daily room', platformNames)).toEqual([]);
  });

  it('appear only in src/platforms', () => {
    const found = sources(SRC).flatMap((file) =>
      platformLiterals(readFileSync(file, 'utf8'), platformNames).map((l) => `${relative(SRC, file)}:${l}`),
    );
    expect(found).toEqual([]);
  });
});
