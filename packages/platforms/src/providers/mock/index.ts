import type { ProviderModule } from '../../core/adapter.js';
import { MockAdapter, mockCapabilities } from './adapter.js';
import { loadMockConfig, mockEnvVars, type MockConfig } from './config.js';
import { mockSignatureScheme } from './webhooks.js';

/** The built-in mock provider. */
export const mockProvider = {
  name: 'mock',
  displayName: 'Mock (built-in)',
  capabilities: mockCapabilities,
  webhook: { paths: ['/v1/mock/webhook'], redactHeaders: mockSignatureScheme.signatureHeaders },
  envVars: mockEnvVars,
  loadConfig: loadMockConfig,
  create: (config, deps) => new MockAdapter(config, deps),
} as const satisfies ProviderModule<MockConfig>;

export { MockAdapter } from './adapter.js';
export { MockProviderState, defaultMockState, type MockRoom } from './state.js';
export { mockSignatureScheme, mockWebhookReceiver, signMockWebhook } from './webhooks.js';
export type { MockConfig } from './config.js';
export { signMockJoinToken, verifyMockJoinToken, type MockJoinGrant } from './join-token.js';
