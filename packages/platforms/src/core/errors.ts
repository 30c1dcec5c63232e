/**
 * Error types shared by every provider. Messages name the field and the fix; they never carry a
 * secret (API keys, webhook secrets, tokens), so they are safe to log and to show to API callers.
 */

/** Base class of every Meetbridge error: a stable `code` and the HTTP `status` it maps to. */
export class MeetbridgeError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(code: string, status: number, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.status = status;
  }
}

/** A configuration value is missing or invalid. `variables` names the environment variables. */
export class ConfigError extends MeetbridgeError {
  readonly variables: readonly string[];
  constructor(message: string, variables: readonly string[], options?: { cause?: unknown }) {
    super('config_error', 500, message, options);
    this.variables = variables;
  }
}

/** The adapter does not support this operation; see its `capabilities`. */
export class UnsupportedCapabilityError extends MeetbridgeError {
  readonly provider: string;
  readonly capability: string;
  constructor(provider: string, capability: string) {
    super('unsupported_capability', 409, `The ${provider} provider does not support "${capability}".`);
    this.provider = provider;
    this.capability = capability;
  }
}

/** A call to the provider's API failed. Never contains the request's credentials. */
export class ProviderError extends MeetbridgeError {
  readonly provider: string;
  readonly operation: string;
  /** HTTP status the provider answered, or `null` for a network error or timeout. */
  readonly providerStatus: number | null;
  /** The provider's own error code (Daily's `error`, Whereby's `error`), when it sent one. */
  readonly providerCode: string | null;
  /**
   * The provider's free-text explanation (Daily's `info`), secrets redacted, at most 300 chars.
   * Kept apart from `providerCode` because some behaviour keys on it (Daily's "has an active stream").
   */
  readonly providerDetail: string | null;
  readonly retryable: boolean;
  constructor(args: {
    provider: string;
    operation: string;
    providerStatus: number | null;
    providerCode?: string | null;
    providerDetail?: string | null;
    retryable: boolean;
    message: string;
    cause?: unknown;
  }) {
    super('provider_error', 502, args.message, { cause: args.cause });
    this.provider = args.provider;
    this.operation = args.operation;
    this.providerStatus = args.providerStatus;
    this.providerCode = args.providerCode ?? null;
    this.providerDetail = args.providerDetail ?? null;
    this.retryable = args.retryable;
  }
}

/**
 * True when a failed provider call may nevertheless have been carried out, so what it creates may
 * exist: no reply came (a timeout, a dropped or reset connection), the provider answered 5xx, or it
 * answered 2xx with a reply we could not read. False when the call was refused before it did
 * anything: a 4xx (validation, auth, 429), our own rate budget (`RateLimitedError`), or a request
 * that was never sent (credentials that could not be built, missing configuration).
 */
export function mayHaveTakenEffect(error: unknown): boolean {
  if (!(error instanceof ProviderError)) return false;
  const status = error.providerStatus;
  if (status === null) return error.retryable;
  return status >= 500 || (status >= 200 && status < 300);
}

/** Who waits for a provider call: someone's request (`interactive`) or a job (`background`). */
export type CallPriority = 'interactive' | 'background';

/**
 * A provider call was not made, or not finished, because of its rate limit: our own per-provider
 * budget is spent for this priority (background work is deferred first), or the provider answered
 * 429 with a wait longer than an interactive call may take. Retry after `retryAfterMs`. HTTP 503.
 */
export class RateLimitedError extends MeetbridgeError {
  readonly provider: string;
  readonly operation: string;
  readonly priority: CallPriority;
  /** How long until the call may succeed, in milliseconds (at least 1000). */
  readonly retryAfterMs: number;
  constructor(args: {
    provider: string;
    operation: string;
    priority: CallPriority;
    retryAfterMs: number;
    message: string;
    cause?: unknown;
  }) {
    super('provider_rate_limited', 503, args.message, { cause: args.cause });
    this.provider = args.provider;
    this.operation = args.operation;
    this.priority = args.priority;
    this.retryAfterMs = Math.max(1000, Math.ceil(args.retryAfterMs));
  }
}

/** Why a webhook was refused. Every reason maps to HTTP 401. */
export type WebhookFailureReason =
  'missing_header' | 'malformed_header' | 'timestamp_too_old' | 'timestamp_too_new' | 'bad_signature' | 'no_secret_configured';

/** The webhook's signature could not be verified. */
export class WebhookVerificationError extends MeetbridgeError {
  readonly reason: WebhookFailureReason;
  constructor(reason: WebhookFailureReason, message: string) {
    super('webhook_verification_failed', 401, message);
    this.reason = reason;
  }
}

/** A platform cannot be chosen here: switched off by a flag or missing credentials. HTTP 409. */
export class PlatformUnavailableError extends MeetbridgeError {
  readonly platform: string;
  readonly variables: readonly string[];
  constructor(platform: string, message: string, variables: readonly string[]) {
    super('platform_unavailable', 409, message);
    this.platform = platform;
    this.variables = variables;
  }
}
