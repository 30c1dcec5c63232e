import {
  RateLimitedError,
  type Clock,
  type LoggerLike,
  type PlatformAdapter,
  type PlatformCatalog,
  type RecordingPage,
} from '@meetbridge/platforms';
import type { Db } from '../../db/client.js';
import type { RecordingPollScan } from '../../db/schema/index.js';
import type { JobSender } from '../../jobs/types.js';
import type { RecordingPollRepo } from './poll-repo.js';
import type { InboxRepo } from './repo.js';

/** How far back the first scan of a platform reads (later scans read back to their watermark). */
export const FIRST_SCAN_LOOKBACK_MS = 24 * 3600_000;
/**
 * A recording still in progress keeps the watermark before its start, but never more than this far
 * back (longer than any recording runs: Whereby caps at 24 h, Daily's default is 3 h), so a recording
 * the provider never finishes cannot make every scan read further back.
 */
export const IN_PROGRESS_HOLD_MS = 26 * 3600_000;
/** Pages one poll reads at most; a longer scan resumes at the next poll. */
export const MAX_PAGES_PER_POLL = 10;

export interface RecordingPollerDeps {
  db: Db;
  inbox: InboxRepo;
  repo: RecordingPollRepo;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
  jobs: JobSender;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const date = (s: string | null | undefined): Date | null => (s ? new Date(s) : null);
const earliest = (a: Date | null, b: Date | null): Date | null => (a && b ? (a < b ? a : b) : (a ?? b));
const latest = (a: Date | null, b: Date | null): Date | null => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Finds finished recordings by listing them at the provider (capability `recordingPolling`), for
 * those whose webhook was lost or never configured (reflector-lessons §3.7 and lesson 5: webhook plus
 * paginated polling with a persisted cursor). Each finished recording goes into the webhook inbox
 * (source `poll`) under the key its webhook has, so the drain applies it once whichever came first.
 * A scan reads newest first back to the platform's watermark, page by page; its position is saved
 * with every page's rows, so an interrupted scan (rate budget, crash) resumes where it stopped.
 */
export class RecordingPoller {
  constructor(private readonly deps: RecordingPollerDeps) {}

  /** The shortest poll interval of the configured platforms that poll, or `null` when none does. */
  intervalSeconds(): number | null {
    const intervals = this.pollers().map(([, adapter]) => adapter.recordingPollSeconds ?? Infinity);
    return intervals.length > 0 ? Math.min(...intervals) : null;
  }

  /** Polls every platform whose interval has passed; returns how many new inbox rows were written. */
  async poll(options: { force?: boolean } = {}): Promise<number> {
    let stored = 0;
    for (const [platform, adapter] of this.pollers()) {
      try {
        stored += await this.pollPlatform(platform, adapter, options.force ?? false);
      } catch (error) {
        this.deps.logger.warn({ err: error, platform }, 'recording poll failed; the next poll resumes the scan');
        await this.deps.repo.failed(platform, error instanceof Error ? error.message.slice(0, 500) : String(error), this.deps.clock.now());
      }
    }
    if (stored > 0) await this.deps.jobs.send('webhook.drain', {});
    return stored;
  }

  private pollers(): [string, PlatformAdapter][] {
    return this.deps.catalog.available().flatMap((platform) => {
      const adapter = this.deps.catalog.adapterForExisting(platform);
      return adapter?.capabilities.recordingPolling ? [[platform, adapter] as [string, PlatformAdapter]] : [];
    });
  }

  private async pollPlatform(platform: string, adapter: PlatformAdapter, force: boolean): Promise<number> {
    const now = this.deps.clock.now();
    const state = await this.deps.repo.get(platform);
    const interval = (adapter.recordingPollSeconds ?? 0) * 1000;
    // One second of slack: the periodic job and the interval tick together.
    if (!force && state?.polledAt && now.getTime() - state.polledAt.getTime() < interval - 1000) return 0;
    let watermark = state?.watermark ?? null;
    let scan: RecordingPollScan | null = state?.scan ?? null;
    const since = scan ? date(scan.since) : (watermark ?? new Date(now.getTime() - FIRST_SCAN_LOOKBACK_MS));
    let stored = 0;
    for (let pages = 0; pages < MAX_PAGES_PER_POLL; pages++) {
      let page: RecordingPage;
      try {
        page = await adapter.listRecordings({ cursor: scan?.cursor ?? null, since });
      } catch (error) {
        if (!(error instanceof RateLimitedError)) throw error;
        this.deps.logger.info({ platform }, 'recording poll deferred: the rate budget for background calls is spent');
        break;
      }
      const newest = latest(date(scan?.newest), page.newest);
      const oldestInProgress = earliest(date(scan?.oldestInProgress), page.oldestInProgress);
      scan = page.cursor ? { cursor: page.cursor, since: iso(since), newest: iso(newest), oldestInProgress: iso(oldestInProgress) } : null;
      if (!scan) watermark = this.nextWatermark(since, newest, oldestInProgress, now);
      stored += await this.store(platform, page, { watermark, scan, at: now });
      if (!scan) break;
    }
    return stored;
  }

  /** After a finished scan: read back to the oldest recording still running, else to the newest seen. */
  private nextWatermark(since: Date | null, newest: Date | null, oldestInProgress: Date | null, now: Date): Date | null {
    const hold = oldestInProgress && now.getTime() - oldestInProgress.getTime() < IN_PROGRESS_HOLD_MS ? oldestInProgress : null;
    return hold ?? latest(since, newest);
  }

  /** The page's finished recordings into the inbox and the poller's position, in one transaction. */
  private store(
    platform: string,
    page: RecordingPage,
    position: { watermark: Date | null; scan: RecordingPollScan | null; at: Date },
  ): Promise<number> {
    return this.deps.db.transaction(async (tx) => {
      let stored = 0;
      for (const { event, raw } of page.recordings) {
        const inserted = await this.deps.inbox.insert(
          {
            platform,
            providerEventId: event.eventId,
            type: event.providerType,
            occurredAt: event.occurredAt,
            rawJson: JSON.stringify(raw),
            source: 'poll',
          },
          tx,
        );
        if (inserted) {
          stored++;
          this.deps.logger.info({ platform, eventId: event.eventId }, 'recording found by polling (its webhook had not arrived)');
        }
      }
      await this.deps.repo.save({ platform, watermark: position.watermark, scan: position.scan, polledAt: position.at, error: null }, tx);
      return stored;
    });
  }
}
