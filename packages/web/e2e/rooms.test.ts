import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, eventually, routeOffMachine, screenshot } from './helpers/app.js';
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
});
afterAll(async () => browser.close());

describe('rooms admin and the mock room', () => {
  it('creates a room in the UI, shows the API field errors next to the fields, and lists it', async () => {
    await page.goto(`${e2e.baseUrl}/`);
    await page.getByRole('heading', { name: 'Your rooms' }).waitFor();
    await page.getByRole('link', { name: 'New room' }).first().click();
    await page.getByRole('heading', { name: 'New room' }).waitFor();
    await expect.poll(() => page.getByRole('radio').count()).toBeGreaterThan(3);

    await page.getByLabel('Name').fill('Not Valid');
    await page.getByRole('button', { name: 'Create room' }).click();
    const nameError = page.locator('.field', { has: page.getByLabel('Name') }).locator('.field-error');
    await expect.poll(() => nameError.textContent()).toContain('lower-case');
    expect(await page.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    // The first field the server named has the focus.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
    await screenshot(page, 'room-form-field-error', { doc: true, fullPage: true });

    await page.getByLabel('Name').fill('team-standup');
    await page.getByRole('button', { name: 'Create room' }).click();
    await page.getByRole('heading', { name: 'Your rooms' }).waitFor();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('team-standup');
    const row = page.locator('tr[data-room="team-standup"]');
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toBe('Mock (built-in)');
    const { data } = await api.GET('/v1/rooms/name/{room_name}', { params: { path: { room_name: 'team-standup' } } });
    expect(data).toMatchObject({ platform: 'mock', is_locked: false, recording_type: 'none' });
  });

  it('opens the room, joins and leaves the mock call, and the server sees both through the signed webhooks', async () => {
    await page.getByRole('link', { name: 'Open room team-standup' }).click();
    await page.waitForURL(`${e2e.baseUrl}/team-standup`);
    await page.getByRole('heading', { name: 'Mock video room' }).waitFor();
    await page.getByLabel('Your name').fill('Ann');
    await screenshot(page, 'mock-room-before-join');
    await page.getByRole('button', { name: 'Join the call' }).click();
    await page.getByText('Ann (you)').waitFor();

    const meetingId = await eventually('the meeting with Ann in it', async () => {
      const { data } = await api.GET('/v1/meetings', { params: { query: { active: 'true' } } });
      const meeting = data?.items.find((m) => m.room_name === 'team-standup');
      return meeting && meeting.num_clients === 1 ? meeting.id : undefined;
    });
    const joined = await api.GET('/v1/meetings/{meeting_id}', { params: { path: { meeting_id: meetingId } } });
    expect(joined.data?.participants).toEqual([expect.objectContaining({ user_name: 'Ann', left_at: null })]);
    await screenshot(page, 'mock-room', { doc: true });

    // The room list, in a second tab, shows the live meeting and who is in it.
    const list = await browser.context.newPage();
    await list.goto(`${e2e.baseUrl}/`);
    await expect.poll(() => list.locator('tr[data-room="team-standup"] [data-cell="participants"]').textContent()).toBe('1');
    await screenshot(list, 'rooms-list', { doc: true });
    await list.close();

    await page.getByRole('button', { name: 'Leave the call' }).click();
    await page.waitForURL(`${e2e.baseUrl}/`);
    await eventually('Ann to have left', async () => {
      const { data } = await api.GET('/v1/meetings/{meeting_id}', { params: { path: { meeting_id: meetingId } } });
      return data && data.num_clients === 0 && data.participants?.every((p) => p.left_at !== null) ? true : undefined;
    });
  });

  it('deletes a room after confirmation (Escape cancels)', async () => {
    await api.POST('/v1/rooms', { body: { name: 'short-lived' } });
    await page.goto(`${e2e.baseUrl}/`);
    const remove = page.getByRole('button', { name: 'Delete room short-lived' });
    await remove.click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await screenshot(page, 'delete-room-dialog', { doc: true });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Delete room short-lived');

    await remove.click();
    await dialog.getByRole('button', { name: 'Delete room' }).click();
    await page.locator('tr[data-room="short-lived"]').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('deleted');
    const { response } = await api.GET('/v1/rooms/name/{room_name}', { params: { path: { room_name: 'short-lived' } } });
    expect(response.status).toBe(404);
  });

  it('made no request off the machine', () => {
    expect(blocked).toEqual([]);
  });
});
