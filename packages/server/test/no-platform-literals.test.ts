import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { platformNames } from '@meetbridge/platforms';
import { describe, expect, it } from 'vitest';

/**
 * House style 4: no code outside packages/platforms compares a platform name to a literal. Callers
 * branch on an adapter's `capabilities` and let the catalog pick platforms; a literal comparison
 * elsewhere is a provider special case hiding in the wrong place.
 */

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const PACKAGES = join(REPO, 'packages');
/** Where platform names may be compared: the provider layer itself and the provider emulators. */
const ALLOWED_PACKAGES = new Set(['platforms', 'fakes']);
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'test', 'tests', '__tests__', 'coverage']);
const SOURCE = /\.(ts|tsx|mts|cts)$/;
const TEST_FILE = /\.(test|spec)\.(ts|tsx|mts|cts)$/;

export interface LiteralComparison {
  line: number;
  text: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The patterns that give a literal comparison with `name` away. */
function patternsFor(name: string): RegExp[] {
  const quoted = `(['"\`])${escape(name)}\\1`;
  return [
    new RegExp(`[!=]==?\\s*${quoted}`), // platform === 'daily'
    new RegExp(`${quoted}\\s*[!=]==?`), // 'daily' !== platform
    new RegExp(`\\bcase\\s+${quoted}\\s*:`), // case 'daily':
    new RegExp(`\\[[^\\]]*${quoted}[^\\]]*\\]\\s*\\.includes\\(`), // ['daily', 'whereby'].includes(platform)
  ];
}

/** Lines of `source` that compare one of `names` to a literal. Comment lines are ignored. */
export function findPlatformLiteralComparisons(source: string, names: readonly string[]): LiteralComparison[] {
  const patterns = names.flatMap(patternsFor);
  const found: LiteralComparison[] = [];
  source.split('\n').forEach((text, index) => {
    const trimmed = text.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
    if (patterns.some((p) => p.test(text))) found.push({ line: index + 1, text: trimmed });
  });
  return found;
}

/** Every non-test TypeScript file under packages/, outside the allowed packages. */
export function guardedFiles(root = PACKAGES): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        const topLevel = dir === root;
        if (SKIPPED_DIRS.has(entry.name) || (topLevel && ALLOWED_PACKAGES.has(entry.name))) continue;
        walk(path);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !TEST_FILE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(path);
      }
    }
  };
  walk(root);
  return files.sort();
}

describe('the platform-literal matcher', () => {
  const names = ['mock', 'whereby', 'daily'];

  it.each([
    ["if (room.platform === 'daily') {", 'strict equality'],
    ['return platform !== "whereby";', 'strict inequality'],
    ['if (p == `mock`) return;', 'loose equality with a template literal'],
    ["if ('daily' === row.platform) {", 'the literal on the left'],
    ["    case 'mock':", 'a switch case'],
    ["const special = ['daily', 'whereby'].includes(room.platform);", 'an array of names'],
  ])('flags %j (%s)', (line) => {
    expect(findPlatformLiteralComparisons(`const a = 1;\n${line}\n`, names)).toEqual([{ line: 2, text: line.trim() }]);
  });

  it.each([
    ["const room = { platform: 'daily' };", 'an object property value'],
    ["  // never write: if (platform === 'daily')", 'a line comment'],
    ["   * e.g. `platform === 'whereby'` is forbidden", 'a doc comment line'],
    ["if (kind === 'dailyish') {", 'a longer word'],
    ['if (adapter.capabilities.joinTokens) {', 'a capability check'],
    ['const platform = catalog.platformForMeeting(room);', 'asking the catalog'],
  ])('does not flag %j (%s)', (line) => {
    expect(findPlatformLiteralComparisons(line, names)).toEqual([]);
  });

  it('checks every registered platform name', () => {
    const source = platformNames.map((name) => `x === '${name}'`).join('\n');
    expect(findPlatformLiteralComparisons(source, platformNames)).toHaveLength(platformNames.length);
  });
});

describe('no platform literals outside packages/platforms', () => {
  const files = guardedFiles();

  it('scans the server sources and skips platforms, fakes, tests and build output', () => {
    const rel = files.map((f) => relative(REPO, f).split(sep).join('/'));
    expect(rel).toContain('packages/server/src/modules/meetings/service.ts');
    expect(rel).toContain('packages/server/src/modules/rooms/service.ts');
    expect(rel.filter((f) => /^packages\/(platforms|fakes)\//.test(f))).toEqual([]);
    expect(rel.filter((f) => /\/(test|dist|node_modules)\//.test(f) || /\.test\.tsx?$/.test(f))).toEqual([]);
  });

  it('finds no comparison of a registered platform name to a literal', () => {
    const offenders = files.flatMap((file) =>
      findPlatformLiteralComparisons(readFileSync(file, 'utf8'), platformNames).map(
        (hit) => `${relative(REPO, file)}:${hit.line}: ${hit.text}`,
      ),
    );
    expect(offenders, 'branch on adapter.capabilities or ask the PlatformCatalog instead').toEqual([]);
  });
});
