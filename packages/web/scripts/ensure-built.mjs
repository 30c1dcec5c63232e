// Builds the web app when packages/web/dist is missing or older than its sources: `npm start` runs
// this (a fresh clone has no build), and so do the browser tests. `npm run build` always rebuilds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const WEB = resolve(import.meta.dirname, '..');
const BUILT = join(WEB, 'dist/index.html');
const SOURCES = ['src', 'public', 'index.html', 'vite.config.ts', 'package.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** True when dist is missing or a source file changed after the last build. */
export function webBuildIsStale() {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((s) => newest(join(WEB, s)) > built);
}

export function ensureWebBuilt() {
  if (!webBuildIsStale()) return false;
  console.log(existsSync(BUILT) ? 'The web app changed; building it.' : 'The web app is not built yet; building it.');
  // A production build even when called from a test runner (vitest sets NODE_ENV=test: React's dev build).
  const result = spawnSync('npm', ['run', 'build', '-w', '@meetbridge/web'], {
    cwd: resolve(WEB, '../..'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`Building the web app failed (exit ${result.status}).`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) ensureWebBuilt();
