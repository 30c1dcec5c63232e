import { FakeControlError } from '../core/base-control.js';
import { isoSeconds, uuid } from '../core/ids.js';
import type { FakeScheduler } from '../core/scheduler.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';
import { wherebyEvent } from './events.js';
import type { WherebyMeeting, WherebyParticipant, WherebyRecording, WherebyRoleName, WherebySession, WherebyState } from './state.js';

/** Who joins, for `control.addParticipant`. The room is chosen by `meetingId`, `roomName` or `url`. */
export interface WherebyJoinParams {
  meetingId?: string;
  /** With or without the leading "/". */
  roomName?: string;
  /**
   * The URL the participant opens: the `roomUrl` (visitor) or `hostRoomUrl` (host, by its `roomKey`),
   * with the embed's URL parameters. Whereby echoes `externalId`, `displayName` and `metadata` in its
   * webhooks only when they were passed this way
   * (https://github.com/whereby/docs/blob/main/whereby-product-features/insights-suite-and-api/webhooks.md).
   * An `externalId` outside `[A-Za-z0-9-_]{1,36}` is not kept.
   */
  url?: string;
  /** Default: the URL's `displayName`, else "Guest <n>". */
  displayName?: string;
  /** Default: `host` for the host URL, else `visitor`. Use `recorder` to simulate a cloud recorder joining. */
  roleName?: WherebyRoleName;
  /** Default: the URL's `externalId`, else none. */
  externalId?: string | null;
  /** Default: the URL's `metadata`, else none. */
  metadata?: string | null;
  /** Default: a random UUID. */
  participantId?: string;
}

/** Parameters of `control.finishRecording`. */
export interface WherebyFinishRecordingParams {
  meetingId?: string;
  roomName?: string;
  /** Recording length in seconds. Default 60. */
  durationSeconds?: number;
  /** Recording start, unix ms. Default: now − duration. */
  startedAtMs?: number;
  sizeInMegaBytes?: number;
  /**
   * The file's bytes: served by the access link (Whereby-hosted) or uploaded to the S3 destination.
   * Default: a short placeholder.
   */
  content?: string | Uint8Array;
}

/** A session of a meeting that records automatically ended: its recording is due (`WherebyUploads`). */
export interface DueRecording {
  readonly meetingId: string;
  readonly startedAtMs: number;
  readonly endedAtMs: number;
}

/**
 * Participants a room holds: `normal` is peer to peer for up to 4, `group` up to 200
 * (https://github.com/whereby/docs/blob/main/whereby-product-features/using-the-rest-api/on-creation.md).
 */
export const ROOM_CAPACITY = { normal: 4, group: 200 } as const;

const EXTERNAL_ID = /^[A-Za-z0-9_-]{1,36}$/;

/** What a join URL says about who joins: role and the embed parameters Whereby echoes in webhooks. */
function fromUrl(meeting: WherebyMeeting, raw: string): { role: WherebyRoleName; params: URLSearchParams } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FakeControlError(400, `url "${raw}" is not an absolute URL`);
  }
  if (`${url.origin}${url.pathname}` !== meeting.roomUrl)
    throw new FakeControlError(404, `url ${raw} is not the room of meeting ${meeting.meetingId}`);
  const hostKey = new URL(meeting.hostRoomUrl).searchParams.get('roomKey');
  return { role: url.searchParams.get('roomKey') === hostKey ? 'host' : 'visitor', params: url.searchParams };
}

/** Room presence, sessions and recordings of the Whereby fake; every change returns the webhooks it causes. */
export class WherebyPresence {
  /** Recordings of automatically recording meetings whose session ended, not yet finished. */
  readonly dueRecordings: DueRecording[] = [];

  constructor(
    private readonly state: WherebyState,
    private readonly subdomain: string,
    /** Clients needed before `room.session.started` is sent (Whereby: "≥2 users"). */
    private readonly sessionStartedAtClients: number,
    private readonly scheduler: FakeScheduler,
    /**
     * How long fewer than 2 participants must remain before Whereby ends the session ("less than 2
     * for some time"; the exact time is not documented).
     */
    private readonly sessionEndAfterMs: number,
    /** Sends webhooks caused by scheduled behaviour. */
    private readonly send: (events: readonly OutgoingWebhook[]) => Promise<unknown>,
  ) {}

  /** Finds the live meeting named by `meetingId`, `roomName` or `url`, or throws a 404 control error. */
  resolve(ref: { meetingId?: string; roomName?: string; url?: string }): WherebyMeeting {
    const byUrl = ref.url === undefined ? undefined : this.state.meetingByRoomName(safePath(ref.url));
    const meeting =
      ref.meetingId !== undefined
        ? this.state.meeting(ref.meetingId)
        : ref.roomName !== undefined
          ? this.state.meetingByRoomName(ref.roomName)
          : byUrl;
    if (!meeting) throw new FakeControlError(404, `no live meeting for ${JSON.stringify(ref)}`);
    return meeting;
  }

  private clientData(meeting: WherebyMeeting, p: WherebyParticipant): Record<string, unknown> {
    const byRole: Record<string, number> = {};
    for (const other of meeting.present.values()) byRole[other.roleName] = (byRole[other.roleName] ?? 0) + 1;
    return {
      meetingId: meeting.meetingId,
      roomName: meeting.roomName,
      subdomain: this.subdomain,
      displayName: p.displayName,
      roomSessionId: p.roomSessionId,
      participantId: p.participantId,
      roleName: p.roleName,
      numClients: meeting.present.size,
      numClientsByRoleName: byRole,
      metadata: p.metadata,
      externalId: p.externalId,
      isDialIn: false,
    };
  }

  private sessionData(meeting: WherebyMeeting, roomSessionId: string): Record<string, unknown> {
    return { meetingId: meeting.meetingId, roomName: meeting.roomName, subdomain: this.subdomain, roomSessionId };
  }

  /** A participant joins: `room.client.joined`, then `room.session.started` once enough clients are in. */
  join(params: WherebyJoinParams, nowMs: number): { participant: WherebyParticipant; events: OutgoingWebhook[] } {
    const meeting = this.resolve(params);
    const fromLink = params.url === undefined ? undefined : fromUrl(meeting, params.url);
    const capacity = ROOM_CAPACITY[meeting.input.roomMode];
    if (meeting.present.size >= capacity) {
      throw new FakeControlError(
        403,
        `room ${meeting.roomName} is full: roomMode "${meeting.input.roomMode}" holds ${capacity} participants`,
      );
    }
    const session = this.state.ensureSession(meeting, nowMs);
    const linkExternalId = fromLink?.params.get('externalId') ?? null;
    const participant: WherebyParticipant = {
      participantId: params.participantId ?? uuid(),
      deviceId: uuid(),
      displayName: params.displayName ?? fromLink?.params.get('displayName') ?? `Guest ${session.participants.length + 1}`,
      roleName: params.roleName ?? fromLink?.role ?? 'visitor',
      externalId:
        params.externalId !== undefined
          ? params.externalId
          : linkExternalId !== null && EXTERNAL_ID.test(linkExternalId)
            ? linkExternalId
            : null,
      metadata: params.metadata !== undefined ? params.metadata : (fromLink?.params.get('metadata') ?? null),
      roomSessionId: session.roomSessionId,
      joinedAt: nowMs,
      leftAt: null,
    };
    if (meeting.present.has(participant.participantId))
      throw new FakeControlError(409, `participant ${participant.participantId} is already in the room`);
    meeting.present.set(participant.participantId, participant);
    session.participants.push(participant);
    const events = [wherebyEvent('room.client.joined', this.clientData(meeting, participant), nowMs)];
    if (meeting.present.size >= 2) this.scheduler.cancel(sessionEndKey(meeting));
    if (!session.startedSent && meeting.present.size >= this.sessionStartedAtClients) {
      session.startedSent = true;
      session.startedSentAt = nowMs;
      events.push(wherebyEvent('room.session.started', this.sessionData(meeting, session.roomSessionId), nowMs));
    }
    return { participant, events };
  }

  /**
   * A participant leaves: `room.client.left`. A started session ends (`room.session.ended`) once
   * fewer than 2 participants have remained for `sessionEndAfterMs`, even with someone still inside;
   * `endSessionWhenEmpty` ends it at once when the room empties.
   */
  leave(participantId: string, nowMs: number, endSessionWhenEmpty = false): OutgoingWebhook[] {
    const meeting = [...this.state.meetings.values()].find((m) => m.present.has(participantId));
    const participant = meeting?.present.get(participantId);
    if (!meeting || !participant) throw new FakeControlError(404, `participant ${participantId} is not in any room`);
    meeting.present.delete(participantId);
    participant.leftAt = nowMs;
    const events = [wherebyEvent('room.client.left', this.clientData(meeting, participant), nowMs)];
    const session = meeting.currentSession;
    if (!session) return events;
    if (meeting.present.size === 0 && (endSessionWhenEmpty || !session.startedSent)) {
      this.scheduler.cancel(sessionEndKey(meeting));
      return [...events, ...this.closeSession(meeting, nowMs)];
    }
    if (session.startedSent && meeting.present.size < 2) this.scheduleSessionEnd(meeting, session, nowMs);
    return events;
  }

  private scheduleSessionEnd(meeting: WherebyMeeting, session: WherebySession, nowMs: number): void {
    if (this.scheduler.has(sessionEndKey(meeting))) return;
    this.scheduler.at(nowMs + this.sessionEndAfterMs, sessionEndKey(meeting), async (endedAt) => {
      if (meeting.currentSession !== session || meeting.present.size >= 2 || meeting.deleted) return;
      await this.send(this.closeSession(meeting, endedAt));
    });
  }

  /** Everyone leaves, then the session ends (`room.session.ended` if it had started). */
  endSession(meeting: WherebyMeeting, nowMs: number): OutgoingWebhook[] {
    const events = [...meeting.present.keys()].flatMap((id) => this.leave(id, nowMs, false));
    this.scheduler.cancel(sessionEndKey(meeting));
    return [...events, ...this.closeSession(meeting, nowMs)];
  }

  private closeSession(meeting: WherebyMeeting, nowMs: number): OutgoingWebhook[] {
    const session = meeting.currentSession;
    if (!session) return [];
    session.endedAt = nowMs;
    meeting.currentSession = undefined;
    this.noteDueRecording(meeting, session, nowMs);
    return session.startedSent ? [wherebyEvent('room.session.ended', this.sessionData(meeting, session.roomSessionId), nowMs)] : [];
  }

  /**
   * A meeting created with `recording: {type: "cloud", startTrigger: "automatic" | "automatic-2nd-participant"}`
   * records by itself (https://github.com/whereby/docs/blob/main/whereby-product-features/recording-with-embedded/cloud-recording.md):
   * from the first participant, or from the second (once the session started); the file is due when
   * the session ends.
   */
  private noteDueRecording(meeting: WherebyMeeting, session: WherebySession, nowMs: number): void {
    const config = meeting.input.recording;
    if (config?.type !== 'cloud') return;
    const from =
      config.startTrigger === 'automatic'
        ? session.startedAt
        : config.startTrigger === 'automatic-2nd-participant'
          ? session.startedSentAt
          : null;
    if (from !== null) this.dueRecordings.push({ meetingId: meeting.meetingId, startedAtMs: from, endedAtMs: nowMs });
  }

  /** A cloud recording finished uploading: stores it and returns `recording.finished`. */
  finishRecording(params: WherebyFinishRecordingParams, nowMs: number): { recording: WherebyRecording; event: OutgoingWebhook } {
    const meeting = this.resolve(params);
    const config = meeting.input.recording;
    if (config && config.type !== 'cloud')
      throw new FakeControlError(409, `meeting ${meeting.meetingId} has recording.type "${config.type}", not "cloud"`);
    const session = meeting.currentSession ?? [...this.state.sessions].reverse().find((s) => s.meetingId === meeting.meetingId);
    if (!session) throw new FakeControlError(409, `meeting ${meeting.meetingId} has had no room session to record`);
    const duration = params.durationSeconds ?? 60;
    const startDate = params.startedAtMs ?? nowMs - duration * 1000;
    const extension = config?.destination.fileFormat ?? 'mp4';
    const recording: WherebyRecording = {
      recordingId: uuid(),
      meetingId: meeting.meetingId,
      roomName: meeting.roomName,
      roomSessionId: session.roomSessionId,
      filename: `${meeting.roomName.slice(1)}-${isoSeconds(startDate)}.${extension}`,
      startDate,
      endDate: startDate + duration * 1000,
      sizeInMegaBytes: params.sizeInMegaBytes ?? Math.max(1, Math.round(duration * 0.25)),
      provider: config?.destination.provider ?? 'whereby',
      content:
        params.content === undefined
          ? Buffer.from(`FAKE-WHEREBY-RECORDING ${meeting.roomName}`)
          : typeof params.content === 'string'
            ? Buffer.from(params.content)
            : Buffer.from(params.content),
    };
    this.state.recordings.set(recording.recordingId, recording);
    const data = { filename: recording.filename, recordingId: recording.recordingId, roomName: meeting.roomName, status: 'completed' };
    return { recording, event: wherebyEvent('recording.finished', data, nowMs) };
  }
}

function sessionEndKey(meeting: WherebyMeeting): string {
  return `session-end ${meeting.meetingId}`;
}

/** The path of a room URL (`/prefix-uuid`), or the text itself when it is not a URL. */
function safePath(raw: string): string {
  try {
    return new URL(raw).pathname;
  } catch {
    return raw;
  }
}
