import type { Clock, LoggerLike, WebhookRegistration } from '@meetbridge/platforms';
import type { WebhookHealthRow } from '../../db/schema/index.js';
import type { ManagedWebhook, WebhookAdmin } from './admin.js';
import type { WebhookHealthRepo } from './repo.js';

export interface WebhookHealthDeps {
  admin: WebhookAdmin;
  repo: WebhookHealthRepo;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * Keeps provider webhooks delivering. Daily disables a webhook after 3 failed deliveries in a row
 * (401, 5xx, timeouts) and then sends nothing: no participants, no meeting end, no recordings
 * (https://docs.daily.co/reference/rest-api/webhooks). The periodic check (`webhook.health-check`)
 * asks each managed provider for its registration, logs an error and re-activates one in `FAILED`
 * state, and records what it found for `GET /status/webhooks`.
 */
export class WebhookHealth {
  constructor(private readonly deps: WebhookHealthDeps) {}

  /** One check of every managed platform; never throws (each platform's outcome is recorded). */
  async check(): Promise<WebhookHealthRow[]> {
    const rows: WebhookHealthRow[] = [];
    for (const m of this.deps.admin.managed()) rows.push(await this.checkOne(m));
    return rows;
  }

  /** The last recorded check of each platform. */
  status(): Promise<WebhookHealthRow[]> {
    return this.deps.repo.list();
  }

  private async checkOne(m: ManagedWebhook): Promise<WebhookHealthRow> {
    const checkedAt = this.deps.clock.now();
    const base = { platform: m.platform, checkedAt, reactivatedAt: null, error: null };
    const log = { platform: m.platform, url: m.url };
    let row: WebhookHealthRow;
    try {
      const registrations = await m.adapter.listWebhooks({ priority: 'background' });
      const ours = registrations.find((r) => r.url === m.url) ?? registrations[0];
      if (!ours) {
        this.deps.logger.error(
          log,
          'no provider webhook is registered: no participant, meeting or recording events arrive. Run `meetbridge webhook register`.',
        );
        row = { ...base, state: 'missing', webhookId: null, url: null, failedCount: null };
      } else if (ours.state === 'active') {
        if (ours.url !== m.url)
          this.deps.logger.error(
            { ...log, registered: ours.url },
            'the provider webhook goes to another URL. Run `meetbridge webhook register`.',
          );
        row = { ...base, ...fields(ours) };
      } else {
        this.deps.logger.error(
          { ...log, webhookId: ours.id, state: ours.state, failedCount: ours.failedCount },
          'the provider stopped sending webhooks after failed deliveries (no participant, meeting or recording events arrive); re-activating it',
        );
        row = await this.reactivate(m, ours, base);
      }
    } catch (error) {
      this.deps.logger.warn({ ...log, err: error }, 'could not check the provider webhook');
      row = { ...base, state: 'error', webhookId: null, url: null, failedCount: null, error: message(error) };
    }
    await this.deps.repo.record(row);
    return row;
  }

  private async reactivate(
    m: ManagedWebhook,
    stopped: WebhookRegistration,
    base: Pick<WebhookHealthRow, 'platform' | 'checkedAt'>,
  ): Promise<WebhookHealthRow> {
    try {
      const after = await m.adapter.reactivateWebhook(stopped.id, { priority: 'background' });
      this.deps.logger.info({ platform: m.platform, webhookId: after.id, state: after.state }, 'provider webhook re-activated');
      return { ...base, ...fields(after), reactivatedAt: this.deps.clock.now(), error: null };
    } catch (error) {
      this.deps.logger.error({ platform: m.platform, webhookId: stopped.id, err: error }, 'could not re-activate the provider webhook');
      return { ...base, ...fields(stopped), reactivatedAt: null, error: message(error) };
    }
  }
}

function fields(r: WebhookRegistration): Pick<WebhookHealthRow, 'state' | 'webhookId' | 'url' | 'failedCount'> {
  return { state: r.state, webhookId: r.id, url: r.url, failedCount: r.failedCount };
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}
