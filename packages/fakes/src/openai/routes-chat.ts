import type { FastifyInstance, FastifyReply } from 'fastify';
import type { OpenAiFakeState } from './control.js';
import { openAiError, sendOpenAiError } from './errors.js';

/**
 * `POST /v1/chat/completions`, after https://platform.openai.com/docs/api-reference/chat/create:
 * `model` and `messages` are required; `response_format: {type: 'json_object'}` needs the word
 * "json" somewhere in the messages (https://platform.openai.com/docs/guides/structured-outputs#json-mode).
 * The answer is a meeting summary derived from the user messages, so tests can predict it:
 * transcript lines `[HH:MM:SS] Name: text` give the title, a topic per speaker and, as action
 * items, the lines that say "will" or "todo"; lines that are JSON objects (partial summaries sent
 * to be combined) are merged.
 */

interface ChatMessage {
  role?: unknown;
  content?: unknown;
}

interface DerivedSummary {
  title: string;
  summary: string;
  topics: { title: string; summary: string }[];
  action_items: string[];
}

const LINE = /^\[(\d{1,2}:\d{2}(?::\d{2})?)\]\s*([^:]+):\s*(.+)$/;

/** The text of a message's `content` (a string, or text parts). */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((p) => (typeof p === 'object' && p !== null && 'text' in p ? String(p.text) : '')).join('\n');
  return '';
}

function asPartial(line: string): DerivedSummary | null {
  if (!line.trim().startsWith('{')) return null;
  try {
    const value = JSON.parse(line) as Partial<DerivedSummary>;
    if (typeof value.title !== 'string') return null;
    return { title: value.title, summary: String(value.summary ?? ''), topics: value.topics ?? [], action_items: value.action_items ?? [] };
  } catch {
    return null;
  }
}

/** The deterministic summary of a prompt (see the module comment). */
export function deriveSummary(prompt: string): DerivedSummary {
  const lines = prompt.split(/\r?\n/);
  const partials = lines.map(asPartial).filter((p): p is DerivedSummary => p !== null);
  if (partials.length > 0) {
    return {
      title: partials[0]!.title,
      summary: partials.map((p) => p.summary).join(' '),
      topics: partials.flatMap((p) => p.topics),
      action_items: partials.flatMap((p) => p.action_items),
    };
  }
  const said = lines.map((l) => LINE.exec(l.trim())).filter((m): m is RegExpExecArray => m !== null);
  const speakers = [...new Set(said.map((m) => m[2]!.trim()))];
  const first = said[0]?.[3]?.trim() ?? '';
  return {
    title: speakers.length ? `Meeting with ${speakers.join(', ')}` : 'Meeting',
    summary: `${said.length} lines from ${speakers.length} speaker(s). It opened with: "${first}"`,
    topics: speakers.map((s) => ({ title: s, summary: `${said.filter((m) => m[2]!.trim() === s).length} contribution(s) by ${s}.` })),
    action_items: said.filter((m) => /\b(will|todo)\b/i.test(m[3]!)).map((m) => `${m[2]!.trim()}: ${m[3]!.trim()}`),
  };
}

/** Registers the chat route. */
export function registerChatRoute(app: FastifyInstance, state: OpenAiFakeState, now: () => number): void {
  let n = 0;
  app.post('/v1/chat/completions', async (req, reply): Promise<FastifyReply> => {
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const model = typeof body.model === 'string' ? body.model.trim() : '';
    if (!model) return sendOpenAiError(reply, 400, openAiError('you must provide a model parameter'));
    const messages = Array.isArray(body.messages) ? (body.messages as ChatMessage[]) : [];
    if (messages.length === 0) {
      return sendOpenAiError(
        reply,
        400,
        openAiError("Missing required parameter: 'messages'.", 'invalid_request_error', 'messages', 'missing_required_parameter'),
      );
    }
    const format = (body.response_format as { type?: unknown } | undefined)?.type;
    const allText = messages.map((m) => textOf(m.content)).join('\n');
    if (format === 'json_object' && !/json/i.test(allText)) {
      return sendOpenAiError(
        reply,
        400,
        openAiError(
          "'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.",
          'invalid_request_error',
          'messages',
        ),
      );
    }
    // All user messages: a corrective follow-up ("that reply was not usable") carries no transcript.
    const userText = messages
      .filter((m) => m.role === 'user')
      .map((m) => textOf(m.content))
      .join('\n');
    let content = JSON.stringify(deriveSummary(userText));
    if (state.invalidChat.times > 0) {
      state.invalidChat.times -= 1;
      content =
        state.invalidChat.kind === 'not_json'
          ? 'Sure! Here is a summary of the meeting: everyone agreed.'
          : JSON.stringify({ title: 42, topics: 'none' });
    }
    const promptTokens = Math.ceil(allText.length / 4);
    const completionTokens = Math.ceil(content.length / 4);
    return reply.code(200).send({
      id: `chatcmpl-fake-${++n}`,
      object: 'chat.completion',
      created: Math.floor(now() / 1000),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    });
  });
}
