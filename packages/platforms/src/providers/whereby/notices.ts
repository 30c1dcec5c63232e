import type { RecordingNoticeReader } from '../../core/adapter.js';
import type { RecordingReadyEvent } from '../../core/events.js';
import { splitBucketPath } from '../../core/recording.js';
import { readObjectCreated } from '../../core/s3-notice.js';

/**
 * A Whereby recording file name: `[room name]-[start time in ISO format].<mkv|mp4>`, the room name
 * without its leading "/" (https://github.com/whereby/docs/blob/main/whereby-product-features/recording-with-embedded/cloud-recording.md;
 * providers.md §2.5). The room part contains "-" itself, so the name is split at the ISO time.
 * Reflector's production parser sees no milliseconds; they are accepted anyway.
 */
const RECORDING_FILE = /^(.+)-(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z)\.(mp4|mkv)$/;

/** The room (with Whereby's leading "/") and start time of a recording file name, or `null`. */
export function parseRecordingFilename(filename: string): { providerRoomName: string; startedAt: Date } | null {
  const match = RECORDING_FILE.exec(filename);
  if (!match?.[1] || !match[2]) return null;
  const startedAt = new Date(match[2]);
  return Number.isNaN(startedAt.getTime()) ? null : { providerRoomName: `/${match[1]}`, startedAt };
}

/**
 * The inbox key of a Whereby recording, whichever way it was announced (`recording.finished` or
 * the bucket notice): its file name, unique per room and start second. Whereby's webhook id and
 * the S3 notice share nothing else.
 */
export function wherebyRecordingEventId(filename: string): string {
  return `recording:${filename}:ready`;
}

/**
 * Reads the S3 notices of the bucket Whereby uploads to (`AWS_WHEREBY_S3_BUCKET`, `bucket` or
 * `bucket/sub/folder`): an `ObjectCreated` record of a recording file directly under that folder
 * becomes the `recording.ready` its `recording.finished` webhook would give (same `eventId`, and
 * the file name as `recordingId`). Reflector learns of Whereby recordings this way (providers.md
 * §2.5). Without a configured bucket it reads nothing.
 */
export function wherebyNoticeReader(destination: string | null): RecordingNoticeReader {
  const where = destination ? splitBucketPath(destination) : null;
  return {
    parse(record: unknown) {
      const notice = readObjectCreated(record);
      if (!where || !notice || notice.bucket !== where.bucket || !notice.key.startsWith(where.prefix)) return null;
      const filename = notice.key.slice(where.prefix.length);
      const parsed = filename.includes('/') ? null : parseRecordingFilename(filename);
      if (!parsed) return null;
      const event: RecordingReadyEvent = {
        kind: 'recording.ready',
        eventId: wherebyRecordingEventId(filename),
        providerType: notice.eventName,
        occurredAt: notice.eventTime,
        providerRoomName: parsed.providerRoomName,
        providerMeetingId: null,
        recordingId: filename,
        recordingType: 'cloud',
        key: notice.key,
        filename,
        tracks: [],
        startedAt: parsed.startedAt,
        durationSeconds: null,
      };
      return event;
    },
  };
}
