import type { FakeScheduler } from './scheduler.js';
import type { OutgoingWebhook, WebhookDelivery, WebhookDeliveryOptions, WebhookOrder } from './webhook-types.js';

/** Signs `rawBody` for one attempt; returns the signature headers. */
export type WebhookSigner = (rawBody: string, timestampMs: number, wrongSecret: boolean) => Record<string, string>;

/** Provider-specific delivery behaviour of a `WebhookSender`. */
export interface WebhookSenderConfig {
  /** Target URL; webhooks are recorded as `no-target` while it is unset. */
  url?: string;
  sign: WebhookSigner;
  now: () => number;
  /** Per-attempt timeout in ms (Whereby documents 5 s). */
  timeoutMs: number;
  /** Retries after a retryable failure (Whereby: 2; Daily circuit-breaker: 0, exponential: 4). */
  maxRetries: number;
  /**
   * Waits before retry n (ms, on the fake's clock), run by `scheduler`: Daily's exponential retries
   * come minutes apart. Unset: retries follow at once (Whereby's "short exponential backoff").
   */
  retryDelaysMs?: readonly number[];
  /** Runs delayed retries (required with `retryDelaysMs`). */
  scheduler?: FakeScheduler;
  /** Retries are sent with the first attempt's body and signed timestamp (Daily) instead of re-signed now. */
  retrySameTimestamp?: boolean;
  isSuccess: (status: number) => boolean;
  /** Whether a failed attempt (status, or undefined for network error/timeout) is retried. */
  isRetryable: (status: number | undefined) => boolean;
  /** Consecutive failed webhooks after which sending stops (Daily: 3). Default: never. */
  circuitBreakerThreshold?: number;
  /** Headers added to every attempt, e.g. Daily's `Authorization: Basic` when `basicAuth` is set. */
  extraHeaders?: () => Record<string, string>;
}

/** Circuit-breaker state, mirroring Daily's webhook `state` and `failedCount`. */
export interface WebhookCircuit {
  readonly state: 'ACTIVE' | 'FAILED';
  readonly failedCount: number;
}

/** Deterministic PRNG (mulberry32) so a shuffled order can be reproduced from its seed. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Returns a new array in the requested order (Fisher–Yates for `shuffled`). */
export function orderItems<T>(items: readonly T[], order: WebhookOrder, seed: number): T[] {
  const out = [...items];
  if (order === 'reversed') return out.reverse();
  if (order === 'shuffled') {
    const random = seededRandom(seed);
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
  }
  return out;
}

/**
 * Serializes, signs and POSTs webhooks one at a time, in order, applying the delivery faults of
 * `WebhookDeliveryOptions`. Every copy is recorded as a `WebhookDelivery`.
 */
export class WebhookSender {
  private options: WebhookDeliveryOptions = {};
  private readonly records: WebhookDelivery[] = [];
  private held: WebhookDelivery[] = [];
  private chain: Promise<void> = Promise.resolve();
  private seq = 0;
  /** Deliveries whose envelope is stamped when first sent. */
  private readonly renderers = new WeakMap<WebhookDelivery, (sentAtMs: number) => unknown>();
  private failedCount = 0;
  private circuitOpen = false;

  constructor(private readonly config: WebhookSenderConfig) {}

  /** Sets the target URL (undefined: record only). */
  setUrl(url: string | undefined): void {
    this.config.url = url;
  }

  /** The current target URL. */
  get url(): string | undefined {
    return this.config.url;
  }

  /** Replaces the delivery options. */
  setOptions(options: WebhookDeliveryOptions): void {
    this.options = { ...options };
  }

  /** The current delivery options. */
  getOptions(): WebhookDeliveryOptions {
    return { ...this.options };
  }

  /** Every recorded delivery, oldest first. */
  deliveries(): readonly WebhookDelivery[] {
    return this.records;
  }

  /** Changes the retry policy (Daily: `retryType` of the registered webhook). */
  configure(policy: Partial<Pick<WebhookSenderConfig, 'maxRetries' | 'circuitBreakerThreshold' | 'retryDelaysMs'>>): void {
    if ('maxRetries' in policy && policy.maxRetries !== undefined) this.config.maxRetries = policy.maxRetries;
    if ('circuitBreakerThreshold' in policy) this.config.circuitBreakerThreshold = policy.circuitBreakerThreshold;
    if ('retryDelaysMs' in policy) this.config.retryDelaysMs = policy.retryDelaysMs;
  }

  /**
   * POSTs an unsigned body to `url` once, outside the queue (Daily's verification ping on webhook
   * creation), records it and returns the response status (undefined on network error or timeout).
   */
  async probe(url: string, webhook: OutgoingWebhook, headers: Record<string, string> = {}): Promise<number | undefined> {
    const [delivery] = this.record({ ...webhook, signed: false }, false);
    if (!delivery) return undefined;
    const status = await this.attempt(url, delivery, headers);
    delivery.state = status !== undefined && this.config.isSuccess(status) ? 'delivered' : 'failed';
    return status;
  }

  /** Circuit-breaker state. */
  circuit(): WebhookCircuit {
    return { state: this.circuitOpen ? 'FAILED' : 'ACTIVE', failedCount: this.failedCount };
  }

  /** Re-activates a FAILED webhook (Daily: `POST /webhooks/:uuid`). */
  reactivate(): void {
    this.circuitOpen = false;
    this.failedCount = 0;
  }

  /**
   * Records the webhooks and delivers them in order after anything already queued.
   * Resolves once these webhooks were delivered, dropped, held or given up on.
   */
  send(webhooks: readonly OutgoingWebhook[]): Promise<WebhookDelivery[]> {
    const created = webhooks.flatMap((w) => this.record(w));
    const toSend = created.filter((d) => d.state === 'pending');
    return this.enqueue(toSend).then(() => created);
  }

  /** Releases held webhooks in the given order. `seed` makes `shuffled` reproducible. */
  flush(order: WebhookOrder = 'fifo', seed: number = Date.now()): Promise<WebhookDelivery[]> {
    const batch = orderItems(this.held, order, seed);
    this.held = [];
    for (const d of batch) d.state = 'pending';
    return this.enqueue(batch).then(() => batch);
  }

  /** Resolves when every queued delivery has finished (held webhooks excluded). */
  async settle(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.chain;
      await current;
    } while (current !== this.chain);
  }

  /** Forgets options, records, held webhooks and the circuit state; the URL is kept. */
  reset(): void {
    this.options = {};
    this.records.length = 0;
    this.held = [];
    this.seq = 0;
    this.reactivate();
  }

  private record(webhook: OutgoingWebhook, applyFaults = true): WebhookDelivery[] {
    const envelope = webhook.render ? webhook.render(this.config.now()) : webhook.envelope;
    const body = JSON.stringify(envelope);
    const make = (copy: number): WebhookDelivery => {
      this.seq += 1;
      const delivery: WebhookDelivery = {
        seq: this.seq,
        eventId: webhook.id,
        type: webhook.type,
        body,
        envelope,
        copy,
        signed: webhook.signed ?? true,
        state: 'pending',
        headers: {},
        attempts: [],
      };
      this.records.push(delivery);
      if (webhook.render) this.renderers.set(delivery, webhook.render);
      return delivery;
    };
    if (!applyFaults) return [make(0)];
    if (this.shouldDrop(webhook.type)) {
      const dropped = make(0);
      dropped.state = 'dropped';
      return [dropped];
    }
    const copies = Array.from({ length: 1 + Math.max(0, this.options.duplicate ?? 0) }, (_, i) => make(i));
    if (this.options.hold) {
      for (const d of copies) d.state = 'held';
      this.held.push(...copies);
    }
    return copies;
  }

  private shouldDrop(type: string): boolean {
    if (this.options.dropTypes?.includes(type)) return true;
    const left = this.options.dropNext ?? 0;
    if (left <= 0) return false;
    this.options.dropNext = left - 1;
    return true;
  }

  private enqueue(batch: readonly WebhookDelivery[]): Promise<void> {
    const run = this.chain.then(async () => {
      for (const d of batch) await this.deliver(d);
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async deliver(delivery: WebhookDelivery): Promise<void> {
    const url = this.config.url;
    if (!url) {
      delivery.state = 'no-target';
      return;
    }
    if (this.circuitOpen && delivery.signed) {
      delivery.state = 'suppressed';
      return;
    }
    const status = await this.attempt(url, delivery);
    if (status !== undefined && this.config.isSuccess(status)) {
      delivery.state = 'delivered';
      if (delivery.signed) this.failedCount = 0;
      return;
    }
    const retriesMade = delivery.attempts.length - 1;
    if (this.config.isRetryable(status) && retriesMade < this.config.maxRetries) {
      const delay = this.config.retryDelaysMs?.[retriesMade];
      if (delay === undefined || !this.config.scheduler) return this.deliver(delivery);
      delivery.state = 'retry-scheduled';
      this.config.scheduler.at(this.config.now() + delay, `webhook-retry ${delivery.seq}`, () => this.enqueue([delivery]));
      return;
    }
    delivery.state = 'failed';
    if (delivery.signed) this.countFailure();
  }

  private countFailure(): void {
    this.failedCount += 1;
    const threshold = this.config.circuitBreakerThreshold;
    if (threshold !== undefined && this.failedCount >= threshold) this.circuitOpen = true;
  }

  private async attempt(url: string, delivery: WebhookDelivery, extra: Record<string, string> = {}): Promise<number | undefined> {
    const first = delivery.attempts.length === 0;
    const render = this.renderers.get(delivery);
    if (first && render) {
      delivery.envelope = render(this.config.now());
      delivery.body = JSON.stringify(delivery.envelope);
    }
    const keep = !first && this.config.retrySameTimestamp === true && delivery.signedAtMs !== undefined;
    const timestampMs = keep ? (delivery.signedAtMs ?? 0) : this.config.now() + (this.options.timestampOffsetSeconds ?? 0) * 1000;
    delivery.signedAtMs = timestampMs;
    const signature = delivery.signed ? this.config.sign(delivery.body, timestampMs, this.options.wrongSecret ?? false) : {};
    delivery.headers = {
      'content-type': 'application/json',
      'user-agent': 'meetbridge-fakes',
      ...this.config.extraHeaders?.(),
      ...extra,
      ...signature,
    };
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: delivery.headers,
        body: delivery.body,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      await res.arrayBuffer();
      delivery.attempts.push({ at: new Date(this.config.now()), status: res.status });
      return res.status;
    } catch (err) {
      delivery.attempts.push({ at: new Date(this.config.now()), error: err instanceof Error ? err.message : String(err) });
      return undefined;
    }
  }
}
