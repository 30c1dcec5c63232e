/**
 * Bundle budget (issue 12): what the browser downloads, gzipped, measured from Vite's manifest.
 *
 * - shell: everything the room page loads before a provider component: the entry chunk, its static
 *   imports and CSS, and the room route chunk with its own. Budget 150 KB.
 * - each provider: its room component chunk and whatever it statically imports beyond the shell.
 *   Budget 50 KB. The provider's SDK (daily-js, the Whereby embed) is imported dynamically from that
 *   component, so it is its own chunk, reported but not part of the 50 KB.
 * - whole app without providers: every chunk except provider components and SDKs (reported).
 *
 * `npm run build -w @meetbridge/web` prints this; `test/bundle-budget.test.ts` fails over budget.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = { shell: 150, provider: 50 } as const;
/** The room page's route module: the shell ends where it renders a provider component. */
const ROOM_ROUTE = 'src/app/routes/room.tsx';
const PROVIDER = /^src\/platforms\/([^/]+)\/room\.tsx$/;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface Part {
  files: string[];
  gzipBytes: number;
}
export interface BundleReport {
  shell: Part;
  providers: Record<string, { component: Part; sdk: Part }>;
  appWithoutProviders: Part;
}

export const WEB_DIST = resolve(import.meta.dirname, '../dist');

/** The chunk at `key` and everything it imports statically, with their CSS. */
function staticClosure(manifest: Manifest, keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) continue;
    into.add(chunk.file);
    for (const css of chunk.css ?? []) into.add(css);
    staticClosure(manifest, chunk.imports ?? [], into);
  }
  return into;
}

export function measureBundle(dist = WEB_DIST): BundleReport {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    let size = sizes.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
      sizes.set(file, size);
    }
    return size;
  };
  const part = (files: Iterable<string>): Part => {
    const list = [...files].sort();
    return { files: list, gzipBytes: list.reduce((sum, f) => sum + gz(f), 0) };
  };

  const entries = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const roomRoute = Object.keys(manifest).find((k) => manifest[k]!.src === ROOM_ROUTE);
  if (entries.length === 0 || !roomRoute) throw new Error(`No entry or no ${ROOM_ROUTE} chunk in the manifest: build first.`);
  const shellFiles = staticClosure(manifest, [...entries, roomRoute]);

  const providers: BundleReport['providers'] = {};
  const providerFiles = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    const name = chunk.src?.match(PROVIDER)?.[1];
    if (!name) continue;
    const own = [...staticClosure(manifest, [key])].filter((f) => !shellFiles.has(f));
    const sdk = new Set<string>();
    for (const dynamic of chunk.dynamicImports ?? []) staticClosure(manifest, [dynamic], sdk);
    const sdkOnly = [...sdk].filter((f) => !shellFiles.has(f) && !own.includes(f));
    providers[name] = { component: part(own), sdk: part(sdkOnly) };
    for (const f of [...own, ...sdkOnly]) providerFiles.add(f);
  }

  const everything = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    everything.add(chunk.file);
    for (const css of chunk.css ?? []) everything.add(css);
  }
  const appFiles = [...everything].filter((f) => !providerFiles.has(f) || shellFiles.has(f));
  return { shell: part(shellFiles), providers, appWithoutProviders: part(appFiles) };
}

/** What is over budget, one line each (empty when within it). */
export function overBudget(report: BundleReport): string[] {
  const kb = (bytes: number) => bytes / 1024;
  const problems: string[] = [];
  if (kb(report.shell.gzipBytes) > BUDGET_KB.shell) {
    problems.push(`shell is ${kb(report.shell.gzipBytes).toFixed(1)} KB gzipped, over the ${BUDGET_KB.shell} KB budget`);
  }
  for (const [name, { component }] of Object.entries(report.providers)) {
    if (kb(component.gzipBytes) > BUDGET_KB.provider) {
      problems.push(`provider "${name}" adds ${kb(component.gzipBytes).toFixed(1)} KB gzipped, over the ${BUDGET_KB.provider} KB budget`);
    }
  }
  return problems;
}

export function formatReport(report: BundleReport): string {
  const kb = (p: Part) => `${(p.gzipBytes / 1024).toFixed(1).padStart(6)} KB`;
  const lines = [
    'Bundle budget (gzipped):',
    `  shell (entry + room page)       ${kb(report.shell)}   budget ${BUDGET_KB.shell} KB   ${report.shell.files.length} files`,
  ];
  for (const [name, { component, sdk }] of Object.entries(report.providers).sort()) {
    lines.push(`  + ${name.padEnd(28)} ${kb(component)}   budget ${BUDGET_KB.provider} KB   (SDK chunk, loaded by it: ${kb(sdk).trim()})`);
  }
  lines.push(`  whole app without providers     ${kb(report.appWithoutProviders)}   (every route; reported, not budgeted)`);
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const report = measureBundle();
  console.log(formatReport(report));
  for (const problem of overBudget(report)) console.warn(`OVER BUDGET: ${problem}`);
}
