import { startOpenAiFake, type OpenAiFake } from '@meetbridge/fakes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openAiChatBackend } from '../src/backends/openai-chat/index.js';
import { PipelineError } from '../src/core/errors.js';
import type { SummaryInputLine } from '../src/core/summarizer.js';

let fake: OpenAiFake;
beforeAll(async () => {
  fake = await startOpenAiFake({ apiKey: 'sk-llm' });
});
afterAll(async () => fake.close());
beforeEach(() => fake.control.reset());

function summarizer(env: Record<string, string> = {}) {
  const loaded = openAiChatBackend.loadConfig({ LLM_URL: fake.url, LLM_MODEL: 'gpt-4o-mini', LLM_API_KEY: 'sk-llm', ...env });
  if (!loaded.ok) throw new Error('config');
  return openAiChatBackend.create(loaded.config, { sleep: async () => {} });
}

const lines: SummaryInputLine[] = [
  { speaker: 'Ann', start: 1, text: 'Welcome to the planning call.' },
  { speaker: 'Bob', start: 6.5, text: 'I will draft the budget by Friday.' },
  { speaker: 'Ann', start: 12, text: 'Great, and I will book the venue.' },
  { speaker: 'Cleo', start: 3700, text: 'TODO: send the minutes.' },
];

describe('openai-chat summarizer against the OpenAI fake', () => {
  it('asks once in JSON mode with the schema in the prompt and returns the validated summary', async () => {
    const summary = await summarizer().summarize({ lines });
    expect(summary).toEqual({
      title: 'Meeting with Ann, Bob, Cleo',
      summary: '4 lines from 3 speaker(s). It opened with: "Welcome to the planning call."',
      topics: [
        { title: 'Ann', summary: '2 contribution(s) by Ann.' },
        { title: 'Bob', summary: '1 contribution(s) by Bob.' },
        { title: 'Cleo', summary: '1 contribution(s) by Cleo.' },
      ],
      actionItems: ['Bob: I will draft the budget by Friday.', 'Ann: Great, and I will book the venue.', 'Cleo: TODO: send the minutes.'],
    });
    const [request] = fake.control.requests();
    expect(request!.headers.authorization).toBe('Bearer sk-llm');
    const body = request!.json as { response_format: unknown; messages: { role: string; content: string }[] };
    expect(body.response_format).toEqual({ type: 'json_object' });
    expect(body.messages[0]!.content).toContain('"action_items": [string');
    expect(body.messages[1]!.content).toContain('[01:01:40] Cleo: TODO: send the minutes.');
  });

  it('summarizes a long transcript in parts and combines them, keeping every action item', async () => {
    const summary = await summarizer({ LLM_MAX_INPUT_CHARS: '90' }).summarize({ lines });
    const requests = fake.control.requests();
    expect(requests.length).toBeGreaterThan(2);
    const last = (requests.at(-1)!.json as { messages: { content: string }[] }).messages[1]!.content;
    expect(last).toMatch(/^These JSON objects summarize consecutive parts/);
    expect(summary.actionItems).toEqual([
      'Bob: I will draft the budget by Friday.',
      'Ann: Great, and I will book the venue.',
      'Cleo: TODO: send the minutes.',
    ]);
  });

  it('asks once more, saying what was wrong, when the reply is not valid', async () => {
    fake.control.failChatWithInvalidOutput(1, 'wrong_shape');
    const summary = await summarizer().summarize({ lines });
    expect(summary.title).toBe('Meeting with Ann, Bob, Cleo');
    const requests = fake.control.requests();
    expect(requests).toHaveLength(2);
    const retry = (requests[1]!.json as { messages: { role: string; content: string }[] }).messages;
    expect(retry.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(retry[3]!.content).toMatch(/^That reply was not usable: it does not match the schema \(title:/);
  });

  it('fails permanently when the reply is unusable twice', async () => {
    fake.control.failChatWithInvalidOutput(2, 'not_json');
    const error = await summarizer()
      .summarize({ lines })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: 'backend_invalid_output', permanent: true, backend: 'openai-chat' });
    expect(fake.control.requests()).toHaveLength(2);
  });

  it('classifies HTTP failures: 401 permanent, lasting 500 transient', async () => {
    const unauthorized = await summarizer({ LLM_API_KEY: 'sk-wrong' })
      .summarize({ lines })
      .catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ code: 'backend_rejected', permanent: true, status: 401 });
    fake.control.setFault({ path: '/v1/chat/completions', status: 500, times: 5 });
    const down = await summarizer()
      .summarize({ lines })
      .catch((e: unknown) => e);
    expect(down).toMatchObject({ code: 'backend_unavailable', permanent: false, status: 500 });
  });

  it('does not call the model for an empty transcript', async () => {
    expect((await summarizer().summarize({ lines: [] })).topics).toEqual([]);
    expect(fake.control.requests()).toHaveLength(0);
  });
});
