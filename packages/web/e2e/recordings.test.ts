import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, eventually, routeOffMachine, screenshot } from './helpers/app.js';
import { openChromium, type Browser } from './helpers/chromium.js';

const e2e = inject('e2e');
const api = apiClient(e2e.baseUrl);
let browser: Browser;
let page: Page;
let blocked: string[];
let roomId: string;

const ROOM = 'recorded-standup';

beforeAll(async () => {
  browser = await openChromium();
  blocked = await routeOffMachine(browser.context, e2e);
  page = await browser.context.newPage();
  const { data, error } = await api.POST('/v1/rooms', {
    body: { name: ROOM, recording_type: 'cloud', recording_trigger: 'none', skip_consent: true },
  });
  if (!data) throw new Error(`room not created: ${JSON.stringify(error)}`);
  roomId = data.id;
});
afterAll(async () => {
  await fetch(`${e2e.openaiOrigin}/_control/faults`, { method: 'DELETE' });
  await browser.close();
});

/** The transcript list of the room, straight from the API. */
async function transcripts() {
  const { data } = await api.GET('/v1/transcripts', { params: { query: { room_id: roomId } } });
  return data?.items ?? [];
}

/** Joins the mock call, records the (fake) microphone for `seconds`, stops: the upload happens on stop. */
async function recordInTheCall(seconds: number, screenshotName?: string): Promise<void> {
  await page.getByRole('button', { name: 'Join the call' }).click();
  await page.getByRole('button', { name: 'Start recording' }).click();
  await page.getByRole('button', { name: 'Stop recording' }).waitFor();
  const indicator = page.locator('.recording-indicator[data-recording="live"]');
  await indicator.waitFor();
  expect(await indicator.textContent()).toContain('Recording');
  await page.waitForTimeout(seconds * 1000);
  if (screenshotName) await screenshot(page, screenshotName, { doc: true });
  await page.getByRole('button', { name: 'Stop recording' }).click();
  await expect.poll(() => page.locator('[data-recorder]').getAttribute('data-recorder'), { timeout: 20_000 }).toBe('saved');
  await indicator.waitFor({ state: 'detached' });
}

describe('the mock room recorder, recordings and transcripts', () => {
  it('records the microphone in the mock room, uploads it on stop, and the recording appears with its status', async () => {
    await page.goto(`${e2e.baseUrl}/${ROOM}`);
    await page.getByLabel('Your name').fill('Ann');
    await recordInTheCall(3, 'mock-room-recording');
    await screenshot(page, 'mock-room-recorded', { doc: true });
    await page.getByRole('button', { name: 'Leave the call' }).click();
    await page.waitForURL(`${e2e.baseUrl}/`);

    await page.getByRole('link', { name: `Recordings of room ${ROOM}` }).click();
    await page.getByRole('heading', { name: `Recordings of ${ROOM}` }).waitFor();
    const recording = page.locator('.recording').first();
    await recording.waitFor();
    expect(await recording.getAttribute('data-recording-status')).toBeTruthy();
    await screenshot(page, 'recordings-processing', { doc: true, fullPage: true });
  });

  it('shows the processed transcript: speakers, timestamps, summary, and audio that follows the text', async () => {
    const done = await eventually('the transcript to be done', async () => (await transcripts()).find((t) => t.status === 'done'), 90_000);
    const link = page.getByRole('link', { name: /^Open transcript/ }).first();
    await link.waitFor({ timeout: 20_000 });
    await screenshot(page, 'recordings', { doc: true, fullPage: true });
    await link.click();
    await page.waitForURL(`${e2e.baseUrl}/transcripts/${done.id}`);
    await page.getByRole('heading', { name: 'Transcript', exact: true }).waitFor();

    const segments = page.locator('.segment');
    await expect.poll(() => segments.count()).toBeGreaterThan(0);
    expect(await segments.first().locator('.segment-speaker').textContent()).toBeTruthy();
    expect(await segments.first().locator('.segment-time').textContent()).toMatch(/^\d+:\d\d$/);
    await page.getByRole('heading', { name: 'Summary' }).waitFor();
    for (const format of ['vtt', 'srt', 'txt', 'json']) {
      const href = await page.getByRole('link', { name: new RegExp(`\\.${format}\\)`) }).getAttribute('href');
      const res = await fetch(`${e2e.baseUrl}${href}`);
      expect(res.status, format).toBe(200);
    }

    // Pressing a segment plays the audio from its start, and the segment playing is highlighted.
    const last = segments.last();
    await last.getByRole('button').click();
    await expect.poll(() => page.locator('audio').evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime > 0)).toBe(true);
    await expect.poll(() => last.getAttribute('aria-current')).toBe('true');
    const audio = await page.locator('audio').evaluate((a: HTMLAudioElement) => ({ duration: a.duration, error: a.error?.code ?? null }));
    expect(audio.error).toBeNull();
    expect(audio.duration).toBeGreaterThan(1);
    await screenshot(page, 'transcript', { doc: true, fullPage: true });
  });

  it('uploads a recording when leaving the call mid-recording; a failed processing shows its error, and retries it', async () => {
    // The transcription backend refuses everything (a permanent 4xx) until the fault is cleared.
    await fetch(`${e2e.openaiOrigin}/_control/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        path: '/v1/audio/transcriptions',
        status: 400,
        times: -1,
        body: { error: { message: 'Invalid file format.', type: 'invalid_request_error' } },
      }),
    });
    // Leaving the call while recording stops the recording and uploads it before leaving.
    await page.goto(`${e2e.baseUrl}/${ROOM}`);
    await page.getByRole('button', { name: 'Join the call' }).click();
    await page.getByRole('button', { name: 'Start recording' }).click();
    await page.getByRole('button', { name: 'Stop recording' }).waitFor();
    await page.waitForTimeout(2_000);
    const uploaded = page.waitForResponse((r) => r.url().includes('/recordings?recording_id=') && r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Leave the call' }).click();
    expect((await uploaded).status()).toBe(201);
    await page.waitForURL(`${e2e.baseUrl}/`);

    const failed = await eventually('a transcript to fail', async () => (await transcripts()).find((t) => t.status === 'error'), 90_000);
    await page.goto(`${e2e.baseUrl}/rooms/${roomId}/recordings`);
    const item = page.locator(`[data-transcript-status="error"]`).first();
    await item.waitFor({ timeout: 20_000 });
    expect(await item.locator('[data-processing-error]').textContent()).toBeTruthy();
    await screenshot(page, 'recordings-failed', { doc: true, fullPage: true });

    await fetch(`${e2e.openaiOrigin}/_control/faults`, { method: 'DELETE' });
    await item.getByRole('button', { name: 'Retry processing' }).click();
    await eventually(
      'the retried transcript to be done',
      async () => ((await transcripts()).find((t) => t.id === failed.id)?.status === 'done' ? true : undefined),
      90_000,
    );
    await page.locator(`[data-transcript-status="error"]`).waitFor({ state: 'detached', timeout: 20_000 });
  });

  it('made no request off the machine', () => {
    expect(blocked).toEqual([]);
  });
});
