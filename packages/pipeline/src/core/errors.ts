/**
 * The one error type of the pipeline. The job layer needs a single decision from it: stop now
 * (`permanent`: bad audio, a backend's 4xx, a misconfiguration) or try again later (transient: a
 * backend's 5xx or 429, a network error or timeout, ffmpeg killed from outside), waiting at least
 * `retryAfterMs` when the backend said so. Messages never contain an API key.
 *
 * It does not extend `@meetbridge/platforms`' `MeetbridgeError`: the two libraries do not depend on
 * each other. The server maps `code` to its own errors.
 */

/** What went wrong, as a stable machine-readable code. */
export type PipelineErrorCode =
  /** The input is not decodable audio, has no audio stream, or is empty. Permanent. */
  | 'bad_audio'
  /** ffmpeg or ffprobe could not be started or failed for another reason. */
  | 'ffmpeg_failed'
  /** The backend refused the request (4xx other than 429). Permanent. */
  | 'backend_rejected'
  /** The backend failed (5xx), throttled (429), timed out or could not be reached. Transient. */
  | 'backend_unavailable'
  /** The backend answered 2xx with something we cannot use (bad JSON, wrong shape). */
  | 'backend_invalid_output'
  /** A configuration value is missing or invalid. Permanent. */
  | 'config'
  /** The caller's AbortSignal fired. Transient: the work was interrupted, not refused. */
  | 'aborted';

/** Construction facts of a `PipelineError`. */
export interface PipelineErrorInit {
  code: PipelineErrorCode;
  message: string;
  permanent: boolean;
  /** The backend's name (`openai`, `openai-chat`) when a backend call failed. */
  backend?: string | null;
  /** HTTP status the backend answered, or null (network error, timeout, not an HTTP failure). */
  status?: number | null;
  /** The backend's `Retry-After`, in milliseconds, when it sent one. */
  retryAfterMs?: number | null;
  /** The last lines ffmpeg or ffprobe wrote to stderr, when a tool failed. */
  stderrTail?: string | null;
  cause?: unknown;
}

/** An error of the pipeline; see the module comment for `permanent`. */
export class PipelineError extends Error {
  readonly code: PipelineErrorCode;
  /** True: retrying cannot help (stop at once, show the reason). False: retry with backoff. */
  readonly permanent: boolean;
  readonly backend: string | null;
  readonly status: number | null;
  /** Minimum wait before a retry that the backend asked for (Retry-After), or null. */
  readonly retryAfterMs: number | null;
  readonly stderrTail: string | null;

  constructor(init: PipelineErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'PipelineError';
    this.code = init.code;
    this.permanent = init.permanent;
    this.backend = init.backend ?? null;
    this.status = init.status ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.stderrTail = init.stderrTail ?? null;
  }
}

/** True for a `PipelineError` that retrying cannot fix. Unknown errors count as transient. */
export function isPermanent(error: unknown): boolean {
  return error instanceof PipelineError && error.permanent;
}

/**
 * Classifies an HTTP failure status the way the pipeline treats backends: 429 and 5xx (and 408,
 * a timeout the server reports) are transient, every other 4xx is permanent.
 */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Throws a `PipelineError` with code `aborted` when `signal` has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) {
    throw new PipelineError({ code: 'aborted', permanent: false, message: `${what} was cancelled.`, cause: signal.reason });
  }
}
