/** Order in which held webhooks are released by `flushWebhooks`. */
export type WebhookOrder = 'fifo' | 'reversed' | 'shuffled';

/**
 * Delivery faults for outgoing webhooks. All default to "off"; set them with
 * `control.setWebhookOptions(...)` (they stay until changed or `reset()`).
 */
export interface WebhookDeliveryOptions {
  /** Extra copies of every webhook, sent right after the original with the same body. Default 0. */
  duplicate?: number;
  /** Queue webhooks instead of sending them; release with `flushWebhooks({order})`. Default false. */
  hold?: boolean;
  /** Drop (never send) the next N webhooks: lost-webhook simulation. Counts down as webhooks are dropped. */
  dropNext?: number;
  /** Drop every webhook of these event types. */
  dropTypes?: string[];
  /** Sign with a secret other than the configured one. Default false. */
  wrongSecret?: boolean;
  /** Shift the signed timestamp by this many seconds (negative = stale). Default 0. */
  timestampOffsetSeconds?: number;
}

/** What became of one webhook copy. */
export type WebhookDeliveryState = 'pending' | 'held' | 'retry-scheduled' | 'delivered' | 'failed' | 'dropped' | 'suppressed' | 'no-target';

/** One HTTP attempt to deliver a webhook. */
export interface WebhookAttempt {
  readonly at: Date;
  /** Response status; absent when the request failed (network error, timeout). */
  readonly status?: number;
  readonly error?: string;
}

/** One webhook copy and its delivery history, recorded for inspection by tests. */
export interface WebhookDelivery {
  readonly seq: number;
  /** The provider's event id (`id` in the envelope). */
  readonly eventId: string;
  /** The event type, e.g. `participant.joined`; `verification` for Daily's test ping. */
  readonly type: string;
  /**
   * The exact bytes sent (compact `JSON.stringify`). For webhooks stamped at send time (Daily's
   * `event_ts`) it is rendered again at the first attempt, and kept for every retry.
   */
  body: string;
  /** The envelope object that was serialized into `body`. */
  envelope: unknown;
  /** The signed timestamp of the first attempt (unix ms); retries that keep it (Daily) reuse it. */
  signedAtMs?: number;
  /** 0 for the original, 1..n for copies made by the `duplicate` option. */
  readonly copy: number;
  /** Whether the delivery carries signature headers (false only for Daily's verification ping). */
  readonly signed: boolean;
  state: WebhookDeliveryState;
  /** Headers of the last attempt (signature headers included). */
  headers: Record<string, string>;
  readonly attempts: WebhookAttempt[];
}

/** A provider event ready to be serialized and sent. */
export interface OutgoingWebhook {
  readonly id: string;
  readonly type: string;
  readonly envelope: unknown;
  /**
   * Renders the envelope at the moment of sending (unix ms), for fields the provider stamps then
   * (Daily's `event_ts`, "when the webhook itself was sent"). Default: `envelope` as is.
   */
  readonly render?: (sentAtMs: number) => unknown;
  /** False for Daily's unsigned verification ping. Default true. */
  readonly signed?: boolean;
}
