import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { platformNames, providers } from '@meetbridge/platforms';
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

/**
 * Beyond comparisons: no string literal in packages/server names a provider, or one of their webhook
 * paths or signature headers. Those facts live in the provider's folder (its module declares its
 * webhook paths and headers); the server reads them from the registry. Two places are exempt:
 * `src/config/` (the configuration docs: the spec's variable names and their examples) and
 * `src/db/schema/` (the spec's migration default `platform DEFAULT 'whereby'`).
 */
const EXEMPT_DIRS = ['packages/server/src/config/', 'packages/server/src/db/schema/'];

/** String literals on the code lines of `source` (comment lines skipped), with their line numbers. */
export function stringLiterals(source: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  source.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//') || trimmed.startsWith('*') || trimmed.startsWith('/*')) return;
    for (const match of line.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1/g)) out.push({ line: index + 1, text: match[2] ?? '' });
  });
  return out;
}

/** The literals of `source` that name a provider, path or header. */
export function providerLiterals(
  source: string,
  facts: { names: readonly string[]; paths: readonly string[]; headers: readonly string[] },
) {
  const words = facts.names.map((n) => new RegExp(`(^|[^a-z0-9_])${escape(n)}([^a-z0-9_]|$)`, 'i'));
  const exact = [...facts.paths, ...facts.headers].map((f) => f.toLowerCase());
  return stringLiterals(source).filter(({ text }) => words.some((w) => w.test(text)) || exact.some((f) => text.toLowerCase().includes(f)));
}

describe('no provider name, webhook path or signature header literal in packages/server', () => {
  const facts = {
    // The mock provider is ours; its name is also an ordinary word ("mock room"), so only the real providers' names count.
    names: providers.map((p) => p.name).filter((n) => n !== 'mock'),
    paths: providers.flatMap((p) => p.webhook.paths),
    headers: providers.flatMap((p) => p.webhook.redactHeaders),
  };

  it('recognises names, paths and headers inside literals, but not in comments or other words', () => {
    const source = [
      "const p = '/v1/daily/webhook';",
      'const h = "X-Webhook-Signature";',
      'const d = `Owner tokens (Daily)`;',
      '// a comment about whereby',
      "const ok = 'dailyish';",
    ].join('\n');
    expect(providerLiterals(source, facts).map((l) => l.line)).toEqual([1, 2, 3]);
  });

  it('finds none outside the configuration docs and the schema default', () => {
    const serverFiles = guardedFiles().filter((f) => {
      const rel = relative(REPO, f).split(sep).join('/');
      return rel.startsWith('packages/server/src/') && !EXEMPT_DIRS.some((d) => rel.startsWith(d));
    });
    expect(serverFiles.length).toBeGreaterThan(20);
    const offenders = serverFiles.flatMap((file) =>
      providerLiterals(readFileSync(file, 'utf8'), facts).map((hit) => `${relative(REPO, file)}:${hit.line}: ${hit.text}`),
    );
    expect(offenders, 'read provider facts from the registry (webhookEndpoints, redactedWebhookHeaders) or add a capability').toEqual([]);
  });
});
