import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A scan of a provider's recordings list that has not reached its end yet (resumed by the next poll). */
export interface RecordingPollScan {
  /** The provider's cursor of the next page. */
  cursor: string;
  /** Where this scan stops (ISO time): recordings started before it were seen by earlier scans. */
  since: string | null;
  /** The newest recording start seen by this scan (ISO), if any. */
  newest: string | null;
  /** The oldest start of a recording this scan saw still in progress (ISO), if any. */
  oldestInProgress: string | null;
}

/**
 * Where the recordings poller of each platform stands (capability `recordingPolling`; owned by the
 * webhooks module, which owns the inbox the poller writes to). `watermark`: the next scan reads back
 * to this start time; it stays before any recording still in progress, so a recording is seen again
 * once finished.
 */
export const recordingPoll = pgTable('recording_poll', {
  platform: text('platform').primaryKey(),
  watermark: timestamp('watermark', { withTimezone: true }),
  /** A scan interrupted (page limit, rate budget) that the next poll resumes. */
  scan: jsonb('scan').$type<RecordingPollScan | null>(),
  /** When the last poll ran (due again `recordingPollSeconds` later). */
  polledAt: timestamp('polled_at', { withTimezone: true }),
  /** Why the last poll failed, if it did. */
  error: text('error'),
});

export type RecordingPollRow = typeof recordingPoll.$inferSelect;
