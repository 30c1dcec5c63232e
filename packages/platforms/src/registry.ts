import type { ProviderModule } from './core/adapter.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each module has its own config type
type AnyProviderModule = ProviderModule<any>;
import { mockProvider } from './providers/mock/index.js';
import { wherebyProvider } from './providers/whereby/index.js';
import { dailyProvider } from './providers/daily/index.js';

/**
 * Every provider Meetbridge knows, one line each. Adding a provider = its folder + one line here.
 * The order is only the listing order (API enums, boot log); which platform new rooms get is
 * decided by `PlatformCatalog`, not by this list.
 */
export const providers = [mockProvider, wherebyProvider, dailyProvider] as const satisfies readonly AnyProviderModule[];

/** The name of a registered provider. */
export type PlatformName = (typeof providers)[number]['name'];

/** Registered provider names, for validation messages and schemas. */
export const platformNames = providers.map((p) => p.name) as [PlatformName, ...PlatformName[]];

/** True when `name` is a registered provider. */
export function isPlatformName(name: string): name is PlatformName {
  return (platformNames as readonly string[]).includes(name);
}

/** The provider module registered under `name`. */
export function getProvider(name: string): ProviderModule<unknown> {
  const found = providers.find((p) => p.name === name);
  if (!found) throw new Error(`Unknown platform "${name}".`);
  return found as unknown as ProviderModule<unknown>;
}

/** One webhook route: the provider it belongs to and the path it is received on. */
export interface WebhookEndpoint {
  provider: PlatformName;
  path: string;
}

/** Every provider's webhook paths (`webhook.paths`), one route each, in registry order. */
export function webhookEndpoints(): WebhookEndpoint[] {
  return providers.flatMap((p) => p.webhook.paths.map((path) => ({ provider: p.name, path })));
}

/** Every provider's signature headers (`webhook.redactHeaders`), lower-case, each once: what logs must never show. */
export function redactedWebhookHeaders(): string[] {
  return [...new Set(providers.flatMap((p) => p.webhook.redactHeaders.map((h) => h.toLowerCase())))];
}

/** The URL a provider's webhooks must be sent to: Meetbridge's public base URL and the provider's first webhook path. */
export function webhookUrl(baseUrl: string, provider: PlatformName): string {
  const path = providers.find((p) => p.name === provider)?.webhook.paths[0];
  if (!path) throw new Error(`The ${provider} provider declares no webhook path.`);
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
