/** One request received by a fake's REST API, recorded for inspection by tests. */
export interface RecordedRequest {
  /** Sequence number, starting at 1 for each fake (reset by `reset()`). */
  readonly seq: number;
  readonly method: string;
  /** Path without the query string, e.g. `/v1/rooms/abc`. */
  readonly path: string;
  /** The full request URL as received (path and query). */
  readonly url: string;
  readonly query: Record<string, string | string[]>;
  /** Lower-cased request headers. */
  readonly headers: Record<string, string | string[] | undefined>;
  /** The exact request body as text (UTF-8), or undefined when there was none. */
  readonly rawBody: string | undefined;
  /** The parsed JSON body when the body was valid JSON, otherwise undefined. */
  readonly json: unknown;
  readonly receivedAt: Date;
  /** Response status, filled in once the reply was sent. */
  status?: number;
  /** Response body as sent, filled in once the reply was sent. */
  responseBody?: string;
}

/** Append-only log of REST requests, newest last. */
export class RequestLog {
  private readonly entries: RecordedRequest[] = [];
  private seq = 0;

  /** Records a request and returns the mutable entry so the status can be filled in later. */
  add(entry: Omit<RecordedRequest, 'seq'>): RecordedRequest {
    this.seq += 1;
    const recorded: RecordedRequest = { ...entry, seq: this.seq };
    this.entries.push(recorded);
    return recorded;
  }

  /** All recorded requests, oldest first. */
  all(): readonly RecordedRequest[] {
    return this.entries;
  }

  /** Forgets every recorded request and restarts numbering. */
  clear(): void {
    this.entries.length = 0;
    this.seq = 0;
  }
}
