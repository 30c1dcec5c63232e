import { describe, expect, it } from 'vitest';
import { loadSummarizer, loadTranscriber, summaryBackends, transcriptionBackends } from './registry.js';

describe('registry', () => {
  it('lists each backend once, with unique names and documented variables', () => {
    for (const list of [transcriptionBackends, summaryBackends]) {
      const names = list.map((b) => b.name);
      expect(new Set(names).size).toBe(names.length);
      for (const backend of list) for (const variable of backend.requiredEnv) expect(backend.envVars).toHaveProperty(variable);
    }
  });

  it('reports missing variables with a message naming them', () => {
    expect(loadTranscriber({})).toEqual({
      ok: false,
      missing: ['TRANSCRIPTION_URL', 'TRANSCRIPTION_MODEL'],
      message:
        'Transcription is not configured: set TRANSCRIPTION_URL and TRANSCRIPTION_MODEL (and TRANSCRIPTION_API_KEY if your server needs a key).',
    });
    expect(loadSummarizer({ LLM_URL: 'http://x' })).toMatchObject({ ok: false, missing: ['LLM_MODEL'] });
  });

  it('builds the configured backends', () => {
    const t = loadTranscriber({ TRANSCRIPTION_URL: 'http://x', TRANSCRIPTION_MODEL: 'm' });
    expect(t.ok && t.backend.backend).toBe('openai');
    const s = loadSummarizer({ LLM_URL: 'http://x', LLM_MODEL: 'm', SUMMARY_BACKEND: 'openai-chat' });
    expect(s.ok && s.backend.capabilities.maxInputChars).toBe(24_000);
  });

  it('refuses an unknown backend name, listing the known ones', () => {
    expect(() => loadTranscriber({ TRANSCRIPTION_BACKEND: 'deepgram' })).toThrow('TRANSCRIPTION_BACKEND must be one of openai.');
  });
});
