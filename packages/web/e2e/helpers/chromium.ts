import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); `CHROMIUM_PATH` overrides it. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** Throws, never skips: a test run without a browser must not pass. */
export function assertChromium(): void {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(
      `The browser tests need Chromium at ${path}, which does not exist. Install it (Debian/Ubuntu: apt-get install -y chromium; .ci/run does this) or set CHROMIUM_PATH to a Chromium or Chrome binary. They are part of npm test and never skipped.`,
    );
  }
}

/**
 * How Chromium runs under test: headless, no sandbox (containers), no GPU, no QUIC, nothing talking to
 * Google on its own, and fake media devices that grant the microphone and camera without a prompt.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (`--user-data-dir` in a new temporary directory). */
export async function openChromium(): Promise<Browser> {
  assertChromium();
  const profile = await mkdtemp(join(tmpdir(), 'meetbridge-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
