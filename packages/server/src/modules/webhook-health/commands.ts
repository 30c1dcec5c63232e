import { parseArgs } from 'node:util';
import { MeetbridgeError } from '@meetbridge/platforms';
import type { WebhookAdmin } from './admin.js';

/** Where a command writes: one JSON document per line on `out`, messages on `err`. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

export const WEBHOOK_USAGE = `Usage: meetbridge webhook <status | register | reactivate> [--platform NAME] [--url URL]

  status       Print each managed provider webhook as the provider reports it (state, failed count,
               URL). Exit code 1 when one is not active or does not go to BASE_URL.
  register     Point the provider's webhook at BASE_URL + its webhook path (--url to override), signed
               with the provider's webhook secret; creates it or updates (and re-activates) it.
  reactivate   Re-activate every webhook the provider stopped after failed deliveries.

Managed: every configured platform whose webhook has an API (capability webhookAdmin). --platform
limits to one.`;

/**
 * `meetbridge webhook …`: provider-neutral; the platforms come from the catalog (capability
 * `webhookAdmin`). Returns the exit code.
 */
export async function runWebhookCommand(args: readonly string[], admin: WebhookAdmin, io: CommandIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { platform: { type: 'string' }, url: { type: 'string' } } });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${WEBHOOK_USAGE}`);
    return 2;
  }
  const [action, ...extra] = parsed.positionals;
  const { platform, url } = parsed.values;
  if (!action || extra.length > 0 || !['status', 'register', 'reactivate'].includes(action)) {
    io.err(WEBHOOK_USAGE);
    return 2;
  }
  try {
    if (admin.managed(platform).length === 0) {
      io.err('No configured platform manages its webhook through an API; the others are set in their dashboards.');
      return 0;
    }
    if (action === 'status') {
      const reports = await admin.status(platform);
      for (const r of reports) io.out(JSON.stringify(r));
      return reports.every((r) => r.healthy) ? 0 : 1;
    }
    const done = action === 'register' ? await admin.register(platform, url) : await admin.reactivate(platform);
    if (done.length === 0) io.err('Every managed webhook is active; nothing to re-activate.');
    for (const d of done) io.out(JSON.stringify(d));
    return 0;
  } catch (error) {
    if (error instanceof MeetbridgeError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
