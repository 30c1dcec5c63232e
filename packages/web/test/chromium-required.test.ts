import { afterEach, describe, expect, it } from 'vitest';
import { assertChromium, chromiumPath } from '../e2e/helpers/chromium.js';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('the browser tests without Chromium', () => {
  it('fail with a message saying how to install it (the global setup calls this first; nothing is skipped)', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(chromiumPath()).toBe('/nonexistent/chromium');
    expect(() => assertChromium()).toThrow(/need Chromium at \/nonexistent\/chromium.*apt-get install -y chromium/);
  });

  it("use Debian's /usr/bin/chromium by default", () => {
    delete process.env.CHROMIUM_PATH;
    expect(chromiumPath()).toBe('/usr/bin/chromium');
  });
});
