import { beforeAll, describe, expect, it } from 'vitest';
import { ensureWebBuilt } from '../scripts/ensure-built.mjs';
import { BUDGET_KB, formatReport, measureBundle, overBudget, type BundleReport } from '../scripts/bundle-report.js';

let report: BundleReport;
beforeAll(() => {
  ensureWebBuilt();
  report = measureBundle();
}, 180_000);

describe('bundle budget (gzipped)', () => {
  it(`keeps the shell within ${BUDGET_KB.shell} KB and each provider component within ${BUDGET_KB.provider} KB`, () => {
    expect(overBudget(report), formatReport(report)).toEqual([]);
  });

  it('measures every platform of the registry, each with its SDK in a chunk of its own', () => {
    expect(Object.keys(report.providers).sort()).toEqual(['daily', 'mock', 'whereby']);
    expect(report.providers.daily!.sdk.files.some((f) => f.includes('daily-esm'))).toBe(true);
    expect(report.providers.whereby!.sdk.gzipBytes).toBeGreaterThan(0);
    for (const { sdk } of Object.values(report.providers)) for (const file of sdk.files) expect(report.shell.files).not.toContain(file);
  });

  it('flags a report over budget', () => {
    const over = { ...report, shell: { files: [], gzipBytes: (BUDGET_KB.shell + 1) * 1024 } };
    expect(overBudget(over)).toEqual([expect.stringContaining('shell is 151.0 KB')]);
  });
});
