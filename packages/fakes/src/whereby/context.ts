import type { WebhookSender } from '../core/webhook-sender.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';
import type { WherebyPresence } from './presence.js';
import type { WherebyState } from './state.js';

/** Everything the Whereby routes and control share. */
export interface WherebyContext {
  readonly apiKey: string;
  readonly subdomain: string;
  readonly state: WherebyState;
  readonly presence: WherebyPresence;
  readonly sender: WebhookSender;
  readonly now: () => number;
  /** The fake's origin (`http://127.0.0.1:port`), known once listening; used in access links. */
  origin: string;
}

/** Sends webhooks caused by a REST call in the background (await `control.settle()` to wait for them). */
export function dispatch(ctx: WherebyContext, events: readonly OutgoingWebhook[]): void {
  if (events.length > 0) void ctx.sender.send(events);
}
