import type { Clock } from './clock.js';
import type { CallPriority } from './errors.js';
import type { MeetingEvent, RecordingReadyEvent } from './events.js';
import type { LoggerLike } from './logger.js';

/** Recording modes a room can ask for. */
export type RecordingType = 'none' | 'local' | 'cloud';
/** When a cloud recording starts (Whereby `startTrigger`). */
export type RecordingTrigger = 'none' | 'prompt' | 'automatic' | 'automatic-2nd-participant';
/** Whereby's notion of room size: `normal` = up to 4 participants, `group` = more. */
export type RoomMode = 'normal' | 'group';

/** The room settings a meeting is created with (a meeting keeps a snapshot of them). */
export interface RoomSettings {
  isLocked: boolean;
  roomMode: RoomMode;
  /** Maximum participants, or `null` for the provider's default. */
  roomSize: number | null;
  recordingType: RecordingType;
  recordingTrigger: RecordingTrigger;
}

export interface CreateMeetingInput {
  /** Our room's name (lower-case letters, digits, hyphens); providers derive their room name from it. */
  roomName: string;
  settings: RoomSettings;
  /** When the meeting ends; providers stop new joins (or eject) then. */
  endDate: Date;
  /**
   * The provider room name planned with `planRoomName` before the call (capability
   * `plannedRoomNames`): the room is created under exactly this name, so a create whose reply is
   * lost can still be deleted (`deleteRoomByName`). Default: the adapter picks a name. An adapter
   * without the capability throws `UnsupportedCapabilityError` when it is given.
   */
  providerRoomName?: string;
}

/** What the provider created. */
export interface ProviderMeeting {
  providerMeetingId: string;
  /** The provider's room name, in the exact form its webhooks use. */
  providerRoomName: string;
  roomUrl: string;
  /** The host URL where the provider has one (capability `hostUrl`), else `null`. */
  hostRoomUrl: string | null;
  startDate: Date | null;
  endDate: Date;
}

/** How an adapter addresses an existing meeting. */
export interface MeetingRef {
  providerMeetingId: string;
  providerRoomName: string;
  roomUrl: string;
  hostRoomUrl: string | null;
  endDate: Date;
}

/** One participant currently in the call, according to the provider's presence API. */
export interface PresenceParticipant {
  sessionId: string;
  userId: string | null;
  userName: string | null;
  joinedAt: Date;
}

/**
 * Who the provider's presence API lists now. The answer may be one page of several (Daily takes a
 * `limit`): `total` then exceeds `participants.length`, and nobody missing from the page may be
 * taken for gone.
 */
export interface PresenceSnapshot {
  participants: PresenceParticipant[];
  /** How many the provider says are in the call (Daily `total_count`). */
  total: number;
}

/** One call session of a room (Whereby insights, Daily meetings). `endedAt` is null while it runs. */
export interface RoomSession {
  sessionId: string;
  startedAt: Date;
  endedAt: Date | null;
}

export interface JoinInput {
  meeting: MeetingRef;
  settings: RoomSettings;
  /** The caller, or `null` for an anonymous visitor. */
  user: { id: string; name: string | null } | null;
  /** True when the caller owns the room: gets host/owner privileges where the provider has them. */
  isOwner: boolean;
}

/** Join by opening a page: the provider's room URL (Daily, Whereby, mock). */
export interface UrlJoin {
  kind: 'url';
  /**
   * The URL this caller should open (the host URL for owners where the provider has one; the
   * embed's identity parameters where the provider reads them). Never a token: a browser keeps URLs
   * in its history and logs.
   */
  url: string;
  /**
   * The caller's token, when the provider uses one, handed to its client next to `url` (Daily:
   * `call.join({url, token})`); else `null`.
   */
  token: string | null;
  /** When the token or URL stops admitting this caller; `null` when the provider sets no end. */
  expiresAt: Date | null;
}

/**
 * Join by connecting a client SDK: there is no page to open, the browser connects to `serverUrl`
 * with `token` (LiveKit: `room.connect(serverUrl, token)`,
 * https://docs.livekit.io/home/client/connect/).
 */
export interface SdkJoin {
  kind: 'sdk';
  /** Where the client SDK connects (LiveKit: the project's `wss://` URL). */
  serverUrl: string;
  /** The caller's access token; it names the room and the caller's grants. */
  token: string;
  /** The provider room the token admits to (`MeetingRef.providerRoomName`). */
  roomName: string;
  /** When the token stops admitting this caller; `null` when the provider sets no end. */
  expiresAt: Date | null;
}

/** How this caller joins: switch on `kind` (`url` = open a page, `sdk` = connect a client SDK). */
export type JoinResult = UrlJoin | SdkJoin;

export interface StartRecordingInput {
  type: 'cloud' | 'raw-tracks';
  /** Lets several recordings run in parallel and makes the start idempotent per instance. */
  instanceId: string;
  /** Cap on the recording's length, in seconds. */
  maxDurationSeconds?: number;
}

export interface RecordingLink {
  url: string;
  expiresAt: Date;
}

/**
 * A finished recording as its provider reported it (`recording.ready`; see `recordingRefOf`): what
 * `getRecordingSource` needs to say where the files are.
 */
export interface RecordingRef {
  recordingId: string;
  /** `composite` = one composed file; `tracks` = one object per participant track (Daily raw-tracks). */
  kind: 'composite' | 'tracks';
  /** Object keys the provider reported (Daily track `s3Key`s, or the composite's `s3_key`); may be empty. */
  keys: string[];
  /** The file name the provider reported (Whereby `filename`). Default `null`. */
  filename?: string | null;
}

/** The recording's objects are in a bucket Meetbridge can read with its own credentials. */
export interface BucketSource {
  kind: 'bucket';
  /** The bucket name alone (no key prefix). */
  bucket: string;
  /** The bucket's region, or `null` when the provider's configuration does not name one. */
  region: string | null;
  /** Full object keys, one per file (one per track for `tracks` recordings). */
  keys: string[];
  /**
   * What the provider's key format says about each key, where it says anything (Daily raw tracks:
   * `{recordingStartMs}-{participantSessionId}-{trackKind}-{trackStartMs}`). Default: nothing known.
   */
  tracks?: SourceTrack[];
}

/** One object of a bucket source, as far as its key tells. */
export interface SourceTrack {
  key: string;
  /** `audio` or `video` when the key says; a recording pipeline downloads only audio. */
  media: 'audio' | 'video' | null;
  /** The provider's session id of the participant the track belongs to. */
  participantSessionId: string | null;
  /** Where the track starts on the recording's timeline, in ms. */
  startOffsetMs: number | null;
}

/** The provider hosts the recording and hands out a temporary download link. */
export interface LinkSource {
  kind: 'link';
  url: string;
  expiresAt: Date;
}

/** Where a finished recording's bytes are, for a provider-neutral download job: switch on `kind`. */
export type RecordingSource = BucketSource | LinkSource;

export interface LogoInput {
  data: Uint8Array;
  contentType: string;
  filename: string;
}

/** Request headers as Node gives them: lower-cased names. */
export type HeaderBag = Record<string, string | string[] | undefined>;

/** A webhook whose signature was verified, before normalization. */
export interface VerifiedWebhook {
  /**
   * The key deliveries are deduplicated on: the provider's event id, extended by the adapter where
   * the id alone does not identify the event (Daily recording events: `<id>#<recording id>`).
   */
  eventId: string;
  /** The provider's event type. */
  type: string;
  /** When the event happened, from the payload where the provider puts it there (not when it was sent). */
  occurredAt: Date;
  /** The parsed JSON body. */
  body: unknown;
}

/**
 * Reads S3 event notifications of the bucket a provider uploads recordings to (S3 → SQS, capability
 * `recordingNotices`): the provider-neutral consumer hands every `ObjectCreated` record to each
 * capable adapter; the one whose bucket (and key layout) it is turns it into the same
 * `recording.ready` event its webhook gives, with the same `eventId` and `recordingId`, so a
 * recording announced both ways is stored once.
 */
export interface RecordingNoticeReader {
  /**
   * One record of an S3 event notification (`Records[i]` of the SQS message: `eventName`,
   * `eventTime`, `s3.bucket.name`, `s3.object.key` URL-encoded, `s3.object.size`) → the recording
   * it announces, or `null` when it is not one of this provider's recordings (another bucket or
   * prefix, not `ObjectCreated`, a key that is not a recording file). Never throws.
   */
  parse(record: unknown): RecordingReadyEvent | null;
}

/** Where a scan of the provider's recordings (`listRecordings`) starts and stops. */
export interface ListRecordingsInput {
  /** Continue a scan where its last page ended (`RecordingPage.cursor`); `null` = from the newest. */
  cursor: string | null;
  /** The scan is done at recordings started before this; `null` = read every page. */
  since: Date | null;
  /** Page size; default the provider's largest page (Daily: 100). */
  limit?: number;
}

/** One finished recording found by listing the provider's recordings. */
export interface ListedRecording {
  /** The same event (`eventId`, `recordingId`) the provider's webhook for this recording gives. */
  event: RecordingReadyEvent;
  /** The provider's item as listed: what the inbox stores; `parseListedRecording` turns it back into `event`. */
  raw: unknown;
}

/** One page of the provider's recordings, newest first. */
export interface RecordingPage {
  /** The finished recordings of the page (in-progress, canceled and empty ones are left out). */
  recordings: ListedRecording[];
  /**
   * The start of the oldest recording on this page that is still in progress, or `null`: a poller
   * keeps its watermark before it, so the recording is seen again once finished.
   */
  oldestInProgress: Date | null;
  /** The start of the newest recording on this page, or `null` when the page is empty. */
  newest: Date | null;
  /** The next page's cursor; `null` when the scan is done (no more pages, or the page reached `since`). */
  cursor: string | null;
}

/**
 * A provider's webhook intake, bound to its configured secrets (`adapter.webhooks`). The server
 * calls it in this order: `isPing` → `verify` (at intake) → `parse` (when the stored delivery is
 * processed, possibly later and in another process).
 */
export interface WebhookReceiver {
  /**
   * True for an endpoint-verification ping that must be answered 200 and otherwise ignored
   * (Daily's `{"test":"test"}`, which may come unsigned). False for every provider without one.
   */
  isPing(rawBody: Buffer, headers: HeaderBag): boolean;
  /**
   * Verifies the signature over the raw bytes; throws `WebhookVerificationError`. `allowStale`
   * skips only the timestamp window (replay protection): for recognising a provider's retry of a
   * delivery already stored, which keeps its original timestamp (Daily).
   */
  verify(rawBody: Buffer, headers: HeaderBag, now: Date, options?: { allowStale?: boolean }): VerifiedWebhook;
  /** Turns a verified webhook into normalized events (an unknown type becomes `unhandled`); never throws. */
  parse(webhook: VerifiedWebhook): MeetingEvent[];
}

/** Static facts about a provider's webhooks, readable without credentials (routes, log redaction). */
export interface WebhookFacts {
  /** Paths Meetbridge receives this provider's webhooks on, one POST route each (`/v1/daily/webhook`). */
  readonly paths: readonly string[];
  /** Lower-case request headers that carry this provider's signatures or tokens; redacted from logs. */
  readonly redactHeaders: readonly string[];
}

/** Declared capabilities: callers check these instead of a platform's name. */
export interface Capabilities {
  /** The provider issues a separate host URL for owners. */
  hostUrl: boolean;
  /** Joins use a per-participant token. */
  joinTokens: boolean;
  /** A live presence API lists who is in the call now (`getPresence`). */
  presence: boolean;
  /** A sessions API lists call sessions of a room (`getSessions`). */
  sessions: boolean;
  /** The provider room can be deleted (`deleteMeeting`). */
  deleteMeeting: boolean;
  /**
   * The client chooses the provider room's name: it is known before the create call
   * (`planRoomName`, passed as `CreateMeetingInput.providerRoomName`), and a room can be deleted by
   * that name alone (`deleteRoomByName`), so a create that timed out or lost its reply after the
   * provider committed it can be cleaned up (Daily, mock). Whereby assigns its own names and
   * addresses rooms by the `meetingId` its reply carries; a lost Whereby room ends at the `endDate`
   * sent with it.
   */
  plannedRoomNames: boolean;
  /**
   * The provider room's end can be pushed back while people are in it (`extendMeeting`): Daily
   * updates the room's `exp`. Whereby's `endDate` is fixed at creation.
   */
  extendMeeting: boolean;
  /** Recordings can be started from the server (`startRecording`). */
  serverSideRecording: boolean;
  /** Recordings can deliver one file per participant track. */
  rawTracks: boolean;
  /** The provider hosts recordings and hands out download links (`getRecordingLink`). */
  recordingLinks: boolean;
  /** `getRecordingSource` says where a finished recording's files are (our bucket, or a link). */
  recordingSource: boolean;
  /**
   * Recordings land in a bucket whose S3 event notifications (through SQS) announce them
   * (`recordingNotices`): Whereby's S3 destination.
   */
  recordingNotices: boolean;
  /**
   * Finished recordings can be listed (`listRecordings`), so a poller finds those whose webhook was
   * lost (Daily `GET /recordings`).
   */
  recordingPolling: boolean;
  /** A logo can be uploaded (`uploadLogo`). */
  logo: boolean;
  /**
   * The provider's webhook registration is managed through its API (`listWebhooks`,
   * `registerWebhook`, `reactivateWebhook`): Daily. Whereby's is configured in its dashboard only.
   */
  webhookAdmin: boolean;
}

/** One webhook registration at the provider (capability `webhookAdmin`). */
export interface WebhookRegistration {
  /** The provider's id of the registration (Daily `uuid`). */
  id: string;
  url: string;
  /**
   * `active`: deliveries flow. `failed`: the provider stopped sending after failed deliveries
   * (Daily: 3 in a row) until it is re-activated. `inactive`: stopped otherwise. `unknown`: a state
   * this adapter does not know.
   */
  state: 'active' | 'failed' | 'inactive' | 'unknown';
  /** Consecutive failed deliveries the provider counted, when it says. */
  failedCount: number | null;
  eventTypes: string[];
}

/** Options of the webhook administration calls. */
export interface WebhookAdminOptions {
  /** `interactive` (an operator runs the CLI, the default) or `background` (the periodic check). */
  priority?: CallPriority;
}

/**
 * How a provider tells Meetbridge who is in a call, as data the server acts on (never a platform
 * name). The presence source is the final writer of who is present; a sessions API only speaks
 * about what is older than its lag.
 */
export interface PresenceFacts {
  /**
   * `api`: a live presence API (`getPresence`, capability `presence`) lists who is in the call now
   * (Daily, mock). `webhooks`: the newest absolute participant count in the webhooks does (Whereby
   * `numClients`); there is no live presence API.
   */
  source: 'api' | 'webhooks';
  /**
   * How stale the presence API may be, in seconds (Daily: up to ~15 s): a session that started
   * more recently is not closed for being missing from it.
   */
  presenceLagSeconds: number;
  /**
   * How far `getSessions` lags behind the calls, in seconds (Whereby insights: "10-15 minutes"; 0
   * when it does not lag): only what is older than this may be confirmed from it.
   */
  sessionsLagSeconds: number;
}

/**
 * One video provider behind Meetbridge's interface. Every method exists on every adapter; an
 * operation outside the adapter's `capabilities` throws `UnsupportedCapabilityError`. Provider
 * failures throw `ProviderError`; webhook failures throw `WebhookVerificationError`.
 */
export interface PlatformAdapter {
  readonly name: string;
  readonly capabilities: Capabilities;
  /** Where presence comes from and how far its sources lag. */
  readonly presence: PresenceFacts;

  createMeeting(input: CreateMeetingInput): Promise<ProviderMeeting>;
  /**
   * The provider room name a `createMeeting` for our room `roomName` will use when it is passed as
   * `CreateMeetingInput.providerRoomName` (capability `plannedRoomNames`): unique (time and a random
   * part), in the exact form the provider's webhooks use. Each plan is for one create call.
   */
  planRoomName(roomName: string): string;
  /** Deletes the provider room. Idempotent: a room that is already gone is success. */
  deleteMeeting(meeting: MeetingRef): Promise<void>;
  /**
   * Deletes the provider room named `providerRoomName` (capability `plannedRoomNames`), knowing
   * nothing else about it: the cleanup of a create whose reply was lost. Idempotent: a room that
   * does not exist (never created, already deleted, expired) is success. A background call.
   */
  deleteRoomByName(providerRoomName: string): Promise<void>;
  /** Moves the provider room's end to `endDate` (capability `extendMeeting`); a background call. */
  extendMeeting(meeting: MeetingRef, endDate: Date): Promise<void>;
  getPresence(meeting: MeetingRef): Promise<PresenceSnapshot>;
  getSessions(meeting: MeetingRef): Promise<RoomSession[]>;
  createJoin(input: JoinInput): Promise<JoinResult>;
  /** Starts a recording; returns the provider's recording id. Already-running counts as started. */
  startRecording(meeting: MeetingRef, input: StartRecordingInput): Promise<{ recordingId: string | null }>;
  /**
   * Stops the recording started with `instanceId` (capability `serverSideRecording`). Nothing
   * running under that instance counts as stopped.
   */
  stopRecording(meeting: MeetingRef, input: { instanceId: string }): Promise<void>;
  getRecordingLink(recordingId: string): Promise<RecordingLink>;
  /** Where a finished recording's files are: objects in a bucket we can read, or a download link. */
  getRecordingSource(recording: RecordingRef): Promise<RecordingSource>;
  /**
   * One page of the provider's finished recordings, newest first (capability `recordingPolling`): a
   * background call, so it throws `RateLimitedError` rather than wait when the budget is spent.
   */
  listRecordings(input: ListRecordingsInput): Promise<RecordingPage>;
  /**
   * A `ListedRecording.raw` (as stored in the inbox) back into its event; `null` when it is not a
   * finished recording (capability `recordingPolling`; never throws otherwise).
   */
  parseListedRecording(raw: unknown): RecordingReadyEvent | null;
  /**
   * How often to poll `listRecordings`, in seconds; `null` without capability `recordingPolling`.
   * (Daily: `DAILY_RECORDINGS_POLL_SECONDS`, default 180 with a webhook secret, else 15, since
   * polling is then the only way recordings are found.)
   */
  readonly recordingPollSeconds: number | null;
  /** Reads bucket notices of this provider's recordings (without `recordingNotices`, it reads none). */
  readonly recordingNotices: RecordingNoticeReader;
  /**
   * Deletes a recording the provider hosts (capability `recordingLinks`: where it hands out links,
   * it keeps the files). Idempotent: a recording already gone is success. Objects in a bucket we
   * read with our own credentials are deleted there, not through this.
   */
  deleteRecording(recordingId: string): Promise<void>;
  uploadLogo(meeting: MeetingRef, logo: LogoInput): Promise<void>;
  /** The provider's webhook registrations (capability `webhookAdmin`). */
  listWebhooks(options?: WebhookAdminOptions): Promise<WebhookRegistration[]>;
  /**
   * Points the provider's webhook at `url` (creating it, or updating the existing one, which also
   * re-activates it), signed with the configured webhook secret (capability `webhookAdmin`).
   */
  registerWebhook(url: string, options?: WebhookAdminOptions): Promise<WebhookRegistration>;
  /** Re-activates a webhook the provider stopped (capability `webhookAdmin`). */
  reactivateWebhook(id: string, options?: WebhookAdminOptions): Promise<WebhookRegistration>;

  /** Verifies and normalizes this provider's webhooks with the configured secrets. */
  readonly webhooks: WebhookReceiver;
}

/** Services injected into every adapter. */
export interface AdapterDeps {
  clock: Clock;
  logger: LoggerLike;
  /** The fetch implementation (defaults to the global one). */
  fetch?: typeof fetch;
  /** Meetbridge's public base URL (the mock provider serves its room pages there). */
  baseUrl: string;
  /**
   * Overrides for the HTTP transport (core/http.ts): per-attempt timeout (default 10 000 ms),
   * retries of retryable failures (default 3), backoff base (default 250 ms), the cap on any one
   * wait including `Retry-After` (default 30 000 ms), the `sleep` used between attempts (tests
   * inject one that resolves at once), and the rate budget's background share and interactive wait.
   */
  http?: {
    timeoutMs?: number;
    maxRetries?: number;
    baseDelayMs?: number;
    maxDelayMs?: number;
    sleep?: (ms: number) => Promise<void>;
    /** Share of the provider's rate budget background calls may use (default 0.5). */
    backgroundShare?: number;
    /** Total wait an interactive call accepts for rate limits before `RateLimitedError` (default 4000 ms). */
    maxInteractiveWaitMs?: number;
  };
  /** Webhook timestamp tolerance in seconds, both directions (default 300). */
  webhookToleranceSeconds?: number;
}

/** Environment variables as a plain record (the server passes its validated environment). */
export type EnvRecord = Readonly<Record<string, string | undefined>>;

/** Result of reading a provider's configuration from the environment. */
export type ConfigResult<C> = { ok: true; config: C } | { ok: false; missing: string[] };

/**
 * A provider module: the one thing each provider folder exports, and the only thing the registry
 * lists. Adding a provider = a folder exporting one of these + one registry line.
 */
export interface ProviderModule<C = unknown> {
  readonly name: string;
  readonly displayName: string;
  readonly capabilities: Capabilities;
  /** Where this provider's webhooks arrive and which of their headers to redact. */
  readonly webhook: WebhookFacts;
  /** Every environment variable the provider reads, with a one-line description (for docs/.env.example). */
  readonly envVars: Readonly<Record<string, string>>;
  /**
   * Reads the provider's configuration. Missing required variables → `{ok:false, missing}`;
   * a present but invalid value throws `ConfigError` naming the variable.
   */
  loadConfig(env: EnvRecord): ConfigResult<C>;
  create(config: C, deps: AdapterDeps): PlatformAdapter;
}
