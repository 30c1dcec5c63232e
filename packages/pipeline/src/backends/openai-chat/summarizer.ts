import { PipelineError } from '../../core/errors.js';
import { DEFAULT_RETRY_POLICY, callBackend, parseJsonBody, type BackendDeps, type RetryPolicy } from '../../core/http.js';
import type { SummarizeRequest, Summarizer, SummarizerCapabilities, Summary } from '../../core/summarizer.js';
import type { OpenAiChatConfig } from './config.js';
import {
  combineMessage,
  correctionMessage,
  groupLines,
  summarizeMessage,
  systemPrompt,
  transcriptLine,
  type ChatMessage,
} from './prompts.js';
import { ChatCompletionWire, SummaryWire } from './wire.js';

/** The backend's name in the registry. */
export const OPENAI_CHAT_BACKEND = 'openai-chat';

/** Combining partial summaries nests at most this deep (a guard against a too-small maxInputChars). */
const MAX_COMBINE_DEPTH = 4;

/** The model's JSON, taken from a reply that may wrap it in a Markdown fence or prose. */
export function extractJson(content: string): unknown {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(content)?.[1] ?? content;
  const start = fenced.indexOf('{');
  const end = fenced.lastIndexOf('}');
  if (start === -1 || end < start) throw new Error('no JSON object in the reply');
  return JSON.parse(fenced.slice(start, end + 1));
}

/** Validates a model reply; returns the summary or what is wrong with it. */
export function readSummary(content: string): { ok: true; summary: Summary } | { ok: false; problem: string } {
  let json: unknown;
  try {
    json = extractJson(content);
  } catch (error) {
    return { ok: false, problem: `it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = SummaryWire.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(object)'}: ${i.message}`);
    return { ok: false, problem: `it does not match the schema (${issues.join('; ')})` };
  }
  const { title, summary, topics, action_items } = parsed.data;
  return { ok: true, summary: { title, summary, topics, actionItems: action_items } };
}

const EMPTY: Summary = { title: 'Empty meeting', summary: 'Nothing was said.', topics: [], actionItems: [] };

/**
 * Summaries from any OpenAI-compatible `POST /v1/chat/completions` (OpenAI, Groq, Ollama, vLLM,
 * llama.cpp): JSON mode plus the schema in the prompt, the reply validated with zod and asked for
 * once more when unusable. Transcripts longer than `maxInputChars` are summarized in parts, then the
 * parts' summaries are combined.
 */
export class OpenAiChatSummarizer implements Summarizer {
  readonly backend = OPENAI_CHAT_BACKEND;
  readonly capabilities: SummarizerCapabilities;

  constructor(
    private readonly config: OpenAiChatConfig,
    private readonly deps: BackendDeps = {},
    private readonly retry: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {
    this.capabilities = { maxInputChars: config.maxInputChars };
  }

  async summarize(request: SummarizeRequest): Promise<Summary> {
    if (request.lines.length === 0) return EMPTY;
    const system = systemPrompt(request.language ?? null);
    const groups = groupLines(request.lines.map(transcriptLine), this.config.maxInputChars);
    if (groups.length === 1) return this.ask(system, summarizeMessage(groups[0] ?? [], 0, 1), request.signal);
    const partials: Summary[] = [];
    for (const [i, group] of groups.entries())
      partials.push(await this.ask(system, summarizeMessage(group, i, groups.length), request.signal));
    return this.combine(system, partials, request.signal, 1);
  }

  /** Combines partial summaries, in groups that fit the input limit, until one is left. */
  private async combine(system: string, partials: Summary[], signal: AbortSignal | undefined, depth: number): Promise<Summary> {
    const lines = partials.map((p) =>
      JSON.stringify({ title: p.title, summary: p.summary, topics: p.topics, action_items: p.actionItems }),
    );
    const groups = depth >= MAX_COMBINE_DEPTH ? [lines] : groupLines(lines, this.config.maxInputChars, false);
    const combined: Summary[] = [];
    for (const group of groups) combined.push(await this.ask(system, combineMessage(group), signal));
    return combined.length === 1 ? (combined[0] as Summary) : this.combine(system, combined, signal, depth + 1);
  }

  /** One question; an unusable answer is asked for once more with the reason, then fails. */
  private async ask(system: string, user: string, signal: AbortSignal | undefined): Promise<Summary> {
    const messages: ChatMessage[] = [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ];
    let problem = '';
    for (let attempt = 0; attempt < 2; attempt++) {
      const content = await this.complete(messages, signal);
      const read = readSummary(content);
      if (read.ok) return read.summary;
      problem = read.problem;
      messages.push({ role: 'assistant', content }, { role: 'user', content: correctionMessage(problem) });
    }
    throw new PipelineError({
      code: 'backend_invalid_output',
      permanent: true,
      backend: this.backend,
      message: `${this.backend}: the model's summary was unusable twice; the last reply: ${problem}.`,
    });
  }

  private async complete(messages: readonly ChatMessage[], signal: AbortSignal | undefined): Promise<string> {
    const { config } = this;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (config.apiKey) headers.authorization = `Bearer ${config.apiKey}`;
    const body = JSON.stringify({
      model: config.model,
      messages,
      temperature: 0.2,
      ...(config.jsonMode ? { response_format: { type: 'json_object' } } : {}),
    });
    const operation = 'summarizing';
    const { text } = await callBackend(
      {
        backend: this.backend,
        operation,
        url: `${config.url}/v1/chat/completions`,
        timeoutMs: config.timeoutMs,
        retry: this.retry,
        secrets: config.apiKey ? [config.apiKey] : [],
        signal,
        init: () => ({ method: 'POST', headers, body }),
      },
      this.deps,
    );
    const parsed = ChatCompletionWire.safeParse(parseJsonBody(this.backend, operation, text));
    // A reply without a message counts as unusable output (and is asked for again), not as an HTTP failure.
    if (!parsed.success) return '';
    const choice = parsed.data.choices[0];
    return choice?.finish_reason === 'length' ? '' : (choice?.message.content ?? '');
  }
}
