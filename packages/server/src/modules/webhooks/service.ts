import type { Clock, HeaderBag, LoggerLike, PlatformAdapter, PlatformCatalog, VerifiedWebhook } from '@meetbridge/platforms';
import { WebhookVerificationError } from '@meetbridge/platforms';
import { sqlState } from '../../db/client.js';
import type { JobSender } from '../../jobs/types.js';
import { ServiceUnavailableError, ValidationError } from '../../lib/errors.js';
import { checkEventId, checkWebhookBody, errorExcerpt } from './limits.js';
import type { InboxRepo } from './repo.js';

export interface WebhookIntakeDeps {
  inbox: InboxRepo;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  jobs: JobSender;
}

export type ReceiveResult = 'stored' | 'duplicate' | 'ping';

/** Intake sends at most one drain job per this many milliseconds per process. */
const DRAIN_NUDGE_MS = 50;

/**
 * Webhook intake: verifies the signature over the raw bytes (the adapter's receiver does it),
 * stores the delivery once in the inbox and returns. Processing happens in `webhook.drain` jobs
 * (`drain.ts`), so the answer never waits on provider calls.
 */
export class WebhookIntake {
  private nudge: NodeJS.Timeout | undefined;

  constructor(private readonly deps: WebhookIntakeDeps) {}

  async receive(platform: string, rawBody: Buffer | undefined, headers: HeaderBag): Promise<ReceiveResult> {
    const body = rawBody ?? Buffer.alloc(0);
    // Before anything parses it: a body no retry can make storable is a 400, never a 503 or a wedge.
    checkWebhookBody(body);
    const adapter = this.deps.catalog.adapterForExisting(platform);
    if (!adapter) {
      throw new WebhookVerificationError(
        'no_secret_configured',
        `The ${platform} platform is not configured here, so its webhooks cannot be verified.`,
      );
    }
    if (adapter.webhooks.isPing(body, headers)) return 'ping';
    let verified: VerifiedWebhook;
    try {
      verified = adapter.webhooks.verify(body, headers, this.deps.clock.now());
    } catch (error) {
      if (await this.isStoredRetry(platform, adapter, body, headers, error)) return 'duplicate';
      throw error;
    }
    if (verified.body === undefined)
      throw new ValidationError('The webhook body is not valid JSON.', [{ field: 'body', message: 'must be JSON' }]);
    if (!Number.isFinite(verified.occurredAt.getTime())) {
      throw new WebhookVerificationError('malformed_header', 'The webhook carries a timestamp outside the representable date range.');
    }
    checkEventId(verified.eventId);
    let stored: boolean;
    try {
      stored = await this.deps.inbox.insert({
        platform,
        providerEventId: verified.eventId,
        type: verified.type,
        occurredAt: verified.occurredAt,
        rawJson: body.toString('utf8'),
      });
    } catch (error) {
      // Class 22 = data exception: JSON that jsonb refuses (e.g. \u0000); 54xxx = a program limit (nesting,
      // index row size). Retrying won't help, so the provider is told 400 instead of retrying forever.
      const state = sqlState(error);
      if (state?.startsWith('22') || state?.startsWith('54')) {
        this.deps.logger.warn(
          { platform, eventId: verified.eventId.slice(0, 100), ...errorExcerpt(error) },
          'refused an unstorable webhook',
        );
        throw new ValidationError('The webhook body is JSON that cannot be stored (e.g. a \\u0000 character).', [
          { field: 'body', message: 'unsupported JSON content' },
        ]);
      }
      this.deps.logger.error({ platform, ...errorExcerpt(error) }, 'could not store a webhook');
      throw new ServiceUnavailableError('The webhook could not be stored right now; retry later.', { cause: error });
    }
    if (stored) {
      this.scheduleDrain();
      return 'stored';
    }
    // Nothing inserted: a duplicate only if the row is really there (never claim "duplicate" for a lost row).
    if (await this.storedAlready(platform, verified.eventId)) return 'duplicate';
    this.deps.logger.error({ platform, eventId: verified.eventId.slice(0, 100) }, 'a webhook insert stored nothing and no row exists');
    throw new ServiceUnavailableError('The webhook could not be stored right now; retry later.');
  }

  /**
   * A provider may retry a delivery with its original timestamp, minutes later (Daily). One whose
   * signature is valid but whose timestamp is too old is answered 200 when that event is already
   * stored: nothing is replayed, and the provider does not count a failure (Daily disables a webhook
   * after 3). A stale delivery of an event not stored stays refused (replay protection).
   */
  private async isStoredRetry(
    platform: string,
    adapter: PlatformAdapter,
    body: Buffer,
    headers: HeaderBag,
    error: unknown,
  ): Promise<boolean> {
    if (!(error instanceof WebhookVerificationError) || error.reason !== 'timestamp_too_old') return false;
    let stale: VerifiedWebhook;
    try {
      stale = adapter.webhooks.verify(body, headers, this.deps.clock.now(), { allowStale: true });
    } catch {
      return false;
    }
    try {
      return await this.deps.inbox.exists(platform, stale.eventId);
    } catch (cause) {
      this.deps.logger.error({ platform, ...errorExcerpt(cause) }, 'could not look up a retried webhook');
      throw new ServiceUnavailableError('The webhook could not be checked right now; retry later.', { cause });
    }
  }

  private async storedAlready(platform: string, eventId: string): Promise<boolean> {
    try {
      return await this.deps.inbox.exists(platform, eventId);
    } catch (cause) {
      this.deps.logger.error({ platform, ...errorExcerpt(cause) }, 'could not look up a duplicate webhook');
      throw new ServiceUnavailableError('The webhook could not be checked right now; retry later.', { cause });
    }
  }

  /** Gets the new delivery processed soon; one drain job per 50 ms is plenty (a job empties the whole inbox). */
  private scheduleDrain(): void {
    if (this.nudge) return;
    this.nudge = setTimeout(() => {
      this.nudge = undefined;
      // A failure here loses nothing: the periodic drain picks up every pending row.
      this.deps.jobs.send('webhook.drain', {}).catch((err: unknown) => this.deps.logger.debug({ err }, 'could not nudge the inbox drain'));
    }, DRAIN_NUDGE_MS);
    this.nudge.unref();
  }

  /** Cancels a pending nudge (shutdown). */
  close(): void {
    clearTimeout(this.nudge);
    this.nudge = undefined;
  }
}
