import type {
  AdapterDeps,
  Capabilities,
  CreateMeetingInput,
  JoinInput,
  JoinResult,
  MeetingRef,
  PlatformAdapter,
  PresenceFacts,
  PresenceSnapshot,
  ProviderMeeting,
  ListRecordingsInput,
  RecordingLink,
  RecordingPage,
  RecordingRef,
  RecordingSource,
  SourceTrack,
  RoomSession,
  StartRecordingInput,
  WebhookAdminOptions,
  WebhookReceiver,
  WebhookRegistration,
} from '../../core/adapter.js';
import { unsupported } from '../../core/capability.js';
import { ConfigError, PlatformUnavailableError, ProviderError } from '../../core/errors.js';
import { bearerAuth } from '../../core/auth.js';
import { createHttpClient } from '../../core/http.js';
import type { RateBudgetSpec } from '../../core/rate-budget.js';
import { stableUserId, uniqueRoomName } from '../../core/naming.js';
import { DailyClient } from './client.js';
import type { DailyConfig } from './config.js';
import { parseDailyError, type DailyCreateRoomBody, type DailyMeetingTokenBody, type DailyWebhookRegistrationWire } from './wire.js';
import { dailyWebhookReceiver } from './webhooks.js';
import { listDailyRecordings, parseDailyListedRecording } from './recordings.js';
import type { RecordingReadyEvent } from '../../core/events.js';
import { noRecordingNotices } from '../../core/recording-notices.js';

/** What Daily can do: tokens, live presence, sessions, server-side and raw-tracks recording, links; no host URL or logo. */
export const dailyCapabilities: Capabilities = {
  hostUrl: false,
  joinTokens: true,
  presence: true,
  sessions: true,
  deleteMeeting: true,
  plannedRoomNames: true,
  extendMeeting: true,
  serverSideRecording: true,
  rawTracks: true,
  recordingLinks: true,
  recordingSource: true,
  recordingNotices: false,
  recordingPolling: true,
  logo: false,
  webhookAdmin: true,
};

/**
 * Daily's rate limits as data (https://docs.daily.co/reference/rest-api#rate-limits): most endpoints
 * take about 20 requests a second (100 per 5 s; `perSecond` here); `DELETE /rooms/:name` and
 * `GET /recordings` about 50 per 30 s; starting a recording about 5 per 5 s.
 */
export function dailyRateBudget(perSecond: number): RateBudgetSpec {
  return {
    pools: {
      default: { points: perSecond * 5, windowMs: 5_000 },
      'delete-room-list-recordings': { points: 50, windowMs: 30_000 },
      'start-recording': { points: 5, windowMs: 5_000 },
    },
    charge: ({ method, path }) => {
      if ((method === 'DELETE' && /^\/rooms\/[^/]+$/.test(path)) || (method === 'GET' && path === '/recordings'))
        return { pool: 'delete-room-list-recordings', cost: 1 };
      if (method === 'POST' && /^\/rooms\/[^/]+\/recordings\/start$/.test(path)) return { pool: 'start-recording', cost: 1 };
      return { pool: 'default', cost: 1 };
    },
  };
}

/**
 * Daily's presence API is the final writer; its data "can be up to ~15 s stale"
 * (https://docs.daily.co/reference/rest-api/presence), and `/meetings` has ~15 s granularity.
 */
export const dailyPresence: PresenceFacts = { source: 'api', presenceLagSeconds: 15, sessionsLagSeconds: 15 };

/** The Daily events Meetbridge registers its webhook for: what its adapter normalizes. */
export const DAILY_WEBHOOK_EVENT_TYPES = [
  'participant.joined',
  'participant.left',
  'meeting.started',
  'meeting.ended',
  'recording.started',
  'recording.ready-to-download',
  'recording.error',
] as const;

/** A Daily webhook registration in Meetbridge's terms; `state` is a string or a number in Daily's docs. */
export function toWebhookRegistration(wire: DailyWebhookRegistrationWire): WebhookRegistration {
  const raw = typeof wire.state === 'string' ? wire.state.toUpperCase() : wire.state;
  const state =
    raw === 'ACTIVE' || raw === 1
      ? 'active'
      : raw === 'FAILED' || raw === 0
        ? 'failed'
        : raw === 'INACTIVE' || raw === 'STOPPED' || raw === 2
          ? 'inactive'
          : 'unknown';
  return { id: wire.uuid, url: wire.url, state, failedCount: wire.failedCount ?? null, eventTypes: wire.eventTypes ?? [] };
}

/** Entries asked for per presence read: Daily's page size for list endpoints (a room holds 200 by default). */
export const DAILY_PRESENCE_LIMIT = 100;

/** Daily room names: `[A-Za-z0-9_-]`, at most 128 characters. */
export const DAILY_ROOM_NAME_MAX = 128;
/** Daily's `user_id` on meeting tokens is at most 36 characters. */
export const DAILY_USER_ID_MAX = 36;
/** Retries of "does not seem to be hosting a call" (Daily needs a moment to register a new call). */
export const NOT_HOSTING_RETRIES = 4;
/** First wait before such a retry; doubled each time (1 s, 2 s, 4 s, 8 s). */
export const NOT_HOSTING_DELAY_MS = 1000;

const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** A unique Daily room name for our room: `{room}-{UTC yyyymmddHHMMSS}-{random}` in Daily's alphabet. */
export function dailyRoomName(roomName: string, now: Date): string {
  return uniqueRoomName(roomName.replace(/[^A-Za-z0-9_-]/g, '-'), now, DAILY_ROOM_NAME_MAX);
}

/**
 * The `POST /rooms` body, under the planned name when one is given (Daily lets the client choose the
 * name); throws `PlatformUnavailableError` when cloud recording lacks its bucket or role.
 */
export function buildCreateRoomBody(input: CreateMeetingInput, now: Date, s3: DailyConfig['s3']): DailyCreateRoomBody {
  const { settings } = input;
  const body: DailyCreateRoomBody = {
    name: input.providerRoomName ?? dailyRoomName(input.roomName, now),
    privacy: settings.isLocked ? 'private' : 'public',
    properties: {
      exp: unixSeconds(input.endDate),
      eject_at_room_exp: true,
      // Always sent (false is Daily's default) so the room's behaviour is explicit in the request.
      enable_knocking: settings.isLocked,
      ...(settings.roomSize === null ? {} : { max_participants: settings.roomSize }),
      enable_chat: true,
      enable_screenshare: true,
      start_video_off: false,
      start_audio_off: false,
    },
  };
  if (settings.recordingType === 'local') body.properties.enable_recording = 'local';
  if (settings.recordingType !== 'cloud') return body;
  const { bucket, region, roleArn } = s3;
  if (!bucket || !roleArn) {
    const missing = [...(bucket ? [] : ['AWS_DAILY_S3_BUCKET']), ...(roleArn ? [] : ['AWS_DAILY_ROLE_ARN'])];
    throw new PlatformUnavailableError(
      'daily',
      `Cloud recording on Daily writes raw tracks to your S3 bucket: set ${missing.join(', ')}, or choose recording type "none" or "local".`,
      missing,
    );
  }
  body.properties.enable_recording = 'raw-tracks';
  body.properties.recordings_bucket = { bucket_name: bucket, bucket_region: region, assume_role_arn: roleArn, allow_api_access: true };
  return body;
}

/**
 * The `POST /meeting-tokens` body: room-bound, expiring with the meeting; anonymous callers carry no
 * user. In a locked room (private, `enable_knocking`) a token would let anyone straight in, so
 * everyone but the owner gets `knocking: true` and must knock; the owner (`is_owner`) admits them,
 * the meaning `isLocked` has on Whereby
 * (https://docs.daily.co/reference/rest-api/meeting-tokens/config,
 * https://docs.daily.co/guides/configurations-and-settings/controlling-who-joins-a-meeting).
 */
export function buildMeetingTokenBody(input: JoinInput): DailyMeetingTokenBody {
  const properties: DailyMeetingTokenBody['properties'] = {
    room_name: input.meeting.providerRoomName,
    exp: unixSeconds(input.meeting.endDate),
    is_owner: input.isOwner,
  };
  if (input.settings.isLocked && !input.isOwner) properties.knocking = true;
  // Daily refuses a longer user_id: a longer id (an OIDC subject) goes as its stable UUIDv5.
  if (input.user) properties.user_id = stableUserId(input.user.id, DAILY_USER_ID_MAX);
  if (input.user?.name) properties.user_name = input.user.name;
  return { properties };
}

/**
 * What a Daily raw-track key says: `{domain}/{room}/{recordingStartMs}-{participantSessionId}-{trackKind}-{trackStartMs}`,
 * `trackKind` ∈ `cam-audio`, `cam-video`, `screen-audio`, `screen-video` (providers.md §1.4). The
 * offset from the file name differs from the container's start time by ~200 ms; the pipeline aligns
 * on the container. Keys in another shape yield nulls.
 */
export function parseDailyTrackKey(key: string): SourceTrack {
  const match = /(?:^|\/)(\d{10,})-(.+)-(cam|screen)-(audio|video)-(\d{10,})$/.exec(key);
  if (!match) return { key, media: null, participantSessionId: null, startOffsetMs: null };
  const [, recordingStart, sessionId, , media, trackStart] = match;
  return {
    key,
    media: media as 'audio' | 'video',
    participantSessionId: sessionId ?? null,
    startOffsetMs: Math.max(0, Number(trackStart) - Number(recordingStart)),
  };
}

function errorText(error: ProviderError): string {
  return `${error.providerCode ?? ''} ${error.providerDetail ?? ''}`;
}

/** Daily behind Meetbridge's adapter interface. */
export class DailyAdapter implements PlatformAdapter {
  readonly name = 'daily';
  readonly capabilities = dailyCapabilities;
  readonly presence = dailyPresence;
  readonly client: DailyClient;
  readonly webhooks: WebhookReceiver;
  /** Daily's recordings do not go through bucket notices here (polling and webhooks find them). */
  readonly recordingNotices = noRecordingNotices;
  readonly recordingPollSeconds: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly config: DailyConfig,
    private readonly deps: AdapterDeps,
  ) {
    this.client = new DailyClient(
      createHttpClient(
        {
          provider: 'daily',
          baseUrl: config.apiUrl,
          auth: bearerAuth(config.apiKey),
          parseError: parseDailyError,
          redact: config.webhookSecrets,
          budget: dailyRateBudget(config.rateLimitPerSecond),
        },
        deps,
      ),
    );
    this.sleep = deps.http?.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.webhooks = dailyWebhookReceiver({ secrets: config.webhookSecrets, toleranceSeconds: deps.webhookToleranceSeconds });
    this.recordingPollSeconds = config.recordingPollSeconds;
  }

  async createMeeting(input: CreateMeetingInput): Promise<ProviderMeeting> {
    const room = await this.client.createRoom(buildCreateRoomBody(input, this.deps.clock.now(), this.config.s3));
    return {
      providerMeetingId: room.id,
      providerRoomName: room.name,
      roomUrl: room.url,
      hostRoomUrl: null,
      startDate: room.created_at ?? null,
      endDate: input.endDate,
    };
  }

  /** Daily takes the room name from the client (`name` of `POST /rooms`), so it is known before the call. */
  planRoomName(roomName: string): string {
    return dailyRoomName(roomName, this.deps.clock.now());
  }

  async deleteMeeting(meeting: MeetingRef): Promise<void> {
    await this.client.deleteRoom(meeting.providerRoomName);
  }

  /**
   * `DELETE /rooms/:name`: Daily addresses rooms by name, and answers 404 for a room that does not
   * exist or expired, which counts as deleted (https://docs.daily.co/reference/rest-api/rooms/delete-room).
   */
  async deleteRoomByName(providerRoomName: string): Promise<void> {
    await this.client.deleteRoom(providerRoomName);
  }

  /**
   * Pushes the room's `exp` back with `POST /rooms/:name`: Daily ejects everyone at `exp`
   * (`eject_at_room_exp`, which Meetbridge sets), so a call running past its end must move it
   * first (https://docs.daily.co/reference/rest-api/rooms/update-room).
   */
  async extendMeeting(meeting: MeetingRef, endDate: Date): Promise<void> {
    await this.client.updateRoom(meeting.providerRoomName, { properties: { exp: unixSeconds(endDate) } });
  }

  /**
   * One page of `GET /rooms/:name/presence?limit=` (the default page size is not documented, so the
   * limit is always sent); `total` is Daily's `total_count`, larger than the page when the room
   * holds more (https://docs.daily.co/reference/rest-api/rooms/get-room-presence).
   */
  async getPresence(meeting: MeetingRef): Promise<PresenceSnapshot> {
    const presence = await this.client.getRoomPresence(meeting.providerRoomName, DAILY_PRESENCE_LIMIT);
    const participants = presence.data.map((p) => ({
      sessionId: p.id,
      userId: p.userId ?? null,
      userName: p.userName ?? null,
      joinedAt: p.joinTime,
    }));
    return { participants, total: Math.max(presence.total_count ?? participants.length, participants.length) };
  }

  async getSessions(meeting: MeetingRef): Promise<RoomSession[]> {
    const meetings = await this.client.listMeetings(meeting.providerRoomName);
    return meetings.data.map((m) => ({
      sessionId: m.id,
      startedAt: m.start_time,
      endedAt: m.ongoing || m.duration == null ? null : new Date(m.start_time.getTime() + m.duration * 1000),
    }));
  }

  /**
   * Mints a room-bound meeting token and returns it next to the room URL, not in it: Daily's
   * preferred way is `call.join({url, token})`, which keeps the token out of browser history and
   * logs (https://docs.daily.co/guides/configurations-and-settings/controlling-who-joins-a-meeting).
   */
  async createJoin(input: JoinInput): Promise<JoinResult> {
    const token = await this.client.createMeetingToken(buildMeetingTokenBody(input));
    return { kind: 'url', url: input.meeting.roomUrl, token, expiresAt: input.meeting.endDate };
  }

  /**
   * Starts a recording. "has an active stream" (this instance already records) counts as started
   * with an unknown id; "does not seem to be hosting a call" is retried with backoff, because Daily
   * registers a new call a few seconds after the first join.
   */
  async startRecording(meeting: MeetingRef, input: StartRecordingInput): Promise<{ recordingId: string | null }> {
    const body = {
      type: input.type,
      instanceId: input.instanceId,
      ...(input.maxDurationSeconds ? { maxDuration: input.maxDurationSeconds } : {}),
    };
    for (let attempt = 0; ; attempt++) {
      try {
        return { recordingId: await this.client.startRecording(meeting.providerRoomName, body) };
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        if (errorText(error).includes('has an active stream')) return { recordingId: null };
        if (!errorText(error).includes('does not seem to be hosting a call') || attempt >= NOT_HOSTING_RETRIES) throw error;
        this.deps.logger.info(
          { provider: this.name, operation: 'startRecording', attempt: attempt + 1 },
          'call not registered yet; retrying',
        );
        await this.sleep(NOT_HOSTING_DELAY_MS * 2 ** attempt);
      }
    }
  }

  /**
   * Stops the recording of `instanceId`. Daily answers 400 when that instance records nothing (never
   * started, already stopped): stopped either way
   * (https://docs.daily.co/reference/rest-api/rooms/recordings/stop).
   */
  async stopRecording(meeting: MeetingRef, input: { instanceId: string }): Promise<void> {
    try {
      await this.client.stopRecording(meeting.providerRoomName, input.instanceId);
    } catch (error) {
      if (error instanceof ProviderError && error.providerStatus === 400 && /no active recording|not.*recording/i.test(errorText(error)))
        return;
      throw error;
    }
  }

  /** `DELETE /recordings/:id`: the recording Daily hosts (composites without our bucket). */
  async deleteRecording(recordingId: string): Promise<void> {
    await this.client.deleteRecording(recordingId);
  }

  async getRecordingLink(recordingId: string): Promise<RecordingLink> {
    const link = await this.client.getRecordingAccessLink(recordingId);
    return { url: link.download_link, expiresAt: link.expires };
  }

  /**
   * Raw tracks are read from our bucket (`AWS_DAILY_S3_BUCKET`, `AWS_DAILY_S3_REGION`): access links
   * do not cover them (https://help.daily.co/en/articles/4471340-server-side-recordings). When the
   * webhook listed no tracks, they are read from `GET /recordings/:id`. A composite is in our bucket
   * when one is configured (Meetbridge only enables cloud recording together with
   * `recordings_bucket`), else Daily hosts it and hands out an access link
   * (https://docs.daily.co/reference/rest-api/recordings/get-recording-link).
   */
  async getRecordingSource(recording: RecordingRef): Promise<RecordingSource> {
    const { bucket, region } = this.config.s3;
    if (recording.kind === 'composite') {
      if (bucket && recording.keys.length > 0) return { kind: 'bucket', bucket, region, keys: recording.keys };
      const link = await this.getRecordingLink(recording.recordingId);
      return { kind: 'link', url: link.url, expiresAt: link.expiresAt };
    }
    if (!bucket) {
      throw new ConfigError(
        'Daily raw-tracks recordings are read from your S3 bucket: set AWS_DAILY_S3_BUCKET (and AWS_DAILY_S3_REGION) to download them.',
        ['AWS_DAILY_S3_BUCKET'],
      );
    }
    const keys = recording.keys.length > 0 ? recording.keys : await this.trackKeys(recording.recordingId);
    return { kind: 'bucket', bucket, region, keys, tracks: keys.map(parseDailyTrackKey) };
  }

  /** One page of `GET /recordings`, finished ones as the events their webhooks give (`recordings.ts`). */
  listRecordings(input: ListRecordingsInput): Promise<RecordingPage> {
    return listDailyRecordings(this.client, input);
  }

  parseListedRecording(raw: unknown): RecordingReadyEvent | null {
    return parseDailyListedRecording(raw);
  }

  private async trackKeys(recordingId: string): Promise<string[]> {
    const keys = ((await this.client.getRecording(recordingId)).tracks ?? []).map((t) => t.s3Key);
    if (keys.length > 0) return keys;
    throw new ProviderError({
      provider: this.name,
      operation: 'getRecordingSource',
      providerStatus: null,
      retryable: false,
      message: `daily reports no tracks for raw-tracks recording ${recordingId}; check that the recordings bucket role still grants Daily write access.`,
    });
  }

  async uploadLogo(): Promise<void> {
    return unsupported(this.name, 'logo');
  }

  /**
   * `GET /webhooks`. Daily disables a webhook after 3 failed deliveries in a row and shows it
   * `FAILED` (https://docs.daily.co/reference/rest-api/webhooks).
   */
  async listWebhooks(options: WebhookAdminOptions = {}): Promise<WebhookRegistration[]> {
    return (await this.client.listWebhooks(options.priority)).map(toWebhookRegistration);
  }

  /**
   * Points the domain's one webhook at `url` with the first `DAILY_WEBHOOK_SECRET` as its `hmac`
   * and the event types Meetbridge reads: `POST /webhooks/:uuid` when one exists (which also
   * re-activates it), else `POST /webhooks`. Either way Daily first checks that `url` answers its
   * `{"test":"test"}` with 200.
   */
  async registerWebhook(url: string, options: WebhookAdminOptions = {}): Promise<WebhookRegistration> {
    const hmac = this.config.webhookSecrets[0];
    if (!hmac) {
      throw new ConfigError(
        'Set DAILY_WEBHOOK_SECRET (base64, e.g. `openssl rand -base64 32`) before registering the Daily webhook: Meetbridge verifies every delivery with it.',
        ['DAILY_WEBHOOK_SECRET'],
      );
    }
    const body = { url, hmac, eventTypes: [...DAILY_WEBHOOK_EVENT_TYPES] };
    const [existing] = await this.client.listWebhooks(options.priority);
    const wire = existing
      ? await this.client.updateWebhook(existing.uuid, body, options.priority)
      : await this.client.createWebhook(body, options.priority);
    return toWebhookRegistration(wire);
  }

  /** `POST /webhooks/:uuid` with an empty body: re-activates a FAILED webhook, changing nothing else. */
  async reactivateWebhook(id: string, options: WebhookAdminOptions = {}): Promise<WebhookRegistration> {
    return toWebhookRegistration(await this.client.updateWebhook(id, {}, options.priority));
  }
}
