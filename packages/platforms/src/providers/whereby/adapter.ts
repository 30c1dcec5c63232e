import type {
  AdapterDeps,
  Capabilities,
  CreateMeetingInput,
  JoinInput,
  JoinResult,
  LogoInput,
  MeetingRef,
  PlatformAdapter,
  PresenceFacts,
  PresenceSnapshot,
  ProviderMeeting,
  RecordingLink,
  RecordingNoticeReader,
  RecordingPage,
  RecordingRef,
  RecordingSource,
  RoomSession,
  WebhookRegistration,
  WebhookReceiver,
} from '../../core/adapter.js';
import { unsupported } from '../../core/capability.js';
import { PlatformUnavailableError, ProviderError } from '../../core/errors.js';
import { bearerAuth } from '../../core/auth.js';
import { createHttpClient } from '../../core/http.js';
import type { RateBudgetSpec } from '../../core/rate-budget.js';
import { stableUserId } from '../../core/naming.js';
import { splitBucketPath } from '../../core/recording.js';
import { WherebyClient } from './client.js';
import type { WherebyConfig } from './config.js';
import { parseWherebyError, type WherebyCreateMeetingBody, type WherebyMeetingWire } from './wire.js';
import { wherebyWebhookReceiver } from './webhooks.js';
import { parseRecordingFilename, wherebyNoticeReader } from './notices.js';
import type { RecordingReadyEvent } from '../../core/events.js';

/** What Whereby can do: host URLs, insights sessions, hosted-recording links, logos; no tokens or live presence. */
export const wherebyCapabilities: Capabilities = {
  hostUrl: true,
  joinTokens: false,
  presence: false,
  sessions: true,
  deleteMeeting: true,
  plannedRoomNames: false,
  extendMeeting: false,
  serverSideRecording: false,
  rawTracks: false,
  recordingLinks: true,
  recordingSource: true,
  recordingNotices: true,
  recordingPolling: false,
  logo: true,
  webhookAdmin: false,
};

/**
 * Whereby's rate limit as data: one budget of points per minute for the whole organisation, shared
 * by all its API keys; a read costs 1 point, a delete 2, a write 3
 * (https://github.com/whereby/docs/blob/main/reference/whereby-rest-api-reference/README.md).
 */
export function wherebyRateBudget(pointsPerMinute: number): RateBudgetSpec {
  return {
    pools: { organisation: { points: pointsPerMinute, windowMs: 60_000 } },
    charge: ({ method }) => ({ pool: 'organisation', cost: method === 'GET' ? 1 : method === 'DELETE' ? 2 : 3 }),
  };
}

/**
 * Whereby has no live presence API: the webhooks' absolute `numClients` says who is in the call.
 * Insights "can take 10-15 minutes to update" and list a session only once 2 people have been in it
 * (https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/README.md),
 * so they may only confirm what is older than 15 minutes.
 */
export const wherebyPresence: PresenceFacts = { source: 'webhooks', presenceLagSeconds: 0, sessionsLagSeconds: 900 };

/**
 * The largest room `roomMode: "normal"` holds (peer to peer); `group` holds up to 200
 * (https://github.com/whereby/docs/blob/main/whereby-product-features/using-the-rest-api/on-creation.md).
 */
export const WHEREBY_NORMAL_ROOM_SIZE = 4;
/** `externalId` is `[A-Za-z0-9-_]`, at most 36 characters (the embed's attributes). */
const EXTERNAL_ID = /^[A-Za-z0-9_-]+$/;
const EXTERNAL_ID_MAX = 36;
/** `displayName`: at most 100 characters, none of `$!<>:;`. */
const DISPLAY_NAME_MAX = 100;

/** Whereby caps `roomNamePrefix` at 39 characters, counting the trailing "-". */
export const WHEREBY_PREFIX_MAX = 39;
/** Upper bound on insights pages read per `getSessions` call (100 sessions each). */
const MAX_SESSION_PAGES = 10;

/** `roomNamePrefix` from our room name: lower-case, `[a-z0-9-]` only, no leading "/", ≤ 39 chars with the trailing "-". */
export function wherebyRoomNamePrefix(roomName: string): string {
  const cleaned = roomName
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '')
    .slice(0, WHEREBY_PREFIX_MAX - 1)
    .replace(/^-+|-+$/g, '');
  return `${cleaned || 'room'}-`;
}

/** The `POST /meetings` body; throws `PlatformUnavailableError` when cloud recording lacks its S3 settings. */
export function buildCreateMeetingBody(input: CreateMeetingInput, s3: WherebyConfig['s3']): WherebyCreateMeetingBody {
  const { settings } = input;
  const body: WherebyCreateMeetingBody = {
    isLocked: settings.isLocked,
    roomNamePrefix: wherebyRoomNamePrefix(input.roomName),
    roomNamePattern: 'uuid',
    // roomMode is room size, not locking: a room for more than 4 needs "group".
    roomMode: settings.roomSize !== null && settings.roomSize > WHEREBY_NORMAL_ROOM_SIZE ? 'group' : settings.roomMode,
    endDate: input.endDate.toISOString(),
    fields: ['hostRoomUrl'],
  };
  if (settings.recordingType !== 'cloud') return body;
  const { bucket, accessKeyId, accessKeySecret } = s3;
  if (!bucket || !accessKeyId || !accessKeySecret) {
    const missing = [
      ...(bucket ? [] : ['AWS_WHEREBY_S3_BUCKET']),
      ...(accessKeyId ? [] : ['AWS_WHEREBY_ACCESS_KEY_ID']),
      ...(accessKeySecret ? [] : ['AWS_WHEREBY_ACCESS_KEY_SECRET']),
    ];
    throw new PlatformUnavailableError(
      'whereby',
      `Cloud recording on Whereby needs an S3 bucket: set ${missing.join(', ')}, or choose recording type "none" or "local".`,
      missing,
    );
  }
  body.recording = {
    type: 'cloud',
    destination: { provider: 's3', bucket, accessKeyId, accessKeySecret, fileFormat: 'mp4' },
    startTrigger: settings.recordingTrigger,
  };
  return body;
}

/** The configured S3 destination (`bucket[/sub/folder]`) when cloud recordings go to our bucket, else `null`. */
export function s3Destination(s3: WherebyConfig['s3']): string | null {
  return s3.bucket && s3.accessKeyId && s3.accessKeySecret ? s3.bucket : null;
}

/** The created meeting in Meetbridge's terms; `providerRoomName` keeps Whereby's leading "/". */
export function toProviderMeeting(wire: WherebyMeetingWire): ProviderMeeting {
  // roomName is optional in the OpenAPI; the room URL's path has the same value.
  const providerRoomName = wire.roomName ?? new URL(wire.roomUrl).pathname;
  return {
    providerMeetingId: wire.meetingId,
    providerRoomName: providerRoomName.startsWith('/') ? providerRoomName : `/${providerRoomName}`,
    roomUrl: wire.roomUrl,
    hostRoomUrl: wire.hostRoomUrl ?? null,
    startDate: wire.startDate ?? null,
    endDate: wire.endDate,
  };
}

/** Whereby Embedded behind Meetbridge's adapter interface. */
export class WherebyAdapter implements PlatformAdapter {
  readonly name = 'whereby';
  readonly capabilities = wherebyCapabilities;
  readonly presence = wherebyPresence;
  readonly client: WherebyClient;
  readonly webhooks: WebhookReceiver;
  readonly recordingNotices: RecordingNoticeReader;
  /** Whereby has no recordings list for self-hosted files; its S3 notices stand in for polling. */
  readonly recordingPollSeconds = null;

  constructor(
    private readonly config: WherebyConfig,
    private readonly deps: AdapterDeps,
  ) {
    const redact = [...config.webhookSecrets, config.s3.accessKeySecret ?? ''];
    this.client = new WherebyClient(
      createHttpClient(
        {
          provider: 'whereby',
          baseUrl: config.apiUrl,
          auth: bearerAuth(config.apiKey),
          parseError: parseWherebyError,
          redact,
          budget: wherebyRateBudget(config.rateLimitPoints),
        },
        deps,
      ),
    );
    this.webhooks = wherebyWebhookReceiver({ secrets: config.webhookSecrets, toleranceSeconds: deps.webhookToleranceSeconds });
    this.recordingNotices = wherebyNoticeReader(s3Destination(config.s3));
  }

  async createMeeting(input: CreateMeetingInput): Promise<ProviderMeeting> {
    if (input.providerRoomName !== undefined) return unsupported(this.name, 'plannedRoomNames');
    const body = buildCreateMeetingBody(input, this.config.s3);
    return toProviderMeeting(await this.client.createMeeting(body));
  }

  /**
   * Whereby names rooms itself (`roomNamePrefix` + a UUID it picks), so the name is known only from
   * the reply; a lost reply leaves a room that lives until its `endDate` (deactivated an hour
   * after it, deleted within 24 h: whereby/docs `using-the-rest-api/README.md`).
   */
  planRoomName(): string {
    return unsupported(this.name, 'plannedRoomNames');
  }

  async deleteMeeting(meeting: MeetingRef): Promise<void> {
    await this.client.deleteMeeting(meeting.providerMeetingId);
  }

  /** `DELETE /meetings/{meetingId}` and `GET /meetings/{meetingId}` take the meetingId, never the room name. */
  async deleteRoomByName(): Promise<void> {
    return unsupported(this.name, 'plannedRoomNames');
  }

  /**
   * A Whereby room's `endDate` is set at creation and cannot be changed; it does not eject anyone,
   * and the room stays usable until an hour after it
   * (https://github.com/whereby/docs/blob/main/whereby-product-features/using-the-rest-api/README.md).
   */
  async extendMeeting(): Promise<void> {
    return unsupported(this.name, 'extendMeeting');
  }

  /** Whereby has no live presence API: use webhooks' `numClients` or `getSessions`. */
  async getPresence(): Promise<PresenceSnapshot> {
    return unsupported(this.name, 'presence');
  }

  async getSessions(meeting: MeetingRef): Promise<RoomSession[]> {
    const sessions: RoomSession[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_SESSION_PAGES; page++) {
      const reply = await this.client.listRoomSessions(meeting.providerRoomName, { cursor, limit: 100 });
      for (const s of reply.results) sessions.push({ sessionId: s.roomSessionId, startedAt: s.startedAt, endedAt: s.endedAt ?? null });
      if (!reply.cursor || reply.results.length === 0) break;
      cursor = reply.cursor;
    }
    return sessions;
  }

  /**
   * No tokens: owners get the host URL (a bearer credential, so only them), everyone else the room
   * URL. A signed-in caller's `externalId` and `displayName` go as room-URL parameters: Whereby
   * echoes them in its webhooks (and insights) only when passed that way
   * (https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/webhooks.md).
   * An id Whereby would refuse (not `[A-Za-z0-9-_]{1,36}`, like `auth0|…`) goes as its stable UUIDv5.
   */
  async createJoin(input: JoinInput): Promise<JoinResult> {
    const base = input.isOwner && input.meeting.hostRoomUrl ? input.meeting.hostRoomUrl : input.meeting.roomUrl;
    if (!input.user) return { kind: 'url', url: base, token: null, expiresAt: input.meeting.endDate };
    const url = new URL(base);
    url.searchParams.set('externalId', stableUserId(input.user.id, EXTERNAL_ID_MAX, EXTERNAL_ID));
    const name = input.user.name
      ?.replace(/[$!<>:;]/g, '')
      .trim()
      .slice(0, DISPLAY_NAME_MAX);
    if (name) url.searchParams.set('displayName', name);
    return { kind: 'url', url: url.toString(), token: null, expiresAt: input.meeting.endDate };
  }

  /** Whereby recordings start in the browser (`startTrigger` or the embed's `startRecording()`). */
  async startRecording(): Promise<{ recordingId: string | null }> {
    return unsupported(this.name, 'serverSideRecording');
  }

  async stopRecording(): Promise<void> {
    return unsupported(this.name, 'serverSideRecording');
  }

  /**
   * `DELETE /recordings/{recordingId}` (204; Whereby-hosted recordings). A file name (how Meetbridge
   * identifies Whereby recordings) is resolved first; one Whereby no longer lists is already gone.
   */
  async deleteRecording(recordingId: string): Promise<void> {
    let id: string | null;
    try {
      id = (await this.hostedRecordingId(recordingId)) ?? recordingId;
    } catch (error) {
      if (error instanceof ProviderError && error.providerStatus === 404) return;
      throw error;
    }
    await this.client.deleteRecording(id);
  }

  /**
   * An access link (Whereby-hosted recordings only). Meetbridge identifies a Whereby recording by
   * its file name (the bucket notice knows nothing else); a file name is first resolved to Whereby's
   * `recordingId` through `GET /recordings?roomName=`, the room being part of the name.
   */
  async getRecordingLink(recordingId: string): Promise<RecordingLink> {
    const id = (await this.hostedRecordingId(recordingId)) ?? recordingId;
    const link = await this.client.getRecordingAccessLink(id);
    return { url: link.accessLink, expiresAt: new Date(link.expires) };
  }

  private async hostedRecordingId(filename: string): Promise<string | null> {
    const parsed = parseRecordingFilename(filename);
    if (!parsed) return null;
    let cursor: string | undefined;
    for (let page = 0; page < MAX_SESSION_PAGES; page++) {
      const reply = await this.client.listRecordings(parsed.providerRoomName, { cursor });
      const found = reply.results.find((r) => r.filename === filename);
      if (found) return found.recordingId;
      if (!reply.cursor || reply.results.length === 0) break;
      cursor = reply.cursor;
    }
    throw new ProviderError({
      provider: this.name,
      operation: 'getRecordingLink',
      providerStatus: 404,
      retryable: false,
      message: `whereby lists no hosted recording named ${filename} in room ${parsed.providerRoomName}.`,
    });
  }

  async listRecordings(): Promise<RecordingPage> {
    return unsupported(this.name, 'recordingPolling');
  }

  parseListedRecording(): RecordingReadyEvent | null {
    return unsupported(this.name, 'recordingPolling');
  }

  /**
   * With the S3 destination configured (all three `AWS_WHEREBY_*`), Meetbridge creates recorded
   * meetings with it, so the file is `<sub/folder/><filename>` in that bucket; the bucket variable
   * may hold `bucket/sub/folder`, and Whereby names no region. Otherwise Whereby hosts the file:
   * an access link.
   * https://github.com/whereby/docs/blob/main/whereby-product-features/recording-with-embedded/cloud-recording.md
   */
  async getRecordingSource(recording: RecordingRef): Promise<RecordingSource> {
    const destination = s3Destination(this.config.s3);
    if (!destination) {
      const link = await this.getRecordingLink(recording.recordingId);
      return { kind: 'link', url: link.url, expiresAt: link.expiresAt };
    }
    const { bucket, prefix } = splitBucketPath(destination);
    const keys = recording.filename ? [`${prefix}${recording.filename}`] : recording.keys;
    if (keys.length === 0) {
      throw new ProviderError({
        provider: this.name,
        operation: 'getRecordingSource',
        providerStatus: null,
        retryable: false,
        message: `whereby reported no file name for recording ${recording.recordingId}; pass the filename of its recording.finished webhook.`,
      });
    }
    return { kind: 'bucket', bucket, region: null, keys };
  }

  async uploadLogo(meeting: MeetingRef, logo: LogoInput): Promise<void> {
    await this.client.uploadRoomLogo(meeting.providerRoomName.replace(/^\/+/, ''), logo);
  }

  /** Whereby webhooks are configured in its dashboard only; there is no API for them (webhooks.md). */
  async listWebhooks(): Promise<WebhookRegistration[]> {
    return unsupported(this.name, 'webhookAdmin');
  }

  async registerWebhook(): Promise<WebhookRegistration> {
    return unsupported(this.name, 'webhookAdmin');
  }

  async reactivateWebhook(): Promise<WebhookRegistration> {
    return unsupported(this.name, 'webhookAdmin');
  }
}
