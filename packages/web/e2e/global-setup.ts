/**
 * Once for all browser tests: check Chromium, make sure the web app is built, and start the provider
 * fakes and one Meetbridge server wired to them, both as processes from source, as a developer runs
 * them (`npm run dev:fakes`, `npm run dev`): mock is the default platform; Whereby and Daily are
 * configured, Daily switched on. Tests get the URLs through `inject('e2e')`.
 */
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureWebBuilt } from '../scripts/ensure-built.mjs';
import { assertChromium } from './helpers/chromium.js';
import { freePort, startFakes, startMeetbridge } from './helpers/server.js';

export const ARTIFACTS = resolve(import.meta.dirname, '../test-results');

export interface E2eContext {
  /** Meetbridge, serving the built web app. */
  baseUrl: string;
  /** The fakes' origins, where `/_rooms/<room>` serves their stand-in call pages. */
  wherebyOrigin: string;
  dailyOrigin: string;
  /** The OpenAI fake (transcription and summary backend): `/_control/faults` makes it fail. */
  openaiOrigin: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eContext;
  }
}

export default async function setup(project: TestProject) {
  assertChromium();
  ensureWebBuilt();
  await mkdir(join(ARTIFACTS, 'screenshots'), { recursive: true });

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const fakes = await startFakes(base, join(ARTIFACTS, 'fakes.log'));
  const server = await startMeetbridge(
    port,
    { ...fakes.env, DEFAULT_VIDEO_PLATFORM: 'mock', DAILY_MIGRATION_ENABLED: 'true', RECONCILE_INTERVAL_SECONDS: '5' },
    join(ARTIFACTS, 'server.log'),
  ).catch(async (error: unknown) => {
    await fakes.stop();
    throw error;
  });
  project.provide('e2e', {
    baseUrl: server.url,
    wherebyOrigin: fakes.wherebyOrigin,
    dailyOrigin: fakes.dailyOrigin,
    openaiOrigin: fakes.openaiOrigin,
  });

  return async () => {
    await server.stop();
    await fakes.stop();
  };
}
