import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, routeOffMachine, screenshot } from './helpers/app.js';
import { openChromium, type Browser } from './helpers/chromium.js';

const e2e = inject('e2e');
const api = apiClient(e2e.baseUrl);
let browser: Browser;
let page: Page;
let blocked: string[];

beforeAll(async () => {
  browser = await openChromium();
  blocked = await routeOffMachine(browser.context, e2e);
  page = await browser.context.newPage();
  for (const [name, skip] of [
    ['consent-asked', false],
    ['consent-skipped', true],
  ] as const) {
    const { error } = await api.POST('/v1/rooms', {
      body: { name, recording_type: 'cloud', recording_trigger: 'none', skip_consent: skip },
    });
    if (error) throw new Error(`room ${name} not created: ${JSON.stringify(error)}`);
  }
});
afterAll(async () => browser.close());

/** What has the focus: `button:Yes, record me`, `section:This meeting is recorded…`. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`;
  });

describe('recording consent', () => {
  it('asks in a non-blocking dialog answered by keyboard, sends the answer, and does not ask again on reload', async () => {
    await page.goto(`${e2e.baseUrl}/consent-asked`);
    const dialog = page.getByRole('dialog', { name: 'This meeting is recorded' });
    await dialog.waitFor();
    // Not modal: the call behind it stays usable.
    expect(await dialog.getAttribute('aria-modal')).toBeNull();
    await page.getByRole('button', { name: 'Join the call' }).waitFor();
    await screenshot(page, 'consent-dialog', { doc: true });

    // The dialog has the focus when it appears; Tab reaches the first answer, Enter gives it.
    await expect.poll(focused).toMatch(/^section:This meeting is recorded/);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:Yes, record me');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:No, do not keep my audio');
    await page.keyboard.press('Shift+Tab');
    const sent = page.waitForResponse((r) => r.url().endsWith('/consent') && r.request().method() === 'POST');
    await page.keyboard.press('Enter');
    const response = await sent;
    expect(response.status()).toBe(200);
    const body = response.request().postDataJSON() as { consent_given: boolean; device_id: string };
    expect(body).toEqual({ consent_given: true, device_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(await response.json()).toMatchObject({ consent_given: true, skipped: false });
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('.recording-consent').getAttribute('data-consent')).toBe('given');

    // Remembered for this meeting in this browser: a reload does not ask again.
    await page.reload();
    await page.getByRole('button', { name: 'Join the call' }).waitFor();
    await expect.poll(() => page.locator('.recording-consent').getAttribute('data-consent')).toBe('given');
    expect(await page.getByRole('dialog').count()).toBe(0);
    // The device id is kept: the next answer (another meeting) comes from the same device.
    expect(await page.evaluate(() => localStorage.getItem('meetbridge.device-id'))).toBe(body.device_id);
  });

  it('does not ask in a room that skips consent', async () => {
    await page.goto(`${e2e.baseUrl}/consent-skipped`);
    await page.getByRole('button', { name: 'Join the call' }).waitFor();
    expect(await page.locator('.recording-consent').getAttribute('data-consent')).toBe('not-asked');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('made no request off the machine', () => {
    expect(blocked).toEqual([]);
  });
});
