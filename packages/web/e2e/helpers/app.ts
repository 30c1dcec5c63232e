import { copyFile, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import createClient from 'openapi-fetch';
import type { BrowserContext, Page } from 'playwright-core';
import type { paths } from '../../src/lib/api/schema.js';

const WEB = resolve(import.meta.dirname, '../..');
const SCREENSHOTS = join(WEB, 'test-results/screenshots');
const DOCS = resolve(WEB, '../../docs/screenshots');

/** The typed API client the app uses, pointed at the test server (tests set up and check state with it). */
export function apiClient(baseUrl: string) {
  return createClient<paths>({ baseUrl });
}

/**
 * Saves a screenshot as a test artifact (packages/web/test-results/screenshots, gitignored). With
 * MEETBRIDGE_DOC_SCREENSHOTS=1, screens marked `doc` are copied to docs/screenshots as well.
 */
export async function screenshot(page: Page, name: string, options: { doc?: boolean; fullPage?: boolean } = {}): Promise<void> {
  const file = join(SCREENSHOTS, `${name}.png`);
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  if (options.doc && process.env.MEETBRIDGE_DOC_SCREENSHOTS === '1') {
    await mkdir(DOCS, { recursive: true });
    await copyFile(file, join(DOCS, `${name}.png`));
  }
}

/** Polls `check` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const PROVIDER_PAGE = /^https:\/\/([^./]+)\.(whereby\.com|daily\.co)\/([^?#]+)(\?[^#]*)?/;

/**
 * Every request leaving the machine is stopped and recorded, except real provider room URLs, which
 * are answered with the matching fake's stand-in call page (`/_rooms/<room>`): the Whereby embed only
 * accepts https://<sub>.whereby.com rooms, and Daily room URLs are https://<domain>.daily.co.
 */
export async function routeOffMachine(context: BrowserContext, fakes: { wherebyOrigin: string; dailyOrigin: string }): Promise<string[]> {
  const blocked: string[] = [];
  await context.route(
    (url) => url.protocol !== 'data:' && url.protocol !== 'blob:' && url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    async (route) => {
      const url = route.request().url();
      const match = PROVIDER_PAGE.exec(url);
      if (!match) {
        blocked.push(url);
        return route.abort('blockedbyclient');
      }
      const origin = match[2] === 'daily.co' ? fakes.dailyOrigin : fakes.wherebyOrigin;
      const res = await fetch(`${origin}/_rooms/${match[3]}${match[4] ?? ''}`);
      return route.fulfill({ status: res.status, contentType: 'text/html; charset=utf-8', body: await res.text() });
    },
  );
  return blocked;
}
