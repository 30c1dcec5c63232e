import { FakeControlError } from '../core/base-control.js';
import { isoSeconds, uuid } from '../core/ids.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';
import { wherebyEvent } from './events.js';
import type { WherebyMeeting, WherebyParticipant, WherebyRecording, WherebyRoleName, WherebyState } from './state.js';

/** Who joins, for `control.addParticipant`. The room is chosen by `meetingId` or `roomName`. */
export interface WherebyJoinParams {
  meetingId?: string;
  /** With or without the leading "/". */
  roomName?: string;
  /** Default "Guest <n>". */
  displayName?: string;
  /** Default `visitor`. Use `recorder` to simulate a cloud recorder joining. */
  roleName?: WherebyRoleName;
  externalId?: string | null;
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
  /** Bytes served by the access link. Default: a short placeholder. */
  content?: string;
}

/** Room presence, sessions and recordings of the Whereby fake; every change returns the webhooks it causes. */
export class WherebyPresence {
  constructor(
    private readonly state: WherebyState,
    private readonly subdomain: string,
    /** Clients needed before `room.session.started` is sent (Whereby: "≥2 users"). */
    private readonly sessionStartedAtClients: number,
  ) {}

  /** Finds the live meeting named by `meetingId` or `roomName`, or throws a 404 control error. */
  resolve(ref: { meetingId?: string; roomName?: string }): WherebyMeeting {
    const meeting =
      ref.meetingId !== undefined
        ? this.state.meeting(ref.meetingId)
        : ref.roomName !== undefined
          ? this.state.meetingByRoomName(ref.roomName)
          : undefined;
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
    const session = this.state.ensureSession(meeting, nowMs);
    const participant: WherebyParticipant = {
      participantId: params.participantId ?? uuid(),
      deviceId: uuid(),
      displayName: params.displayName ?? `Guest ${session.participants.length + 1}`,
      roleName: params.roleName ?? 'visitor',
      externalId: params.externalId ?? null,
      metadata: params.metadata ?? null,
      roomSessionId: session.roomSessionId,
      joinedAt: nowMs,
      leftAt: null,
    };
    if (meeting.present.has(participant.participantId))
      throw new FakeControlError(409, `participant ${participant.participantId} is already in the room`);
    meeting.present.set(participant.participantId, participant);
    session.participants.push(participant);
    const events = [wherebyEvent('room.client.joined', this.clientData(meeting, participant), nowMs)];
    if (!session.startedSent && meeting.present.size >= this.sessionStartedAtClients) {
      session.startedSent = true;
      events.push(wherebyEvent('room.session.started', this.sessionData(meeting, session.roomSessionId), nowMs));
    }
    return { participant, events };
  }

  /** A participant leaves: `room.client.left`; an emptied room ends its session unless told otherwise. */
  leave(participantId: string, nowMs: number, endSessionWhenEmpty = true): OutgoingWebhook[] {
    const meeting = [...this.state.meetings.values()].find((m) => m.present.has(participantId));
    const participant = meeting?.present.get(participantId);
    if (!meeting || !participant) throw new FakeControlError(404, `participant ${participantId} is not in any room`);
    meeting.present.delete(participantId);
    participant.leftAt = nowMs;
    const events = [wherebyEvent('room.client.left', this.clientData(meeting, participant), nowMs)];
    if (meeting.present.size === 0 && endSessionWhenEmpty) events.push(...this.closeSession(meeting, nowMs));
    return events;
  }

  /** Everyone leaves, then the session ends (`room.session.ended` if it had started). */
  endSession(meeting: WherebyMeeting, nowMs: number): OutgoingWebhook[] {
    const events = [...meeting.present.keys()].flatMap((id) => this.leave(id, nowMs, false));
    return [...events, ...this.closeSession(meeting, nowMs)];
  }

  private closeSession(meeting: WherebyMeeting, nowMs: number): OutgoingWebhook[] {
    const session = meeting.currentSession;
    if (!session) return [];
    session.endedAt = nowMs;
    meeting.currentSession = undefined;
    return session.startedSent ? [wherebyEvent('room.session.ended', this.sessionData(meeting, session.roomSessionId), nowMs)] : [];
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
      content: Buffer.from(params.content ?? `FAKE-WHEREBY-RECORDING ${meeting.roomName}`),
    };
    this.state.recordings.set(recording.recordingId, recording);
    const data = { filename: recording.filename, recordingId: recording.recordingId, roomName: meeting.roomName, status: 'completed' };
    return { recording, event: wherebyEvent('recording.finished', data, nowMs) };
  }
}
