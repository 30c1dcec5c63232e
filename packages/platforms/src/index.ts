/**
 * @meetbridge/platforms: every video provider behind one typed interface.
 * No database and no HTTP server here: the server injects clock, logger and fetch.
 */
export type * from './core/adapter.js';
export type * from './core/events.js';
export * from './core/errors.js';
export { systemClock, type Clock } from './core/clock.js';
export { silentLogger, type LoggerLike } from './core/logger.js';
export { DEFAULT_TOLERANCE_SECONDS, splitSecrets } from './core/signature.js';
export { providers, platformNames, isPlatformName, getProvider, type PlatformName } from './registry.js';
export { PlatformCatalog, type SelectionFlags } from './catalog.js';
export { mockProvider, MockAdapter, MockProviderState, defaultMockState, signMockWebhook, type MockConfig } from './providers/mock/index.js';
