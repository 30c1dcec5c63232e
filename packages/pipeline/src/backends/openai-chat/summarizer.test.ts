import { describe, expect, it } from 'vitest';
import { loadOpenAiChatConfig } from './config.js';
import { groupLines, systemPrompt, transcriptLine } from './prompts.js';
import { extractJson, readSummary } from './summarizer.js';

describe('loadOpenAiChatConfig', () => {
  it('names unset variables and reads the rest with defaults', () => {
    expect(loadOpenAiChatConfig({ LLM_API_KEY: 'k' })).toEqual({ ok: false, missing: ['LLM_URL', 'LLM_MODEL'] });
    expect(loadOpenAiChatConfig({ LLM_URL: 'http://localhost:11434/', LLM_MODEL: 'llama3.1', LLM_JSON_MODE: 'false' })).toEqual({
      ok: true,
      config: {
        url: 'http://localhost:11434',
        apiKey: null,
        model: 'llama3.1',
        jsonMode: false,
        maxInputChars: 24_000,
        timeoutMs: 120_000,
      },
    });
  });
});

describe('readSummary', () => {
  const valid = {
    title: 'Sync',
    summary: 'We met.',
    topics: [{ title: 'Plan', summary: 'Agreed.' }],
    action_items: ['Ann books the room'],
  };

  it('accepts the schema, also inside a Markdown fence, and maps action_items', () => {
    expect(readSummary('```json\n' + JSON.stringify(valid) + '\n```')).toEqual({
      ok: true,
      summary: { title: 'Sync', summary: 'We met.', topics: [{ title: 'Plan', summary: 'Agreed.' }], actionItems: ['Ann books the room'] },
    });
  });

  it('says what is wrong: not JSON, or which fields break the schema', () => {
    expect(readSummary('Sure! Everyone agreed.')).toMatchObject({ ok: false, problem: expect.stringContaining('not JSON') });
    const wrong = readSummary(JSON.stringify({ title: 42, topics: 'none' }));
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problem).toMatch(/does not match the schema \(title: .*; summary: .*; topics: .*\)/);
  });

  it('extracts the outermost object from surrounding prose', () => {
    expect(extractJson('Here: {"a": {"b": 1}} done')).toEqual({ a: { b: 1 } });
    expect(() => extractJson('none')).toThrow();
  });
});

describe('prompts', () => {
  it('formats transcript lines and groups them under the character limit', () => {
    expect(transcriptLine({ speaker: 'Ann', start: 3723.4, text: 'Hello\n  there' })).toBe('[01:02:03] Ann: Hello there');
    expect(groupLines(['aaaa', 'bbbb', 'cccc'], 10)).toEqual([['aaaa', 'bbbb'], ['cccc']]);
    expect(groupLines(['x'.repeat(30)], 10)).toEqual([['x'.repeat(10)]]);
    expect(groupLines(['{"a":1}', 'y'.repeat(30), 'z'], 10, false)).toEqual([['{"a":1}'], ['y'.repeat(30)], ['z']]);
  });

  it('mentions JSON (OpenAI JSON mode needs it) and the language when given', () => {
    expect(systemPrompt('de')).toMatch(/JSON.*"de"/);
    expect(systemPrompt(null)).toContain("transcript's language");
  });
});
