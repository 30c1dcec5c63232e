import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import type { AdapterDeps } from './adapter.js';
import type { HttpAuth } from './auth.js';
import type { Clock } from './clock.js';
import { noErrorBody, type ErrorBodyParser } from './error-body.js';
import { systemClock } from './clock.js';
import { ProviderError, RateLimitedError, type CallPriority } from './errors.js';
import type { LoggerLike } from './logger.js';
import { silentLogger } from './logger.js';
import { RateBudget, type RateBudgetSpec } from './rate-budget.js';

/**
 * The one HTTP transport every provider client uses: base URL + an auth hook, JSON in and out, a
 * timeout per attempt, bounded retries with exponential backoff and full jitter, and the provider's
 * rate budget (`rate-budget.ts`). Retries and rate limits live here and nowhere else, so a client
 * method is just "build the request, call, parse the reply". What differs between providers is
 * injected: how calls are authenticated (`auth`), how error replies are worded (`parseError`) and
 * how calls are charged against the budget (`budget`).
 *
 * Every call has a priority. An `interactive` call (someone's request is waiting: meeting creation,
 * join) waits at most `maxInteractiveWaitMs` in total for budget or a 429's `Retry-After`, then
 * throws `RateLimitedError` (the server answers 503 with `Retry-After`) instead of holding the
 * request. A `background` call (jobs: insights, presence, recordings, deletions) never waits: when
 * its share of the budget is spent, or the provider says 429, it throws `RateLimitedError` at once
 * and the job tries again later.
 */

/** Default timeout of one attempt, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 3;
/** Default backoff base: attempt n waits a random time in [0, base · 2ⁿ). */
export const DEFAULT_BASE_DELAY_MS = 250;
/** Default cap on any single wait, including a provider's `Retry-After`. */
export const DEFAULT_MAX_DELAY_MS = 30_000;
/** Default total wait an interactive call accepts for rate limits before failing with `RateLimitedError`. */
export const DEFAULT_MAX_INTERACTIVE_WAIT_MS = 4_000;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One call to a provider's API. */
export interface HttpRequest<T> {
  /** The client method's name (`createMeeting`), used in errors and logs. */
  operation: string;
  method: HttpMethod;
  /** Path below the base URL, starting with "/"; encode dynamic segments with `pathSegment`. */
  path: string;
  /** Query parameters; `undefined` and `null` values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (fetch sets the boundary); takes precedence over `body`. */
  form?: FormData;
  /**
   * Whether repeating the call is harmless. Default: true for GET, PUT and DELETE, false for POST.
   * Only idempotent calls are retried on 5xx, network errors and timeouts.
   */
  idempotent?: boolean;
  /** The wire schema of a successful reply (an empty body is parsed as `undefined`). */
  schema: z.ZodType<T>;
  /**
   * What this call needs to be allowed to do, handed to the auth hook (LiveKit: the video grant of
   * this method). Static keys ignore it. Default: none.
   */
  grant?: Readonly<Record<string, unknown>>;
  /**
   * Who waits for this call: `interactive` (a person's request: meeting creation, join) or
   * `background` (a job). Default `interactive`.
   */
  priority?: CallPriority;
}

/** Construction options of `HttpClient`; every tuning knob has a default. */
export interface HttpClientOptions {
  /** Provider name, used in errors and logs (`whereby`). */
  provider: string;
  baseUrl: string;
  /** Authenticates every attempt (`bearerAuth(key)`, `signedJwtAuth({...})`); its secrets never appear in errors or logs. */
  auth: HttpAuth;
  /** Reads the provider's error code and detail from an error reply. Default `noErrorBody` (both null). */
  parseError?: ErrorBodyParser;
  /** Further secrets (webhook secrets, S3 keys) that must never appear in an error message. */
  redact?: readonly string[];
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Per-attempt timeout. Default `DEFAULT_TIMEOUT_MS` (10 s). */
  timeoutMs?: number;
  /** Default `DEFAULT_MAX_RETRIES` (3). */
  maxRetries?: number;
  /** Default `DEFAULT_BASE_DELAY_MS` (250 ms). */
  baseDelayMs?: number;
  /** Default `DEFAULT_MAX_DELAY_MS` (30 s). */
  maxDelayMs?: number;
  /** Default: a real timer. Tests inject one that resolves at once and records the waits. */
  sleep?: (ms: number) => Promise<void>;
  /** Default `Math.random`; the jitter source. */
  random?: () => number;
  /** Default: the system clock; used to turn an HTTP-date `Retry-After` into a wait. */
  clock?: Clock;
  /** Default: silent. */
  logger?: LoggerLike;
  /** The provider's rate limit as data; without it only the provider's own 429s limit calls. */
  budget?: RateBudgetSpec;
  /** Share of each budget pool background calls may use. Default `DEFAULT_BACKGROUND_SHARE` (0.5). */
  backgroundShare?: number;
  /** Total wait an interactive call accepts for rate limits. Default `DEFAULT_MAX_INTERACTIVE_WAIT_MS` (4 s). */
  maxInteractiveWaitMs?: number;
}

/** Encodes one dynamic path segment (a room name, an id). */
export function pathSegment(value: string): string {
  return encodeURIComponent(value);
}

/** Milliseconds to wait according to a `Retry-After` header (delta-seconds or HTTP-date), or null. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/g;
const BEARER = /Bearer\s+\S+/gi;
const MAX_DETAIL = 300;

interface ErrorFacts {
  status: number | null;
  code?: string | null;
  detail?: string | null;
  retryable: boolean;
  /** What happened and what to do, in our words. */
  explanation: string;
  cause?: unknown;
}

type Attempt = { ok: true; status: number; text: string } | { ok: false; error: ProviderError; retryAfterMs: number | null };

/** The HTTP transport. Failures throw `ProviderError`; a reply that does not match the schema too. */
export class HttpClient {
  private readonly fetchImpl: typeof fetch;
  private readonly secrets: string[];
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly logger: LoggerLike;
  private readonly budget: RateBudget | null;

  constructor(private readonly options: HttpClientOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.budget = options.budget ? new RateBudget(options.budget, options.backgroundShare) : null;
    // Short strings are not redacted: replacing every "a" would wreck the message and hide nothing.
    this.secrets = [...options.auth.secrets, ...(options.redact ?? [])].filter((s) => s.length >= 4);
    this.sleep = options.sleep ?? ((ms) => delay(ms));
    this.logger = options.logger ?? silentLogger;
  }

  /** Sends the request, retrying where safe, and returns the schema-parsed reply. */
  async request<T>(req: HttpRequest<T>): Promise<T> {
    const idempotent = req.idempotent ?? req.method !== 'POST';
    const maxRetries = this.options.maxRetries ?? DEFAULT_MAX_RETRIES;
    const waited = { ms: 0 };
    for (let attempt = 0; ; attempt++) {
      await this.admit(req, waited);
      const outcome = await this.attempt(req);
      if (outcome.ok) return this.parse(req, outcome.status, outcome.text);
      const { error } = outcome;
      if (error.providerStatus === 429) await this.rateLimited(req, outcome.retryAfterMs, waited, attempt >= maxRetries, error);
      // A 429 means the provider refused before doing anything, so even a create may be repeated.
      const safe = idempotent || error.providerStatus === 429;
      if (!error.retryable || !safe || attempt >= maxRetries) throw error;
      if (error.providerStatus === 429) continue;
      const waitMs = this.backoff(attempt, outcome.retryAfterMs);
      this.logger.warn(
        { provider: this.options.provider, operation: req.operation, status: error.providerStatus, attempt: attempt + 1, waitMs },
        'retrying provider call',
      );
      await this.sleep(waitMs);
    }
  }

  private priority(req: HttpRequest<unknown>): CallPriority {
    return req.priority ?? 'interactive';
  }

  private nowMs(): number {
    return (this.options.clock ?? systemClock).now().getTime();
  }

  private limited(req: HttpRequest<unknown>, retryAfterMs: number, why: string, cause?: unknown): RateLimitedError {
    const priority = this.priority(req);
    return new RateLimitedError({
      provider: this.options.provider,
      operation: req.operation,
      priority,
      retryAfterMs,
      message: `${this.options.provider} ${req.operation} was not ${priority === 'background' ? 'run (deferred)' : 'completed'}: ${why}; retry in ${Math.ceil(retryAfterMs / 1000)} s.`,
      cause,
    });
  }

  /**
   * Waits until the budget admits this call (interactive calls, within their total wait) and
   * records it; a background call over its share is refused at once.
   */
  private async admit(req: HttpRequest<unknown>, waited: { ms: number }): Promise<void> {
    if (!this.budget) return;
    const priority = this.priority(req);
    const charge = this.budget.charge({ method: req.method, path: req.path, operation: req.operation });
    const maxWait = this.options.maxInteractiveWaitMs ?? DEFAULT_MAX_INTERACTIVE_WAIT_MS;
    for (;;) {
      const waitMs = this.budget.waitMs(charge, priority, this.nowMs());
      if (waitMs <= 0) {
        this.budget.take(charge, this.nowMs());
        return;
      }
      if (priority === 'background') throw this.limited(req, waitMs, 'its background share of the rate budget is spent');
      if (waited.ms + waitMs > maxWait) throw this.limited(req, waitMs, `the rate budget is spent for longer than ${maxWait} ms`);
      this.logger.debug({ provider: this.options.provider, operation: req.operation, waitMs }, 'waiting for rate budget');
      waited.ms += waitMs;
      await this.sleep(waitMs);
    }
  }

  /**
   * The provider answered 429: nothing more is sent before its `Retry-After`; a background call
   * gives up now, an interactive one waits if that fits in its total wait, else gives up.
   */
  private async rateLimited(
    req: HttpRequest<unknown>,
    retryAfterMs: number | null,
    waited: { ms: number },
    lastAttempt: boolean,
    error: ProviderError,
  ): Promise<void> {
    const waitMs = Math.min(retryAfterMs ?? this.backoff(0, null), this.options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS);
    this.budget?.block(this.nowMs() + waitMs);
    const maxWait = this.options.maxInteractiveWaitMs ?? DEFAULT_MAX_INTERACTIVE_WAIT_MS;
    if (this.priority(req) === 'background') throw this.limited(req, waitMs, 'the provider answered 429', error);
    if (lastAttempt || waited.ms + waitMs > maxWait) throw this.limited(req, waitMs, 'the provider answered 429', error);
    this.logger.warn({ provider: this.options.provider, operation: req.operation, waitMs }, 'rate limited by the provider; waiting');
    // With a budget, `admit` waits out the block (and counts it); without one, wait here.
    if (this.budget) return;
    waited.ms += waitMs;
    await this.sleep(waitMs);
  }

  /** Removes every known secret, bearer header and JWT from a text. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('[redacted]');
    return out.replace(BEARER, 'Bearer [redacted]').replace(JWT, '[redacted-token]');
  }

  private backoff(attempt: number, retryAfterMs: number | null): number {
    const cap = this.options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
    if (retryAfterMs !== null) return Math.min(retryAfterMs, cap);
    const ceiling = Math.min(cap, (this.options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS) * 2 ** attempt);
    return Math.floor((this.options.random ?? Math.random)() * ceiling);
  }

  private url(req: HttpRequest<unknown>): string {
    const url = new URL(`${this.options.baseUrl.replace(/\/+$/, '')}${req.path}`);
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  /** Method, headers (the auth hook's included) and body of one attempt. */
  private async init(req: HttpRequest<unknown>): Promise<RequestInit> {
    const { operation, method, path, grant } = req;
    let auth: Record<string, string>;
    try {
      auth = await this.options.auth.headers({ operation, method, path, grant });
    } catch (cause) {
      throw this.error(req, { status: null, retryable: false, explanation: 'the credentials for the call could not be built', cause });
    }
    const headers: Record<string, string> = { ...auth, accept: 'application/json' };
    let body: RequestInit['body'];
    if (req.form) body = req.form;
    else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    return { method: req.method, headers, body };
  }

  private async attempt(req: HttpRequest<unknown>): Promise<Attempt> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const init = await this.init(req);
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(this.url(req), { ...init, signal: AbortSignal.timeout(timeoutMs) });
      text = await response.text();
    } catch (cause) {
      const timedOut = cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
      const what = timedOut ? `timed out after ${timeoutMs} ms` : `could not reach the API (${networkCode(cause)})`;
      const error = this.error(req, { status: null, retryable: true, explanation: `${what}; it is retried when safe`, cause });
      return { ok: false, error, retryAfterMs: null };
    }
    this.logger.debug({ provider: this.options.provider, operation: req.operation, status: response.status }, 'provider call');
    if (response.ok) return { ok: true, status: response.status, text };
    const { code, detail } = this.errorBody(text);
    const retryable = response.status === 429 || response.status >= 500;
    const error = this.error(req, { status: response.status, code, detail, retryable, explanation: hint(response.status) });
    const now = (this.options.clock ?? systemClock).now();
    return { ok: false, error, retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now) };
  }

  /** The provider's error code and detail; a parser that throws is treated as finding nothing. */
  private errorBody(text: string): { code: string | null; detail: string | null } {
    try {
      return (this.options.parseError ?? noErrorBody)(text);
    } catch {
      return noErrorBody(text);
    }
  }

  private parse<T>(req: HttpRequest<T>, status: number, text: string): T {
    let json: unknown;
    try {
      json = text.trim() === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      throw this.error(req, { status, retryable: false, explanation: 'the reply is not JSON', cause });
    }
    const parsed = req.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    throw this.error(req, { status, retryable: false, explanation: `unexpected reply shape (${issues.join('; ')})`, cause: parsed.error });
  }

  /** Builds the `ProviderError`; every provider-supplied text is redacted and truncated first. */
  private error(req: HttpRequest<unknown>, f: ErrorFacts): ProviderError {
    const { status, retryable, explanation, cause } = f;
    const code = f.code ?? null;
    const detail = f.detail ?? null;
    const providerCode = code === null ? null : this.redact(code).slice(0, MAX_DETAIL);
    const providerDetail = detail === null ? null : this.redact(detail).slice(0, MAX_DETAIL);
    const parts = [status === null ? null : `HTTP ${status}`, providerCode, providerDetail && `"${providerDetail}"`].filter(Boolean);
    const head = `${this.options.provider} ${req.operation} (${req.method} ${req.path.split('?')[0]}) failed`;
    const message = this.redact(`${head}${parts.length ? `: ${parts.join(' ')}` : ''}; ${explanation}.`);
    return new ProviderError({
      provider: this.options.provider,
      operation: req.operation,
      providerStatus: status,
      providerCode,
      providerDetail,
      retryable,
      message,
      cause,
    });
  }
}

function hint(status: number): string {
  if (status === 401 || status === 403) return 'check the API key and its permissions';
  if (status === 404) return 'the resource does not exist (or no longer exists)';
  if (status === 429) return 'rate limited by the provider; it is retried with backoff';
  if (status >= 500) return 'the provider had an internal error; it is retried when safe';
  return 'the provider rejected the request';
}

function networkCode(cause: unknown): string {
  const inner = cause instanceof Error ? (cause.cause as { code?: unknown } | undefined) : undefined;
  if (inner && typeof inner.code === 'string') return inner.code;
  return cause instanceof Error ? cause.name : 'unknown error';
}

/** Builds the transport for a provider from the adapter's injected services and overrides. */
export function createHttpClient(
  target: Pick<HttpClientOptions, 'provider' | 'baseUrl' | 'auth' | 'parseError' | 'redact' | 'budget'>,
  deps: AdapterDeps,
): HttpClient {
  return new HttpClient({
    ...target,
    backgroundShare: deps.http?.backgroundShare,
    maxInteractiveWaitMs: deps.http?.maxInteractiveWaitMs,
    fetch: deps.fetch,
    clock: deps.clock,
    logger: deps.logger.child({ module: 'http', provider: target.provider }),
    timeoutMs: deps.http?.timeoutMs,
    maxRetries: deps.http?.maxRetries,
    baseDelayMs: deps.http?.baseDelayMs,
    maxDelayMs: deps.http?.maxDelayMs,
    sleep: deps.http?.sleep,
  });
}
