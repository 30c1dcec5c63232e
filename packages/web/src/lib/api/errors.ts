import type { Problem } from './types';

const PROBLEM_PREFIX = 'urn:meetbridge:problem:';

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number' && 'detail' in value;
}

/** Seconds to wait from a `Retry-After` header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** A failed API call: the HTTP status, the problem details the server sent, and its `Retry-After`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem?.detail ?? `The server answered HTTP ${status}.`);
    this.name = 'ApiError';
  }

  /** The problem's code: `urn:meetbridge:problem:conflict` → `conflict`. */
  get code(): string | null {
    const type = this.problem?.type;
    return type?.startsWith(PROBLEM_PREFIX) ? type.slice(PROBLEM_PREFIX.length) : null;
  }

  /**
   * The problem's `errors[]` by request field (`body.name` → `name`, `querystring.page` → `page`),
   * for showing next to form fields; errors about the whole body are under `''`.
   */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.problem?.errors ?? []) {
      const name = field.split('.').slice(1).join('.');
      out[name] = out[name] ? `${out[name]}; ${message}` : message;
    }
    return out;
  }
}

/** True for an `ApiError`, optionally with one of `statuses`. */
export function isApiError(error: unknown, ...statuses: number[]): error is ApiError {
  return error instanceof ApiError && (statuses.length === 0 || statuses.includes(error.status));
}

/** The result of an openapi-fetch call: data on success, the parsed error body otherwise. */
interface FetchResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/** Resolves to the response data, or throws `ApiError` with the problem details. */
export async function unwrap<D>(call: Promise<FetchResult<D>>): Promise<D> {
  const { data, error, response } = await call;
  if (response.ok) return data as D;
  throw new ApiError(response.status, isProblem(error) ? error : null, parseRetryAfter(response.headers.get('retry-after')));
}
