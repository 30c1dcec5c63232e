import type { FastifyInstance } from 'fastify';
import { controlBody, FakeControlError } from '../core/base-control.js';
import { pathPattern, type FaultRule } from '../core/faults.js';

/** A fault for the OpenAI fake: `FaultRule` whose `path` defaults to every API path (`/v1/**`). */
export type OpenAiFaultRule = Omit<FaultRule, 'path'> & { path?: string };

/**
 * What the transcription fake says for each utterance it hears (by index, in time order). Without a
 * script utterance i is `speech <i+1>` and, in diarized output, speakers alternate `A`, `B`.
 */
export interface TranscriptionScript {
  texts?: string[];
  speakers?: string[];
  /** Language reported in verbose output; default `english`. */
  language?: string;
}

/** How the chat fake misbehaves next: `not_json` (prose) or `wrong_shape` (JSON missing fields). */
export type InvalidChatKind = 'not_json' | 'wrong_shape';

/** One request the OpenAI fake received (audio is summarized, not kept). */
export interface OpenAiRecordedRequest {
  readonly seq: number;
  readonly method: string;
  readonly path: string;
  /** Lower-cased request headers. */
  readonly headers: Record<string, string | string[] | undefined>;
  /** Text fields of a multipart body (`model`, `response_format`, `timestamp_granularities[]`...). */
  readonly fields: Record<string, string[]>;
  /** The uploaded file of a transcription request. */
  readonly file: { readonly filename: string | undefined; readonly contentType: string | undefined; readonly bytes: number } | null;
  /** The JSON body of a chat request. */
  readonly json: unknown;
  readonly bodyBytes: number;
  readonly receivedAt: Date;
  status?: number;
  responseBody?: string;
}

/** A matched fault; `retryAfterSeconds` is null unless the rule set it (or the status is 429: 1 s). */
export interface OpenAiMatchedFault {
  readonly status: number | undefined;
  readonly body: unknown;
  readonly retryAfterSeconds: number | null;
  readonly delayMs: number;
}

/**
 * The fault rules of the OpenAI fake. Unlike the providers' injector, `Retry-After` is sent with any
 * status whose rule sets `retryAfterSeconds` (OpenAI sends it on 429 and on some 5xx).
 */
export class OpenAiFaults {
  private rules: { rule: FaultRule; pattern: RegExp; remaining: number }[] = [];

  add(rule: FaultRule): void {
    const times = rule.times === undefined ? 1 : rule.times < 0 ? Infinity : rule.times;
    this.rules.push({ rule, pattern: pathPattern(rule.path), remaining: times });
  }

  /** Consumes one use of the first rule matching the request. */
  take(method: string, path: string): OpenAiMatchedFault | undefined {
    const active = this.rules.find(
      (r) => r.remaining > 0 && r.pattern.test(path) && (!r.rule.method || r.rule.method.toUpperCase() === method.toUpperCase()),
    );
    if (!active) return undefined;
    active.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    const { status, body, retryAfterSeconds, delayMs = 0 } = active.rule;
    return { status, body, retryAfterSeconds: retryAfterSeconds ?? (status === 429 ? 1 : null), delayMs };
  }

  list(): readonly FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule, times: r.remaining }));
  }

  clear(): void {
    this.rules = [];
  }
}

/** Mutable state shared by the routes and the control API. */
export class OpenAiFakeState {
  readonly faults = new OpenAiFaults();
  readonly log: OpenAiRecordedRequest[] = [];
  script: TranscriptionScript = {};
  invalidChat: { times: number; kind: InvalidChatKind } = { times: 0, kind: 'not_json' };
  private seq = 0;

  record(entry: Omit<OpenAiRecordedRequest, 'seq'>): OpenAiRecordedRequest {
    const recorded = { ...entry, seq: ++this.seq };
    this.log.push(recorded);
    return recorded;
  }

  clearLog(): void {
    this.log.length = 0;
    this.seq = 0;
  }
}

/** Typed control API of the OpenAI fake. */
export class OpenAiControl {
  constructor(private readonly state: OpenAiFakeState) {}

  /** Makes the next `times` (default 1) matching requests fail with `status` (and `Retry-After` when `retryAfterSeconds` is set). */
  setFault(rule: OpenAiFaultRule): void {
    if (rule.status === undefined && rule.delayMs === undefined) throw new FakeControlError(400, 'fault needs status or delayMs');
    this.state.faults.add({ ...rule, path: rule.path ?? '/v1/**' });
  }

  faults(): readonly FaultRule[] {
    return this.state.faults.list();
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  /** Sets what the transcription fake says for each utterance (see `TranscriptionScript`). */
  setTranscriptionScript(script: TranscriptionScript): void {
    this.state.script = { ...script };
  }

  /** The next `times` chat completions return unusable content of `kind` (default `not_json`). */
  failChatWithInvalidOutput(times: number, kind: InvalidChatKind = 'not_json'): void {
    if (!Number.isInteger(times) || times < 0) throw new FakeControlError(400, 'times must be a non-negative integer');
    this.state.invalidChat = { times, kind };
  }

  /** Every API request received so far, oldest first. */
  requests(): readonly OpenAiRecordedRequest[] {
    return this.state.log;
  }

  clearRequests(): void {
    this.state.clearLog();
  }

  /** Clears faults, the script, the invalid-output counter and the request log. */
  reset(): void {
    this.state.faults.clear();
    this.state.script = {};
    this.state.invalidChat = { times: 0, kind: 'not_json' };
    this.state.clearLog();
  }
}

/** Registers `/_control/...` (JSON, no auth); see the package README. */
export function registerOpenAiControlRoutes(app: FastifyInstance, control: OpenAiControl): void {
  app.get('/_control/requests', async () => control.requests());
  app.delete('/_control/requests', async (_req, reply) => {
    control.clearRequests();
    return reply.code(204).send();
  });
  app.get('/_control/faults', async () => control.faults());
  app.post('/_control/faults', async (req, reply) => {
    const rule = controlBody<OpenAiFaultRule>(req.body);
    control.setFault({ ...rule, times: rule.times === -1 ? Infinity : rule.times });
    return reply.code(204).send();
  });
  app.delete('/_control/faults', async (_req, reply) => {
    control.clearFaults();
    return reply.code(204).send();
  });
  app.put('/_control/transcription-script', async (req, reply) => {
    control.setTranscriptionScript(controlBody<TranscriptionScript>(req.body));
    return reply.code(204).send();
  });
  app.post('/_control/chat/invalid-output', async (req, reply) => {
    const body = controlBody<{ times?: number; kind?: InvalidChatKind }>(req.body);
    control.failChatWithInvalidOutput(body.times ?? 1, body.kind);
    return reply.code(204).send();
  });
  app.post('/_control/reset', async (_req, reply) => {
    control.reset();
    return reply.code(204).send();
  });
}
