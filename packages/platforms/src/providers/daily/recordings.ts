import type { ListRecordingsInput, RecordingPage } from '../../core/adapter.js';
import type { RecordingReadyEvent } from '../../core/events.js';
import { DAILY_MAX_PAGE, type DailyClient } from './client.js';
import { dailyRecordingReadyKey, recordingType, tracksOf } from './webhooks.js';
import { DailyRecordingWire } from './wire.js';
import type { DailyRecordingWire as DailyRecordingItem } from './wire.js';

/** The provider type recorded for a recording found by polling (there is no webhook type). */
export const DAILY_POLLED_TYPE = 'recording.polled';

/**
 * A `GET /recordings` item → the `recording.ready` its `recording.ready-to-download` webhook gives
 * (same `eventId` and `recordingId`); `null` unless it is finished with a duration (Daily sends the
 * webhook only then). The list leaves `type` out (Reflector found it null on every recording,
 * reflector-lessons §3.7), so it is inferred: tracks → `raw-tracks`, else an `s3key` → `cloud`,
 * else it is skipped as a likely failed recording.
 */
export function parseDailyListedRecording(raw: unknown): RecordingReadyEvent | null {
  const parsed = DailyRecordingWire.safeParse(raw);
  if (!parsed.success || parsed.data.status !== 'finished') return null;
  const r = parsed.data;
  if (r.duration === 0) return null;
  const tracks = tracksOf(r.tracks);
  const known = recordingType(r.type);
  const type = known !== 'unknown' ? known : tracks.length > 0 ? 'raw-tracks' : r.s3key ? 'cloud' : null;
  if (type === null) return null;
  const startedAt = r.start_ts ?? null;
  const durationSeconds = r.duration ?? null;
  const endedAt = startedAt && durationSeconds !== null ? new Date(startedAt.getTime() + durationSeconds * 1000) : startedAt;
  return {
    kind: 'recording.ready',
    eventId: dailyRecordingReadyKey(r.id),
    providerType: DAILY_POLLED_TYPE,
    occurredAt: endedAt ?? new Date(0),
    providerRoomName: r.room_name ?? null,
    providerMeetingId: null,
    recordingId: r.id,
    recordingType: type,
    key: r.s3key ?? null,
    filename: null,
    tracks,
    startedAt,
    durationSeconds,
  };
}

/** The listed item back in Daily's wire form (unix-second `start_ts`): what the inbox stores. */
function wireOf(item: DailyRecordingItem): Record<string, unknown> {
  return { ...item, start_ts: item.start_ts ? item.start_ts.getTime() / 1000 : undefined };
}

/**
 * One page of `GET /recordings` (newest first; `starting_after` = the last id of the previous page),
 * read back to `since`: a page that reaches an older recording ends the scan
 * (https://docs.daily.co/reference/rest-api/recordings/list-recordings). A background call: the
 * rate budget of that endpoint (~50 per 30 s) is shared with room deletions.
 */
export async function listDailyRecordings(client: DailyClient, input: ListRecordingsInput): Promise<RecordingPage> {
  const limit = Math.min(Math.max(Math.floor(input.limit ?? DAILY_MAX_PAGE), 1), DAILY_MAX_PAGE);
  const page = await client.listRecordings({ startingAfter: input.cursor ?? undefined, limit });
  const result: RecordingPage = { recordings: [], oldestInProgress: null, newest: null, cursor: null };
  let reachedSince = false;
  for (const item of page.data) {
    const start = item.start_ts ?? null;
    if (start && (result.newest === null || start > result.newest)) result.newest = start;
    if (input.since && start && start < input.since) {
      reachedSince = true;
      break;
    }
    if (item.status === 'in-progress' && start && (result.oldestInProgress === null || start < result.oldestInProgress))
      result.oldestInProgress = start;
    const raw = wireOf(item);
    const event = parseDailyListedRecording(raw);
    if (event) result.recordings.push({ event, raw });
  }
  const last = page.data.at(-1);
  result.cursor = reachedSince || !last || page.data.length < limit ? null : last.id;
  return result;
}
