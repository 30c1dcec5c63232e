import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { deriveSummary, startOpenAiFake, type OpenAiFake } from '../src/index.js';

let fake: OpenAiFake;
beforeAll(async () => {
  fake = await startOpenAiFake({ apiKey: 'sk-chat', now: () => 1_700_000_000_000 });
});
afterAll(async () => fake.close());
afterEach(() => fake.control.reset());

const TRANSCRIPT = [
  '[00:00:01] Ann: Welcome everyone.',
  '[00:00:05] Bob: I will send the notes.',
  '[00:00:09] Ann: TODO book the room.',
].join('\n');

async function chat(body: Record<string, unknown>, key = 'sk-chat') {
  const res = await fetch(`${fake.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const request = {
  model: 'gpt-4o-mini',
  response_format: { type: 'json_object' },
  messages: [
    { role: 'system', content: 'Summarize the meeting as JSON.' },
    { role: 'user', content: TRANSCRIPT },
  ],
};

describe('chat completions', () => {
  it('answers with a chat.completion whose content is a summary derived from the transcript', async () => {
    const res = await chat(request);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ object: 'chat.completion', created: 1_700_000_000, model: 'gpt-4o-mini' });
    expect(res.body.choices[0]).toMatchObject({ index: 0, finish_reason: 'stop', message: { role: 'assistant' } });
    expect(JSON.parse(res.body.choices[0].message.content)).toEqual({
      title: 'Meeting with Ann, Bob',
      summary: '3 lines from 2 speaker(s). It opened with: "Welcome everyone."',
      topics: [
        { title: 'Ann', summary: '2 contribution(s) by Ann.' },
        { title: 'Bob', summary: '1 contribution(s) by Bob.' },
      ],
      action_items: ['Bob: I will send the notes.', 'Ann: TODO book the room.'],
    });
    expect(res.body.usage.total_tokens).toBeGreaterThan(0);
  });

  it('merges partial summaries sent as JSON lines', () => {
    const a = JSON.stringify({ title: 'Part 1', summary: 'A.', topics: [{ title: 't1', summary: 's1' }], action_items: ['x'] });
    const b = JSON.stringify({ title: 'Part 2', summary: 'B.', topics: [], action_items: ['y'] });
    expect(deriveSummary(`Combine these:\n${a}\n${b}`)).toEqual({
      title: 'Part 1',
      summary: 'A. B.',
      topics: [{ title: 't1', summary: 's1' }],
      action_items: ['x', 'y'],
    });
  });

  it('returns unusable output the next N times when told to, then valid JSON again', async () => {
    fake.control.failChatWithInvalidOutput(1, 'not_json');
    const prose: string = (await chat(request)).body.choices[0].message.content;
    expect(() => JSON.parse(prose)).toThrow();
    await fetch(`${fake.url}/_control/chat/invalid-output`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ times: 1, kind: 'wrong_shape' }),
    });
    expect(JSON.parse((await chat(request)).body.choices[0].message.content)).toEqual({ title: 42, topics: 'none' });
    expect(JSON.parse((await chat(request)).body.choices[0].message.content).title).toBe('Meeting with Ann, Bob');
  });

  it('rejects JSON mode when no message mentions JSON, as OpenAI does', async () => {
    const res = await chat({ ...request, messages: [{ role: 'user', content: 'Summarize.' }] });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ param: 'messages', type: 'invalid_request_error' });
    expect(res.body.error.message).toContain("must contain the word 'json'");
  });

  it('answers 400 for a missing model or messages and 401 for a wrong key', async () => {
    const noModel = await chat({ messages: request.messages });
    expect([noModel.status, noModel.body.error.message]).toEqual([400, 'you must provide a model parameter']);
    expect((await chat({ model: 'm', messages: [] })).status).toBe(400);
    expect((await chat(request, 'nope')).status).toBe(401);
  });

  it('applies faults to chat too and records the JSON body', async () => {
    fake.control.setFault({ path: '/v1/chat/completions', status: 500 });
    const res = await chat(request);
    expect([res.status, res.body.error.type]).toEqual([500, 'server_error']);
    expect(fake.control.requests()[0]).toMatchObject({ path: '/v1/chat/completions', status: 500, json: { model: 'gpt-4o-mini' } });
  });
});
