import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, routeOffMachine, screenshot } from './helpers/app.js';
import { openChromium, type Browser } from './helpers/chromium.js';

const e2e = inject('e2e');
const api = apiClient(e2e.baseUrl);
let browser: Browser;
let page: Page;
let blocked: string[];
const requested: string[] = [];

beforeAll(async () => {
  browser = await openChromium();
  blocked = await routeOffMachine(browser.context, e2e);
  browser.context.on('request', (r) => requested.push(r.url()));
  page = await browser.context.newPage();
});
afterAll(async () => browser.close());

async function createRoom(name: string, platform: 'daily' | 'whereby') {
  const { data, error } = await api.POST('/v1/rooms', { body: { name, platform } });
  if (error) throw new Error(JSON.stringify(error));
  return data;
}

describe('provider rooms in their SDKs, framing the fakes’ call pages', () => {
  it('Daily: daily-js prebuilt frame on the room URL, with the meeting token handed to join()', async () => {
    await createRoom('daily-room', 'daily');
    const joinAnswer = page.waitForResponse((r) => r.url().endsWith('/join') && r.request().method() === 'POST');
    await page.goto(`${e2e.baseUrl}/daily-room`);
    const join = (await (await joinAnswer).json()) as { kind: string; token: string; is_owner: boolean };
    // The owner's token (AUTH_BACKEND=none: the local user owns every room).
    expect(join).toMatchObject({ kind: 'url', is_owner: true, token: expect.any(String) });

    const iframe = page.locator('[data-room-platform="daily"] iframe');
    await iframe.waitFor();
    const src = new URL((await iframe.getAttribute('src'))!);
    expect(src.origin).toMatch(/^https:\/\/[a-z0-9-]+\.daily\.co$/);
    expect(src.pathname).toMatch(/^\/daily-room-/);
    // The app gives daily-js the bare room URL and the token separately (join({url, token})); daily-js
    // itself passes the token to its prebuilt page as "t", exactly once.
    expect(src.searchParams.getAll('t')).toEqual([join.token]);
    expect(await iframe.getAttribute('title')).toBe('Daily video call');

    const call = page.frameLocator('[data-room-platform="daily"] iframe').locator('main[data-fake-room="daily"]');
    await call.waitFor();
    expect(await call.getAttribute('data-known')).toBe('true');
    await screenshot(page, 'daily-room', { doc: true });

    await page.getByRole('link', { name: 'Leave' }).click();
    await page.waitForURL(`${e2e.baseUrl}/`);
  });

  it('Whereby: the <whereby-embed> element on the host URL; its leave event returns to the room list', async () => {
    await createRoom('whereby-room', 'whereby');
    await page.goto(`${e2e.baseUrl}/whereby-room`);
    const iframe = page.locator('[data-room-platform="whereby"] whereby-embed iframe');
    await iframe.waitFor();
    const src = new URL((await iframe.getAttribute('src'))!);
    expect(src.origin).toMatch(/^https:\/\/[a-z0-9-]+\.whereby\.com$/);
    expect(src.searchParams.get('jsApi')).toBe('true');

    const call = page.frameLocator('whereby-embed iframe').locator('main[data-fake-room="whereby"]');
    await call.waitFor();
    expect(await call.getAttribute('data-known')).toBe('true');
    expect(await call.getAttribute('data-role')).toBe('host');
    await screenshot(page, 'whereby-room', { doc: true });

    await page.frameLocator('whereby-embed iframe').getByRole('button', { name: 'Leave' }).click();
    await page.waitForURL(`${e2e.baseUrl}/`);
    await page.getByRole('heading', { name: 'Your rooms' }).waitFor();
  });

  it('loaded each SDK as its own chunk and reached nothing off the machine but the (routed) room pages', () => {
    expect(blocked).toEqual([]);
    expect(requested.filter((u) => /\/assets\/daily-esm-[^/]*\.js$/.test(u))).toHaveLength(1);
    expect(requested.filter((u) => /\/assets\/index\.esm-[^/]*\.js$/.test(u))).toHaveLength(1);
    const offMachine = requested.filter((u) => !u.startsWith(e2e.baseUrl) && !u.startsWith('data:'));
    expect(offMachine.every((u) => /^https:\/\/[a-z0-9-]+\.(daily\.co|whereby\.com)\//.test(u))).toBe(true);
  });
});
