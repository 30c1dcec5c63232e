import type { ObjectStore } from '../core/object-store.js';
import type { DailyRecording } from './state.js';

/** Bytes of a recording's objects, given by the test; anything missing gets a short placeholder. */
export interface DailyRecordingContents {
  /** The composite file (`cloud` recordings). */
  content?: string | Uint8Array;
  /** Raw tracks: bytes per participant session id (every track of that participant), e.g. audio made with ffmpeg. */
  trackContents?: Readonly<Record<string, string | Uint8Array>>;
}

const bytes = (value: string | Uint8Array): Buffer => (typeof value === 'string' ? Buffer.from(value) : Buffer.from(value));

/** The participant session id inside a raw-track key `{domain}/{room}/{startMs}-{sessionId}-{kind}-{trackStartMs}`. */
export function trackSessionId(key: string): string | null {
  const match = /\/\d+-([0-9a-f-]{36})-(?:cam|screen)-(?:audio|video)-\d+$/.exec(key);
  return match?.[1] ?? null;
}

/**
 * Writes a finished recording into its room's `recordings_bucket`, as Daily does when a room has a
 * custom bucket (https://docs.daily.co/reference/rest-api/rooms/config, `recordings_bucket`): the
 * composite at the `s3_key` the webhook reports (the template result, default
 * `{domain_name}/{room_name}/{epoch_time}`), or one object per raw track at its `s3Key`
 * (`{domain}/{room}/{recordingStartMs}-{participantSessionId}-{trackKind}-{trackStartMs}`,
 * shared/reference/providers.md §1.4). Track sizes in the webhook become the bytes written. Daily
 * writes by assuming `assume_role_arn`; the fake writes with the credentials of its `recordingStorage`.
 */
export async function writeRecordingObjects(
  store: ObjectStore,
  recording: DailyRecording,
  contents: DailyRecordingContents,
): Promise<void> {
  const bucket = recording.bucket?.bucket_name;
  if (typeof bucket !== 'string' || bucket === '') return;
  if (recording.type !== 'raw-tracks') {
    const body = contents.content !== undefined ? bytes(contents.content) : recording.content;
    recording.content = body;
    await store.put(bucket, recording.s3key, body, { contentType: 'video/mp4' });
    return;
  }
  for (const track of recording.tracks ?? []) {
    const session = trackSessionId(track.s3Key);
    const given = session === null ? undefined : contents.trackContents?.[session];
    // Track objects have no extension; their content is WebM (providers.md §1.4).
    const body = given !== undefined ? bytes(given) : Buffer.from(`FAKE-DAILY-TRACK ${track.s3Key}`);
    await store.put(bucket, track.s3Key, body, { contentType: 'video/webm' });
    track.size = body.length;
  }
}
