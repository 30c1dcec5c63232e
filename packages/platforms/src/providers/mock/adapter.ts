import { randomUUID } from 'node:crypto';
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
  RecordingLink,
  RecordingSource,
  RoomSession,
  WebhookRegistration,
  StartRecordingInput,
  WebhookReceiver,
  RecordingPage,
} from '../../core/adapter.js';
import type { RecordingReadyEvent } from '../../core/events.js';
import { noRecordingNotices } from '../../core/recording-notices.js';
import { unsupported } from '../../core/capability.js';
import { ConfigError } from '../../core/errors.js';
import { uniqueRoomName } from '../../core/naming.js';
import type { MockConfig } from './config.js';
import { signMockJoinToken } from './join-token.js';
import { defaultMockState, type MockProviderState } from './state.js';
import { mockWebhookReceiver } from './webhooks.js';

export const mockCapabilities: Capabilities = {
  hostUrl: true,
  joinTokens: true,
  presence: true,
  sessions: true,
  deleteMeeting: true,
  plannedRoomNames: true,
  extendMeeting: true,
  serverSideRecording: true,
  rawTracks: false,
  recordingLinks: false,
  recordingSource: false,
  recordingNotices: false,
  recordingPolling: false,
  logo: false,
  webhookAdmin: false,
};

/** Longest mock room name (Daily's limit, which the mock imitates). */
const MOCK_ROOM_NAME_MAX = 128;

/** The mock's in-process presence is the final writer; it keeps Daily's 15 s lag so the two behave alike. */
export const mockPresence: PresenceFacts = { source: 'api', presenceLagSeconds: 15, sessionsLagSeconds: 0 };

/**
 * The built-in provider: rooms live in this process and their page is served by Meetbridge at
 * `/mock/rooms/{provider_room_name}`. It needs no account, so it is the embedded default.
 */
export class MockAdapter implements PlatformAdapter {
  readonly name = 'mock';
  readonly capabilities = mockCapabilities;
  readonly presence = mockPresence;
  readonly state: MockProviderState;
  readonly webhooks: WebhookReceiver;
  readonly recordingNotices = noRecordingNotices;
  readonly recordingPollSeconds = null;

  constructor(
    private readonly config: MockConfig,
    private readonly deps: AdapterDeps,
  ) {
    this.state = config.state ?? defaultMockState;
    this.webhooks = mockWebhookReceiver({ secrets: config.webhookSecrets, toleranceSeconds: deps.webhookToleranceSeconds });
  }

  private roomUrl(providerRoomName: string): string {
    return `${this.deps.baseUrl.replace(/\/$/, '')}/mock/rooms/${encodeURIComponent(providerRoomName)}`;
  }

  async createMeeting(input: CreateMeetingInput): Promise<ProviderMeeting> {
    const now = this.deps.clock.now();
    const providerRoomName = input.providerRoomName ?? uniqueRoomName(input.roomName, now, MOCK_ROOM_NAME_MAX);
    const providerMeetingId = randomUUID();
    this.state.addRoom({ providerMeetingId, providerRoomName, endDate: input.endDate });
    const roomUrl = this.roomUrl(providerRoomName);
    return { providerMeetingId, providerRoomName, roomUrl, hostRoomUrl: `${roomUrl}?role=host`, startDate: now, endDate: input.endDate };
  }

  /** The mock names its rooms itself, like Daily: `{room}-{UTC yyyymmddHHMMSS}-{random}`. */
  planRoomName(roomName: string): string {
    return uniqueRoomName(roomName, this.deps.clock.now(), MOCK_ROOM_NAME_MAX);
  }

  async deleteMeeting(meeting: MeetingRef): Promise<void> {
    await this.deleteRoomByName(meeting.providerRoomName);
  }

  /** Marks the room deleted and empties it; an unknown room is already gone. */
  async deleteRoomByName(providerRoomName: string): Promise<void> {
    const room = this.state.room(providerRoomName);
    if (room) {
      room.deleted = true;
      room.participants.clear();
    }
  }

  async extendMeeting(meeting: MeetingRef, endDate: Date): Promise<void> {
    const room = this.state.room(meeting.providerRoomName);
    if (room) room.endDate = endDate;
  }

  async getPresence(meeting: MeetingRef): Promise<PresenceSnapshot> {
    const participants = [...(this.state.room(meeting.providerRoomName)?.participants.values() ?? [])];
    return { participants, total: participants.length };
  }

  async getSessions(meeting: MeetingRef): Promise<RoomSession[]> {
    return [...(this.state.room(meeting.providerRoomName)?.sessions ?? [])];
  }

  /**
   * The room (host) URL and a signed join token for this caller (`join-token.ts`), which authorizes
   * what the caller's client does in the room, such as uploading what it recorded.
   */
  async createJoin(input: JoinInput): Promise<JoinResult> {
    const url = input.isOwner && input.meeting.hostRoomUrl ? input.meeting.hostRoomUrl : input.meeting.roomUrl;
    const [secret] = this.config.webhookSecrets;
    if (!secret) throw new ConfigError('The mock provider signs join tokens with MOCK_WEBHOOK_SECRET; set it.', ['MOCK_WEBHOOK_SECRET']);
    const token = signMockJoinToken(secret, {
      room: input.meeting.providerRoomName,
      sub: input.user?.id ?? null,
      owner: input.isOwner,
      exp: Math.floor(input.meeting.endDate.getTime() / 1000),
    });
    return { kind: 'url', url, token, expiresAt: input.meeting.endDate };
  }

  async startRecording(meeting: MeetingRef, input: StartRecordingInput): Promise<{ recordingId: string | null }> {
    const room = this.state.room(meeting.providerRoomName);
    if (!room || room.deleted) return unsupported(this.name, 'startRecording on a deleted room');
    const running = [...room.recordings.values()].find((r) => r.instanceId === input.instanceId);
    if (running) return { recordingId: running.recordingId };
    const recordingId = randomUUID();
    room.recordings.set(recordingId, { recordingId, instanceId: input.instanceId, type: input.type });
    return { recordingId };
  }

  async stopRecording(meeting: MeetingRef, input: { instanceId: string }): Promise<void> {
    const room = this.state.room(meeting.providerRoomName);
    for (const [id, r] of room?.recordings ?? []) if (r.instanceId === input.instanceId) room?.recordings.delete(id);
  }

  async getRecordingLink(): Promise<RecordingLink> {
    return unsupported(this.name, 'recordingLinks');
  }

  async deleteRecording(): Promise<void> {
    return unsupported(this.name, 'recordingLinks');
  }

  /** Mock recordings have no files yet (the mock upload path comes later). */
  async listRecordings(): Promise<RecordingPage> {
    return unsupported(this.name, 'recordingPolling');
  }

  parseListedRecording(): RecordingReadyEvent | null {
    return unsupported(this.name, 'recordingPolling');
  }

  async getRecordingSource(): Promise<RecordingSource> {
    return unsupported(this.name, 'recordingSource');
  }

  async uploadLogo(): Promise<void> {
    return unsupported(this.name, 'logo');
  }

  /** The mock's webhook goes to Meetbridge itself; there is nothing to register. */
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
