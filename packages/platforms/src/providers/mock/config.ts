import type { ConfigResult, EnvRecord } from '../../core/adapter.js';
import { splitSecrets } from '../../core/signature.js';
import type { MockProviderState } from './state.js';

export interface MockConfig {
  /** Secrets accepted on `/v1/mock/webhook`; the first one signs. */
  webhookSecrets: string[];
  /** Share one in-memory world between the adapter and the mock room page (tests inject their own). */
  state?: MockProviderState;
}

export const mockEnvVars = {
  MOCK_WEBHOOK_SECRET:
    'Secret(s) for the mock provider\'s signed webhooks (Standard Webhooks, "whsec_<base64>"); comma-separated for rotation. Generated and kept in DATA_DIR when unset.',
} as const;

export function loadMockConfig(env: EnvRecord): ConfigResult<MockConfig> {
  return { ok: true, config: { webhookSecrets: splitSecrets(env.MOCK_WEBHOOK_SECRET) } };
}
