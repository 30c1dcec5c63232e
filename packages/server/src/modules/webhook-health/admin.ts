import type { PlatformAdapter, PlatformCatalog, WebhookAdminOptions, WebhookRegistration } from '@meetbridge/platforms';
import { isPlatformName, webhookUrl, type PlatformName } from '@meetbridge/platforms';
import { ValidationError } from '../../lib/errors.js';

/** A configured platform whose webhook registration is managed through its API. */
export interface ManagedWebhook {
  platform: PlatformName;
  adapter: PlatformAdapter;
  /** Where its webhooks must go: `BASE_URL` + the provider's webhook path. */
  url: string;
}

/** One platform's registrations at the provider, and whether they point at this deployment. */
export interface WebhookReport {
  platform: string;
  expectedUrl: string;
  registrations: WebhookRegistration[];
  /** True when one registration goes to `expectedUrl` and is active. */
  healthy: boolean;
}

/**
 * Provider-neutral administration of provider webhooks, for every configured platform whose adapter
 * declares `webhookAdmin` (Daily; Whereby's webhook is set in its dashboard). The CLI and the
 * periodic health check both go through here; neither knows a provider by name.
 */
export class WebhookAdmin {
  constructor(
    private readonly catalog: PlatformCatalog,
    private readonly baseUrl: string,
  ) {}

  /** The managed platforms, or just `only` (refused when it is not one of them). */
  managed(only?: string): ManagedWebhook[] {
    const all = this.catalog.available().flatMap((platform) => {
      const adapter = this.catalog.adapterForExisting(platform);
      return adapter?.capabilities.webhookAdmin ? [{ platform, adapter, url: webhookUrl(this.baseUrl, platform) }] : [];
    });
    if (only === undefined) return all;
    const found = all.filter((m) => m.platform === only);
    if (found.length === 0) {
      const known = isPlatformName(only)
        ? `"${only}" is not configured here, or its webhook is not managed through an API`
        : `"${only}" is not a platform`;
      throw new ValidationError(`${known}. Managed here: ${all.map((m) => m.platform).join(', ') || 'none'}.`, [
        { field: 'platform', message: 'must be a configured platform whose webhook has an API' },
      ]);
    }
    return found;
  }

  /** The registrations of each managed platform, as the provider reports them now. */
  async status(only?: string, options: WebhookAdminOptions = {}): Promise<WebhookReport[]> {
    const reports: WebhookReport[] = [];
    for (const m of this.managed(only)) {
      const registrations = await m.adapter.listWebhooks(options);
      reports.push({
        platform: m.platform,
        expectedUrl: m.url,
        registrations,
        healthy: registrations.some((r) => r.url === m.url && r.state === 'active'),
      });
    }
    return reports;
  }

  /** Points each managed platform's webhook at this deployment (creates or updates it). */
  async register(only?: string, url?: string): Promise<{ platform: string; registration: WebhookRegistration }[]> {
    const out = [];
    for (const m of this.managed(only)) out.push({ platform: m.platform, registration: await m.adapter.registerWebhook(url ?? m.url) });
    return out;
  }

  /** Re-activates every registration of the managed platforms that the provider stopped. */
  async reactivate(only?: string, options: WebhookAdminOptions = {}): Promise<{ platform: string; registration: WebhookRegistration }[]> {
    const out = [];
    for (const m of this.managed(only)) {
      for (const r of await m.adapter.listWebhooks(options)) {
        if (r.state === 'active') continue;
        out.push({ platform: m.platform, registration: await m.adapter.reactivateWebhook(r.id, options) });
      }
    }
    return out;
  }
}
