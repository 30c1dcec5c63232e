import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FaultInjector, FaultRule } from './faults.js';
import type { RecordedRequest, RequestLog } from './request-log.js';
import type { FakeScheduler, ScheduledTask } from './scheduler.js';
import type { WebhookCircuit, WebhookSender } from './webhook-sender.js';
import type { WebhookDelivery, WebhookDeliveryOptions, WebhookOrder } from './webhook-types.js';

/** Thrown by control operations on bad input; the HTTP control API renders it as `{error}` with `status`. */
export class FakeControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'FakeControlError';
  }
}

/** The parts of a fake shared by both providers. */
export interface FakeCore {
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly sender: WebhookSender;
  readonly scheduler: FakeScheduler;
}

/** Control operations common to every fake: faults, webhook delivery options, inspection. */
export abstract class BaseControl {
  constructor(protected readonly core: FakeCore) {}

  /** Adds a fault rule for the provider's REST API (see `FaultRule`). */
  setFault(rule: FaultRule): void {
    if (typeof rule.path !== 'string' || rule.path === '') throw new FakeControlError(400, 'fault.path is required');
    if (rule.lostReply !== undefined && rule.lostReply !== 'delay' && rule.lostReply !== 'destroy') {
      throw new FakeControlError(400, 'fault.lostReply must be "delay" or "destroy"');
    }
    this.core.faults.add(rule);
  }

  /** The fault rules that still have uses left. */
  faults(): readonly FaultRule[] {
    return this.core.faults.list();
  }

  /** Removes every fault rule. */
  clearFaults(): void {
    this.core.faults.clear();
  }

  /** Replaces the webhook delivery options (duplicate, hold, drop, wrong secret, stale timestamp). */
  setWebhookOptions(options: WebhookDeliveryOptions): void {
    this.core.sender.setOptions(options);
  }

  /** The current webhook delivery options. */
  webhookOptions(): WebhookDeliveryOptions {
    return this.core.sender.getOptions();
  }

  /** Sets (or with undefined, clears) the URL webhooks are POSTed to. */
  setWebhookUrl(url: string | undefined): void {
    if (url !== undefined) {
      try {
        new URL(url);
      } catch {
        throw new FakeControlError(400, `webhook url "${url}" is not an absolute URL`);
      }
    }
    this.core.sender.setUrl(url);
  }

  /** Releases webhooks queued by the `hold` option, in the given order. */
  flushWebhooks(opts: { order?: WebhookOrder; seed?: number } = {}): Promise<WebhookDelivery[]> {
    return this.core.sender.flush(opts.order ?? 'fifo', opts.seed);
  }

  /** Resolves once every webhook triggered so far (e.g. by REST calls) has been delivered or given up on. */
  settle(): Promise<void> {
    return this.core.sender.settle();
  }

  /**
   * Runs the provider behaviour that is due on the fake's clock (a delayed `meeting.ended`, a
   * session that ends after fewer than 2 participants remained, a scheduled webhook retry), then
   * waits for the webhooks it sent. Tests move their injected clock and call this instead of sleeping.
   */
  async tick(): Promise<void> {
    await this.core.scheduler.runDue();
    await this.core.sender.settle();
  }

  /** Runs every scheduled behaviour now, whatever its due time (fast-forward), and waits for its webhooks. */
  async flushScheduled(): Promise<void> {
    await this.core.scheduler.runAll();
    await this.core.sender.settle();
  }

  /** Behaviour scheduled for later on the fake's clock, soonest first. */
  scheduled(): ScheduledTask[] {
    return this.core.scheduler.pending();
  }

  /** Every REST request received so far, with exact bodies. */
  requests(): readonly RecordedRequest[] {
    return this.core.log.all();
  }

  /** Forgets the recorded requests. */
  clearRequests(): void {
    this.core.log.clear();
  }

  /** Every webhook recorded so far (sent, held, dropped...). */
  webhooks(): readonly WebhookDelivery[] {
    return this.core.sender.deliveries();
  }

  /** Circuit-breaker state of the webhook (only Daily trips it). */
  webhookCircuit(): WebhookCircuit {
    return this.core.sender.circuit();
  }

  /** Re-activates a webhook the circuit breaker stopped (as Daily's `POST /webhooks/:uuid` does). */
  reactivateWebhook(): void {
    this.core.sender.reactivate();
  }

  /** Clears faults, requests, webhook records and options. Subclasses also clear provider state. */
  reset(): void {
    this.core.scheduler.clear();
    this.core.faults.clear();
    this.core.log.clear();
    this.core.sender.reset();
  }
}

/** Sends a control error (or rethrows anything else). */
export function sendControlError(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof FakeControlError) return reply.code(err.status).send({ error: err.message });
  throw err;
}

/** Reads a JSON object body for a control route, `{}` when absent. */
export function controlBody<T>(body: unknown): T {
  if (body === undefined || body === null) return {} as T;
  if (typeof body !== 'object' || Array.isArray(body)) throw new FakeControlError(400, 'expected a JSON object body');
  return body as T;
}

/** Registers the control routes every fake has, under `/_control`. */
export function registerCommonControlRoutes(app: FastifyInstance, control: BaseControl): void {
  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof FakeControlError) return reply.code(err.status).send({ error: err.message });
    return reply.code(500).send({ error: err instanceof Error ? err.message : String(err) });
  });
  app.get('/_control/requests', async () => control.requests());
  app.delete('/_control/requests', async (_req, reply) => {
    control.clearRequests();
    return reply.code(204).send();
  });
  app.get('/_control/webhooks', async () => ({ circuit: control.webhookCircuit(), deliveries: control.webhooks() }));
  app.get('/_control/faults', async () => control.faults());
  app.post('/_control/faults', async (req, reply) => {
    control.setFault(controlBody<FaultRule>(req.body));
    return reply.code(204).send();
  });
  app.delete('/_control/faults', async (_req, reply) => {
    control.clearFaults();
    return reply.code(204).send();
  });
  app.put('/_control/webhook-options', async (req) => {
    control.setWebhookOptions(controlBody<WebhookDeliveryOptions>(req.body));
    return control.webhookOptions();
  });
  app.put('/_control/webhook-url', async (req, reply) => {
    control.setWebhookUrl(controlBody<{ url?: string }>(req.body).url);
    return reply.code(204).send();
  });
  app.post('/_control/webhooks/flush', async (req) =>
    control.flushWebhooks(controlBody<{ order?: WebhookOrder; seed?: number }>(req.body)),
  );
  app.post('/_control/webhooks/reactivate', async (_req, reply) => {
    control.reactivateWebhook();
    return reply.code(204).send();
  });
  app.post('/_control/tick', async (_req, reply) => {
    await control.tick();
    return reply.code(204).send();
  });
  app.post('/_control/scheduled/flush', async (_req, reply) => {
    await control.flushScheduled();
    return reply.code(204).send();
  });
  app.get('/_control/scheduled', async () => control.scheduled());
  app.post('/_control/settle', async (_req, reply) => {
    await control.settle();
    return reply.code(204).send();
  });
  app.post('/_control/reset', async (_req, reply) => {
    control.reset();
    return reply.code(204).send();
  });
}
