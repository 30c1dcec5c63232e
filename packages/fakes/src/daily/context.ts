import type { ObjectStore } from '../core/object-store.js';
import type { FakeScheduler } from '../core/scheduler.js';
import type { WebhookSender } from '../core/webhook-sender.js';
import type { OutgoingWebhook, WebhookDelivery } from '../core/webhook-types.js';
import type { DailyPresence } from './presence.js';
import type { DailyRecorder } from './recordings.js';
import type { DailyTimestampUnit } from './sign.js';
import type { DailyState } from './state.js';

/** A webhook registered through `POST /webhooks` (Daily allows one per domain). */
export interface DailyWebhookRegistration {
  readonly uuid: string;
  url: string;
  hmac: string;
  basicAuth: string | null;
  retryType: 'circuit-breaker' | 'exponential';
  eventTypes: string[];
  readonly createdAt: string;
  updatedAt: string;
}

/** Everything the Daily routes and control share. */
export interface DailyContext {
  readonly apiKey: string;
  readonly domain: string;
  readonly domainId: string;
  readonly state: DailyState;
  readonly presence: DailyPresence;
  readonly recorder: DailyRecorder;
  readonly sender: WebhookSender;
  readonly scheduler: FakeScheduler;
  readonly now: () => number;
  /** Entries `GET /rooms/:name/presence` returns without `limit`. */
  readonly presenceDefaultLimit: number;
  /** The largest `limit` it accepts. */
  readonly presenceMaxLimit: number;
  /** The fake's origin, known once listening; used in access links. */
  origin: string;
  /** Base64 HMAC secret used to sign webhooks (replaced by `POST /webhooks` with an `hmac`). */
  webhookSecret: string;
  timestampUnit: DailyTimestampUnit;
  registration: DailyWebhookRegistration | undefined;
  /** Where finished recordings of rooms with a `recordings_bucket` are written; absent = not written. */
  readonly objects: ObjectStore | undefined;
}

/** Daily's exponential retries: at most 5 attempts, backing off up to 15 minutes (https://docs.daily.co/reference/rest-api/webhooks). */
export const EXPONENTIAL_RETRY_DELAYS_MS = [60_000, 120_000, 240_000, 480_000] as const;

/** Sends events (filtered by the registered `eventTypes`, if any) and resolves after delivery. */
export function emit(ctx: DailyContext, events: readonly OutgoingWebhook[]): Promise<WebhookDelivery[]> {
  const types = ctx.registration?.eventTypes;
  const wanted = types && types.length > 0 ? events.filter((e) => types.includes(e.type)) : events;
  return ctx.sender.send(wanted);
}

/** Sends events caused by a REST call in the background (await `control.settle()` to wait for them). */
export function dispatch(ctx: DailyContext, events: readonly OutgoingWebhook[]): void {
  if (events.length > 0) void emit(ctx, events);
}
