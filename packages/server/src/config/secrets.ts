import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from './index.js';

/**
 * The mock provider's webhook secret: `MOCK_WEBHOOK_SECRET` when set, otherwise generated once and
 * kept in `DATA_DIR/mock-webhook-secret` (mode 600), so the embedded default signs and verifies its
 * webhooks exactly as real providers do, with no configuration.
 */
export function withMockWebhookSecret(config: AppConfig): AppConfig {
  if (config.providerEnv.MOCK_WEBHOOK_SECRET) return config;
  const file = join(config.dataDir, 'mock-webhook-secret');
  let secret: string;
  if (existsSync(file)) {
    secret = readFileSync(file, 'utf8').trim();
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    secret = `whsec_${randomBytes(32).toString('base64')}`;
    writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  }
  return { ...config, providerEnv: { ...config.providerEnv, MOCK_WEBHOOK_SECRET: secret } };
}
