import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { signStandardWebhook, type Clock, type LoggerLike } from '@meetbridge/platforms';
import type { Executor } from '../../db/client.js';
import type { OutboundWebhookDeliveryRow } from '../../db/schema/index.js';
import type { JobSender } from '../../jobs/types.js';
import { ForbiddenError } from '../../lib/errors.js';
import { UnsafeUrlError } from '../../lib/safe-http.js';
import type { User } from '../../plugins/auth.js';
import type { RoomService, RoomWebhookTarget } from '../rooms/service.js';
import type { DeliveryRepo } from './delivery-repo.js';
import type { WebhookDelivery, WebhookDeliveryList } from './schemas.js';

/**
 * Outbound webhooks: when a transcript is done, its room's `webhook_url` gets `transcript.completed`,
 * signed the Standard Webhooks way with the room's secret (the scheme the mock provider's webhooks
 * use, from `@meetbridge/platforms`). The event (id and body) is stored when the transcript is done,
 * in the same transaction; deliveries then retry on their own schedule for up to 24 h, each attempt
 * with the same `webhook-id` and body, a fresh timestamp and signature.
 */

/** Waits after failed attempt 1, 2, …: Svix's schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h), about 17.6 h in all. */
export const RETRY_SCHEDULE_SECONDS = [5, 300, 1800, 7200, 18_000, 36_000] as const;
/** No attempt is made later than this after the event. */
export const DELIVERY_WINDOW_MS = 24 * 3600 * 1000;
/** How long one attempt may take. */
const ATTEMPT_TIMEOUT_MS = 15_000;

/** The part of `lib/safe-http.ts`'s `SafeHttp` used here (it refuses private targets with `UnsafeUrlError`). */
export interface SafeHttpLike {
  request(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
  ): Promise<{ status: number; body: Readable }>;
}

export interface OutboundWebhookDeps {
  repo: DeliveryRepo;
  rooms: RoomService;
  jobs: JobSender;
  http: SafeHttpLike;
  clock: Clock;
  logger: LoggerLike;
}

/** Why an attempt failed, short and without the secret or the response body. */
function describeFailure(error: unknown): string {
  if (error instanceof Error) return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}`.slice(0, 500);
  return String(error).slice(0, 500);
}

/** A URL that the SSRF guard refused: no attempt could ever reach it. */
function isRefusedTarget(error: unknown): boolean {
  return error instanceof UnsafeUrlError;
}

export class OutboundWebhooks {
  constructor(private readonly deps: OutboundWebhookDeps) {}

  /** The room's webhook target; read before the transaction that stores the event. */
  target(roomId: string | null): Promise<RoomWebhookTarget | null> {
    return roomId ? this.deps.rooms.webhookTarget(roomId) : Promise.resolve(null);
  }

  /**
   * Stores an event for `target` and queues its first attempt, inside `tx`: the event exists
   * exactly when the state change it reports was committed. Returns the event id.
   */
  async enqueue(tx: Executor, target: RoomWebhookTarget, transcriptId: string, type: string, data: unknown): Promise<string> {
    const now = this.deps.clock.now();
    const eventId = `msg_${randomUUID()}`;
    const body = JSON.stringify({ type, timestamp: now.toISOString(), data });
    const row = await this.deps.repo.insert(tx, {
      eventId,
      eventType: type,
      transcriptId,
      roomId: target.roomId,
      url: target.url,
      body,
      nextAttemptAt: now,
      createdAt: now,
    });
    await this.deps.jobs.send('pipeline.deliver-webhook', { deliveryId: row.id }, { tx, singletonKey: row.id });
    return eventId;
  }

  /** One attempt; schedules the next one (or gives up) on failure. Never throws for a failed attempt. */
  async attempt(deliveryId: string): Promise<void> {
    const row = await this.deps.repo.byId(deliveryId);
    if (!row || row.status !== 'pending') return;
    const now = this.deps.clock.now();
    const target = row.roomId ? await this.deps.rooms.webhookTarget(row.roomId) : null;
    if (!target) {
      await this.deps.repo.update(row.id, {
        status: 'failed',
        lastError: 'The room no longer has a webhook (or was deleted).',
        nextAttemptAt: null,
      });
      return;
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Meetbridge-Webhooks/1',
      ...signStandardWebhook(target.secret, row.eventId, Math.floor(now.getTime() / 1000), row.body),
    };
    let status: number | null = null;
    let error: string | null = null;
    let refused = false;
    try {
      const response = await this.deps.http.request(row.url, {
        method: 'POST',
        headers,
        body: row.body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      response.body.resume(); // the answer's body is not kept
      status = response.status;
      if (status < 200 || status > 299) error = `The target answered ${status}.`;
    } catch (caught) {
      refused = isRefusedTarget(caught);
      error = describeFailure(caught);
    }
    await this.record(row, now, status, error, refused);
  }

  private async record(row: OutboundWebhookDeliveryRow, now: Date, status: number | null, error: string | null, refused: boolean) {
    const attempts = row.attempts + 1;
    const common = { attempts, lastStatus: status, lastError: error, lastAttemptAt: now };
    if (error === null) {
      await this.deps.repo.update(row.id, { ...common, status: 'delivered', deliveredAt: now, nextAttemptAt: null });
      this.deps.logger.info({ deliveryId: row.id, eventId: row.eventId, attempts }, 'outbound webhook delivered');
      return;
    }
    const wait = RETRY_SCHEDULE_SECONDS[attempts - 1];
    const next = wait === undefined ? null : new Date(now.getTime() + wait * 1000);
    if (refused || !next || next.getTime() - row.createdAt.getTime() > DELIVERY_WINDOW_MS) {
      await this.deps.repo.update(row.id, { ...common, status: 'failed', nextAttemptAt: null });
      this.deps.logger.warn({ deliveryId: row.id, eventId: row.eventId, attempts, status, error }, 'outbound webhook given up');
      return;
    }
    await this.deps.repo.transaction(async (tx) => {
      await this.deps.repo.update(row.id, { ...common, nextAttemptAt: next }, tx);
      await this.deps.jobs.send('pipeline.deliver-webhook', { deliveryId: row.id }, { tx, startAfter: next });
    });
    this.deps.logger.info({ deliveryId: row.id, eventId: row.eventId, attempts, status, next }, 'outbound webhook failed; retry scheduled');
  }

  /** A room's deliveries, for its owner. */
  async list(user: User, roomId: string, page: number, pageSize: number): Promise<WebhookDeliveryList> {
    const room = await this.deps.rooms.getById(roomId);
    if (room.userId !== user.id) throw new ForbiddenError('Only the room owner may see its webhook deliveries.');
    const { rows, total } = await this.deps.repo.listForRoom(roomId, page, pageSize);
    return { items: rows.map(toDeliveryDto), total, page, page_size: pageSize };
  }
}

/** Row → API. The body is not repeated (it holds the transcript); the secret was never stored here. */
export function toDeliveryDto(row: OutboundWebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    event_id: row.eventId,
    event_type: row.eventType,
    transcript_id: row.transcriptId,
    url: row.url,
    status: row.status,
    attempts: row.attempts,
    last_status: row.lastStatus,
    last_error: row.lastError,
    last_attempt_at: row.lastAttemptAt?.toISOString() ?? null,
    next_attempt_at: row.nextAttemptAt?.toISOString() ?? null,
    delivered_at: row.deliveredAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
  };
}
