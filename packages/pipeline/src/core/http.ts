import { setTimeout as delay } from 'node:timers/promises';
import { PipelineError, isTransientStatus } from './errors.js';
import type { LoggerLike } from './logger.js';
import { silentLogger } from './logger.js';

/**
 * The one HTTP call every backend makes: `fetch` with a timeout per attempt, a few retries of
 * transient failures (network, timeout, 408, 429, 5xx) honouring `Retry-After`, and failures turned
 * into `PipelineError`s (4xx permanent, the rest transient, with the last `Retry-After` kept for the
 * job layer). Backend calls have no side effects beyond billing, so repeating one is safe.
 */

/** Services a backend is built with; every field has a default. */
export interface BackendDeps {
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Default: silent. */
  logger?: LoggerLike;
  /** Default: a real timer. Tests inject one that records the waits and resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Default `Math.random` (backoff jitter). */
  random?: () => number;
  /** Default `() => new Date()` (HTTP-date `Retry-After`). */
  now?: () => Date;
}

/** Retry tuning of one backend. */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** Backoff base: retry n waits a random time in [0, base · 2ⁿ). */
  baseDelayMs: number;
  /** Cap on one wait, including a backend's `Retry-After`. */
  maxDelayMs: number;
}

/** Default retries: 2 more attempts, 1 s base, waits capped at 30 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** One backend call. */
export interface BackendCall {
  backend: string;
  /** What the call does, for messages (`transcribing chunk-0.flac`). */
  operation: string;
  url: string;
  /** Builds the request afresh for each attempt (a multipart body can be sent only once). */
  init: () => Promise<RequestInit> | RequestInit;
  timeoutMs: number;
  retry: RetryPolicy;
  /** Secrets that must never appear in an error message (the API key). */
  secrets: readonly string[];
  signal?: AbortSignal;
}

/** Milliseconds to wait according to a `Retry-After` value (seconds or HTTP-date), or null. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** The backend's own error text: OpenAI's `error.message`, FastAPI's `detail`, or a `message`. */
function errorText(body: string): string | null {
  try {
    const json = JSON.parse(body) as { error?: { message?: unknown } | string; detail?: unknown; message?: unknown };
    const candidate = typeof json.error === 'object' ? json.error?.message : (json.error ?? json.detail ?? json.message);
    if (typeof candidate === 'string') return candidate;
    if (candidate !== undefined) return JSON.stringify(candidate);
  } catch {
    // Not JSON: use the text itself.
  }
  return body.trim() || null;
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  return out.replace(/Bearer\s+\S+/gi, 'Bearer [redacted]');
}

function hint(status: number): string {
  if (status === 401 || status === 403) return 'check the API key';
  if (status === 404) return 'check the URL and the model name';
  if (status === 413) return 'the file is over the backend upload limit; lower its max upload size';
  if (status === 429) return 'rate limited';
  if (status >= 500) return 'the backend had an internal error';
  return 'the backend refused the request';
}

type Attempt = { ok: true; response: Response; text: string } | { ok: false; error: PipelineError };

/** Runs one attempt: network errors and timeouts are transient, 4xx permanent. */
async function attempt(call: BackendCall, deps: BackendDeps): Promise<Attempt> {
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  const base = { backend: call.backend, cause: undefined as unknown };
  let response: Response;
  let text: string;
  try {
    response = await (deps.fetch ?? globalThis.fetch)(call.url, { ...(await call.init()), signal });
    text = await response.text();
  } catch (cause) {
    if (call.signal?.aborted) {
      return {
        ok: false,
        error: new PipelineError({ ...base, code: 'aborted', permanent: false, message: `${call.operation} was cancelled.`, cause }),
      };
    }
    const what = timeout.aborted
      ? `timed out after ${call.timeoutMs} ms`
      : `could not reach ${new URL(call.url).host} (${networkCode(cause)})`;
    const message = `${call.backend}: ${call.operation} failed: ${what}.`;
    return { ok: false, error: new PipelineError({ ...base, code: 'backend_unavailable', permanent: false, message, cause }) };
  }
  if (response.ok) return { ok: true, response, text };
  const transient = isTransientStatus(response.status);
  const detail = errorText(text);
  const shown = detail ? ` "${redact(detail, call.secrets).slice(0, 300)}"` : '';
  return {
    ok: false,
    error: new PipelineError({
      ...base,
      code: transient ? 'backend_unavailable' : 'backend_rejected',
      permanent: !transient,
      status: response.status,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), (deps.now ?? (() => new Date()))()),
      message: `${call.backend}: ${call.operation} failed: HTTP ${response.status}${shown}; ${hint(response.status)}.`,
    }),
  };
}

function networkCode(cause: unknown): string {
  const inner = cause instanceof Error ? (cause.cause as { code?: unknown } | undefined) : undefined;
  if (inner && typeof inner.code === 'string') return inner.code;
  return cause instanceof Error ? cause.name : 'unknown error';
}

/** Sends the call with retries; returns the successful response and its body text. */
export async function callBackend(call: BackendCall, deps: BackendDeps = {}): Promise<{ response: Response; text: string }> {
  const logger = deps.logger ?? silentLogger;
  const sleep = deps.sleep ?? ((ms: number) => delay(ms, undefined, { signal: call.signal }));
  for (let n = 0; ; n++) {
    const outcome = await attempt(call, deps);
    if (outcome.ok) return outcome;
    const { error } = outcome;
    if (error.permanent || error.code === 'aborted' || n >= call.retry.maxRetries) throw error;
    const jitter = Math.floor((deps.random ?? Math.random)() * call.retry.baseDelayMs * 2 ** n);
    const waitMs = Math.min(call.retry.maxDelayMs, error.retryAfterMs ?? jitter);
    logger.warn({ backend: call.backend, status: error.status, attempt: n + 1, waitMs }, 'retrying backend call');
    try {
      await sleep(waitMs);
    } catch (cause) {
      throw new PipelineError({
        code: 'aborted',
        permanent: false,
        backend: call.backend,
        message: `${call.operation} was cancelled.`,
        cause,
      });
    }
  }
}

/** Parses a JSON body; a 2xx reply that is not JSON is `backend_invalid_output` (transient: a proxy page). */
export function parseJsonBody(backend: string, operation: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new PipelineError({
      code: 'backend_invalid_output',
      permanent: false,
      backend,
      message: `${backend}: ${operation} answered 2xx with a body that is not JSON: "${text.slice(0, 120)}".`,
      cause,
    });
  }
}
