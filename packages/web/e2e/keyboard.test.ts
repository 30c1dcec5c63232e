import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, routeOffMachine, screenshot } from './helpers/app.js';
import { openChromium, type Browser } from './helpers/chromium.js';

const e2e = inject('e2e');
const api = apiClient(e2e.baseUrl);
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await openChromium();
  await routeOffMachine(browser.context, e2e);
  page = await browser.context.newPage();
});
afterAll(async () => browser.close());

/** What has the focus: `input:text:name`, `input:radio:platform=daily`, `button:Create room`, `a:Skip to content`. */
function focused(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return 'body';
    const tag = el.tagName.toLowerCase();
    if (tag === 'input') return el.type === 'radio' ? `input:radio:${el.name}=${el.value}` : `input:${el.type}:${el.name}`;
    return `${tag}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim()}`;
  });
}

async function press(key: string, expected?: string): Promise<void> {
  await page.keyboard.press(key);
  if (expected) expect(await focused(), `after ${key}`).toBe(expected);
}

/** A Standard Webhooks signing secret: whsec_ and 32 bytes in base64. */
const WEBHOOK_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describe('keyboard only', () => {
  it('fills in and submits the create form without a pointer, landing on the field to fix', async () => {
    await page.goto(`${e2e.baseUrl}/rooms/new`);
    await page.getByRole('heading', { name: 'New room' }).waitFor();
    await expect.poll(() => page.getByRole('radio').count()).toBeGreaterThan(3);

    await press('Tab', 'a:Skip to content');
    await press('Enter');
    await press('Tab', 'input:text:name');
    await page.keyboard.type('keyboard-room');
    await press('Tab', 'input:radio:platform=mock');
    await press('ArrowDown', 'input:radio:platform=whereby');
    await press('ArrowDown', 'input:radio:platform=daily');
    await press('Tab', 'input:checkbox:is_locked');
    await press('Space');
    await press('Tab', 'input:radio:room_mode=normal');
    await press('ArrowDown', 'input:radio:room_mode=group');
    await press('Tab', 'input:text:room_size');
    await page.keyboard.type('twelve');
    await press('Tab', 'input:radio:recording_type=none');
    await press('ArrowDown', 'input:radio:recording_type=local');
    await press('ArrowDown', 'input:radio:recording_type=cloud');
    await press('Tab', 'input:radio:recording_trigger=automatic-2nd-participant');
    await press('ArrowUp', 'input:radio:recording_trigger=automatic');
    await press('Tab', 'input:checkbox:skip_consent');
    await press('Tab', 'input:url:webhook_url');
    await page.keyboard.type('https://hooks.example.com/meetbridge');
    await press('Tab', 'input:password:webhook_secret');
    await page.keyboard.type(WEBHOOK_SECRET);
    await press('Tab', 'button:Create room');
    await press('Enter');

    // Not a number: refused before sending, and the focus is on the field to fix.
    await expect.poll(focused).toBe('input:text:room_size');
    await page.getByText('Enter a whole number').waitFor();
    await screenshot(page, 'room-form-keyboard-error', { fullPage: true });
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('12');
    await press('Enter');

    await page.getByRole('heading', { name: 'Your rooms' }).waitFor();
    const { data } = await api.GET('/v1/rooms/name/{room_name}', { params: { path: { room_name: 'keyboard-room' } } });
    expect(data).toMatchObject({
      platform: 'daily',
      is_locked: true,
      room_mode: 'group',
      room_size: 12,
      recording_type: 'cloud',
      recording_trigger: 'automatic',
      skip_consent: false,
      webhook_url: 'https://hooks.example.com/meetbridge',
      // Write-only: the API says that a secret is set, never what it is.
      webhook_secret_set: true,
    });
    expect(data).not.toHaveProperty('webhook_secret');
  });

  it('reaches every row action of the room list with Tab and opens the edit form with Enter', async () => {
    await page.goto(`${e2e.baseUrl}/`);
    await page.locator('tr[data-room="keyboard-room"]').waitFor();
    for (let i = 0; i < 40 && (await focused()) !== 'a:Recordings of room keyboard-room'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('a:Recordings of room keyboard-room');
    await press('Tab', 'a:Edit room keyboard-room');
    await press('Tab', 'button:Delete room keyboard-room');
    await press('Shift+Tab');
    await press('Enter');
    await page.getByRole('heading', { name: 'Edit room' }).waitFor();
    // After a client-side navigation the new page's heading has the focus.
    await expect.poll(focused).toBe('h1:Edit room');
    expect(await page.getByLabel('Name').inputValue()).toBe('keyboard-room');
    await screenshot(page, 'room-form-edit', { doc: true, fullPage: true });
  });
});
