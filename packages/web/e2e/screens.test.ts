import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
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
  await api.POST('/v1/rooms', { body: { name: 'screens' } });
});
beforeEach(async () => {
  page = await browser.context.newPage();
});
afterEach(async () => page.close());
afterAll(async () => browser.close());

const problem = (status: number, code: string, detail: string) => ({
  status,
  contentType: 'application/problem+json',
  body: JSON.stringify({ type: `urn:meetbridge:problem:${code}`, title: 'Error', status, detail }),
});

/** The built file of a source module (the provider chunks have hashed names). */
function builtFile(src: string): string {
  const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../dist/.vite/manifest.json'), 'utf8')) as Record<
    string,
    { file: string; src?: string }
  >;
  const chunk = Object.values(manifest).find((c) => c.src === src);
  if (!chunk) throw new Error(`${src} is not in the build`);
  return chunk.file;
}

const mockRoom = () => page.getByRole('heading', { name: 'Mock video room' }).waitFor();

describe('room page screens', () => {
  it('room not found', async () => {
    await page.goto(`${e2e.baseUrl}/no-such-room`);
    await page.locator('[data-screen="room-not-found"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Room not found');
    await screenshot(page, 'screen-room-not-found', { doc: true });
    await page.getByRole('link', { name: 'Back to your rooms' }).click();
    await page.waitForURL(`${e2e.baseUrl}/`);
  });

  it('provider temporarily unavailable (503 with Retry-After): counts down, then tries again by itself', async () => {
    let refused = 0;
    await page.route('**/v1/rooms/screens/meeting', async (route) => {
      if (refused++ > 0) return route.continue();
      return route.fulfill({
        ...problem(503, 'unavailable', 'The service is temporarily unavailable; retry shortly.'),
        headers: { 'retry-after': '2' },
      });
    });
    await page.goto(`${e2e.baseUrl}/screens`);
    await page.locator('[data-screen="provider-unavailable"]').waitFor();
    await page.getByText(/Trying again in [12] s/).waitFor();
    await screenshot(page, 'screen-provider-unavailable', { doc: true });
    await mockRoom();
    expect(refused).toBe(2);
  });

  it('provider failed to load: its chunk did not download; Retry loads it', async () => {
    const chunk = builtFile('src/platforms/mock/room.tsx');
    let aborted = 0;
    await page.route(`**/${chunk}`, (route) => (aborted++ === 0 ? route.abort('connectionreset') : route.continue()));
    await page.goto(`${e2e.baseUrl}/screens`);
    await page.locator('[data-screen="provider-load-failed"]').waitFor();
    await screenshot(page, 'screen-provider-load-failed', { doc: true });
    await page.getByRole('button', { name: 'Retry' }).click();
    await mockRoom();
    expect(aborted).toBe(2);
  });

  it('meeting ended (409 on reserving a place): starting a new meeting goes on', async () => {
    let refused = 0;
    await page.route('**/v1/rooms/screens/meetings/*/joining', (route) =>
      refused++ === 0 ? route.fulfill(problem(409, 'conflict', 'This meeting has ended.')) : route.continue(),
    );
    await page.goto(`${e2e.baseUrl}/screens`);
    await page.locator('[data-screen="meeting-ended"]').waitFor();
    await screenshot(page, 'screen-meeting-ended', { doc: true });
    await page.getByRole('button', { name: 'Start a new meeting' }).click();
    await mockRoom();
  });

  it('locked room: a guest waits for the host, and goes in once someone is in the meeting', async () => {
    await api.POST('/v1/rooms', { body: { name: 'locked-room', is_locked: true } });
    // Everyone owns every room with AUTH_BACKEND=none; answer this page as a guest would be answered.
    await page.route('**/v1/rooms/locked-room/meetings/*/join', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...((await response.json()) as object), is_owner: false } });
    });
    await page.goto(`${e2e.baseUrl}/locked-room`);
    await page.locator('[data-screen="waiting-for-host"]').waitFor();
    await screenshot(page, 'screen-waiting-for-host', { doc: true });

    const { data } = await api.GET('/v1/meetings', { params: { query: { active: 'true' } } });
    const meeting = data!.items.find((m) => m.room_name === 'locked-room')!;
    await api.POST('/mock/rooms/{provider_room_name}/participants', {
      params: { path: { provider_room_name: meeting.provider_room_name } },
      body: { user_name: 'The host' },
    });
    await mockRoom();
    await page.getByText('The host').waitFor();
  });
});
