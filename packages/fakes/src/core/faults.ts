/**
 * A fault applied to the next `times` REST requests matching `method` and `path`.
 * - `delayMs` alone delays the request, which is then answered normally;
 * - `status` answers with that status instead (after `delayMs` when both are set);
 *   429 uses the provider's rate-limit body and a `Retry-After` header;
 *   other statuses use the provider's error body unless `body` is given;
 * - `lostReply` lets the provider carry the request out (a room is created) and then loses the
 *   reply: held for `delayMs` (past the client's timeout), or the connection destroyed.
 */
export interface FaultRule {
  /** Path pattern without query string: `*` matches one path segment, `**` anything. E.g. `/v1/rooms/*`. */
  path: string;
  /** HTTP method to match (case-insensitive). Default: any. */
  method?: string;
  /** How many matching requests the fault applies to. Default 1; use `Infinity` (or -1 over HTTP) for all. */
  times?: number;
  /** Status to answer with instead of handling the request. */
  status?: number;
  /** Response body for `status`; default: the provider's realistic error body. */
  body?: unknown;
  /** For 429: the `Retry-After` value in seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Delay before answering, in milliseconds (with `lostReply: 'delay'`, after handling the request). */
  delayMs?: number;
  /**
   * The request is handled as usual (what it creates is committed), then its reply is lost:
   * `delay` holds the reply for `delayMs` (set it past the client's timeout), `destroy` destroys the
   * connection instead of answering. `status` and `body` are ignored. This is the case a client
   * cannot tell from a request that never arrived: a non-idempotent request whose connection
   * fails "before any response is received" may have been carried out (RFC 9110 §9.2.2,
   * https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2). Daily names rooms by the client's
   * `name` (`POST /rooms`, https://docs.daily.co/reference/rest-api/rooms/create-room), so such a
   * room can be found and deleted by that name.
   */
  lostReply?: 'delay' | 'destroy';
}

/** A fault that matched a request, as returned by `FaultInjector.take`. */
export interface MatchedFault {
  readonly status?: number;
  readonly body?: unknown;
  readonly retryAfterSeconds: number;
  readonly delayMs: number;
  readonly lostReply?: 'delay' | 'destroy';
}

interface ActiveRule {
  readonly rule: FaultRule;
  readonly pattern: RegExp;
  remaining: number;
}

/** Converts a path pattern (`*` one segment, `**` anything) into an anchored RegExp. */
export function pathPattern(path: string): RegExp {
  const escaped = path
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((literal) => literal.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/** Holds the active fault rules of one fake; the first matching rule with uses left wins. */
export class FaultInjector {
  private rules: ActiveRule[] = [];

  /** Adds a rule. Rules are matched in the order they were added. */
  add(rule: FaultRule): void {
    const times = rule.times === undefined ? 1 : rule.times < 0 ? Infinity : rule.times;
    this.rules.push({ rule, pattern: pathPattern(rule.path), remaining: times });
  }

  /** Consumes one use of the first rule matching the request, if any. */
  take(method: string, path: string): MatchedFault | undefined {
    const active = this.rules.find(
      (r) => r.remaining > 0 && r.pattern.test(path) && (!r.rule.method || r.rule.method.toUpperCase() === method.toUpperCase()),
    );
    if (!active) return undefined;
    active.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    const { status, body, retryAfterSeconds = 1, delayMs = 0, lostReply } = active.rule;
    return { status, body, retryAfterSeconds, delayMs, ...(lostReply ? { lostReply } : {}) };
  }

  /** The rules that still have uses left. */
  list(): readonly FaultRule[] {
    return this.rules.map((r) => ({ ...r.rule, times: r.remaining }));
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }
}
