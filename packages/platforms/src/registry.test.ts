import { describe, expect, it } from 'vitest';
import { getProvider, isPlatformName, platformNames, providers, redactedWebhookHeaders, webhookEndpoints, webhookUrl } from './registry.js';

describe('registry', () => {
  it('lists mock, whereby and daily, one line each', () => {
    expect(platformNames).toEqual(['mock', 'whereby', 'daily']);
    expect(providers.map((p) => p.displayName)).toEqual(['Mock (built-in)', 'Whereby', 'Daily']);
  });

  it('recognises registered names only', () => {
    expect(isPlatformName('daily')).toBe(true);
    expect(isPlatformName('zoom')).toBe(false);
  });

  it('returns a module by name and refuses unknown names', () => {
    expect(getProvider('whereby').name).toBe('whereby');
    expect(() => getProvider('zoom')).toThrow(/Unknown platform/);
  });

  it('declares every capability of every provider as data', () => {
    for (const p of providers) expect(Object.keys(p.capabilities)).toHaveLength(15);
  });

  it('gives the URL a provider must send its webhooks to: BASE_URL and its first webhook path', () => {
    expect(webhookUrl('https://meet.example.com/', 'daily')).toBe('https://meet.example.com/v1/daily/webhook');
    expect(webhookUrl('http://127.0.0.1:1250', 'whereby')).toBe('http://127.0.0.1:1250/v1/whereby');
  });

  it('lists one webhook endpoint per declared path, no path twice', () => {
    expect(webhookEndpoints()).toEqual([
      { provider: 'mock', path: '/v1/mock/webhook' },
      { provider: 'whereby', path: '/v1/whereby' },
      { provider: 'daily', path: '/v1/daily/webhook' },
    ]);
    const paths = webhookEndpoints().map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("collects every provider's signature headers for log redaction, lower-case and once each", () => {
    expect(redactedWebhookHeaders()).toEqual(['webhook-signature', 'whereby-signature', 'x-webhook-signature']);
  });
});
