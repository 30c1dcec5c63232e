import type { RecordingRef } from './adapter.js';
import type { RecordingReadyEvent } from './events.js';

/**
 * Provider-neutral helpers for recordings: a download job turns the normalized `recording.ready`
 * event into a `RecordingRef` and asks the adapter for its `RecordingSource`.
 */

/** The `RecordingRef` of a normalized `recording.ready` event: per-track keys when it has tracks, else its one key. */
export function recordingRefOf(event: RecordingReadyEvent): RecordingRef {
  const tracks = event.recordingType === 'raw-tracks' || event.tracks.length > 0;
  return {
    recordingId: event.recordingId,
    kind: tracks ? 'tracks' : 'composite',
    keys: tracks ? event.tracks.map((t) => t.key) : event.key ? [event.key] : [],
    filename: event.filename,
  };
}

/**
 * Splits an S3 destination written as `bucket` or `bucket/sub/folder` into the bucket name and a
 * key prefix (`sub/folder/`, or `''`); stray slashes are ignored.
 */
export function splitBucketPath(path: string): { bucket: string; prefix: string } {
  const [bucket = '', ...folders] = path.split('/').filter((part) => part.length > 0);
  return { bucket, prefix: folders.map((f) => `${f}/`).join('') };
}
