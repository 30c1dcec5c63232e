import type { MeetingEvent, PlatformAdapter } from '@meetbridge/platforms';
import type { WebhookEventRow } from '../../db/schema/index.js';

/**
 * The normalized events of a stored inbox row, read by the parser of the way it arrived: a provider
 * webhook (`adapter.webhooks.parse`), a bucket notice through SQS (`adapter.recordingNotices.parse`
 * of the stored S3 record) or an item of the provider's recordings list (`adapter.parseListedRecording`).
 * The three give a recording the same `eventId`, so the inbox holds it once whichever came first.
 * An empty list means nothing in the row is an event Meetbridge acts on.
 */
export function eventsOfRow(adapter: PlatformAdapter, row: WebhookEventRow): MeetingEvent[] {
  switch (row.source) {
    case 's3': {
      const event = adapter.capabilities.recordingNotices ? adapter.recordingNotices.parse(row.payload) : null;
      return event ? [event] : [];
    }
    case 'poll': {
      const event = adapter.capabilities.recordingPolling ? adapter.parseListedRecording(row.payload) : null;
      return event ? [event] : [];
    }
    default:
      return adapter.webhooks.parse({ eventId: row.providerEventId, type: row.type, occurredAt: row.occurredAt, body: row.payload });
  }
}
