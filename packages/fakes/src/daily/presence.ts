import { FakeControlError } from '../core/base-control.js';
import { floatSeconds, unixSeconds, uuid } from '../core/ids.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';
import { dailyEvent } from './events.js';
import type { DailyMeeting, DailyParticipant, DailyRoom, DailyState } from './state.js';

/** Who joins, for `control.addParticipant`. */
export interface DailyJoinParams {
  room: string;
  /** A token issued by this fake: user_id, user_name, is_owner and eject settings are taken from it. */
  token?: string;
  /** Default: the token's user_id, else the session id (Daily fills in a generated id). */
  userId?: string;
  userName?: string | null;
  owner?: boolean;
  /** Default: a random UUID. */
  sessionId?: string;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** When Daily will eject the participant (unix s, float) from token and room eject settings, or null. */
function willEjectAt(room: DailyRoom, token: Record<string, unknown> | undefined, joinMs: number): number | null {
  const candidates: number[] = [];
  const tokenEject = token && (token.eject_at_token_exp === true || num(token.eject_after_elapsed) !== undefined);
  // A token eject property overrides both room eject properties (https://docs.daily.co/reference/rest-api/meeting-tokens/config).
  const source = tokenEject ? token : room.properties;
  const exp = tokenEject ? num(token?.exp) : num(room.properties.exp);
  const atExp = tokenEject ? token?.eject_at_token_exp === true : room.properties.eject_at_room_exp === true;
  if (atExp && exp !== undefined) candidates.push(exp);
  const elapsed = num(source?.eject_after_elapsed);
  if (elapsed !== undefined) candidates.push(floatSeconds(joinMs) + elapsed);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

function participantPayload(room: DailyRoom, p: DailyParticipant): Record<string, unknown> {
  return {
    room: room.name,
    user_id: p.userId,
    user_name: p.userName,
    session_id: p.sessionId,
    joined_at: floatSeconds(p.joinedAtMs),
    will_eject_at: p.willEjectAt,
    owner: p.owner,
    permissions: { hasPresence: true, canSend: true, canReceive: { base: true }, canAdmin: p.owner },
  };
}

/** Room presence and meeting sessions of the Daily fake; every change returns the webhooks it causes. */
export class DailyPresence {
  constructor(private readonly state: DailyState) {}

  /** The live room, or a 404 control error. */
  resolveRoom(name: string): DailyRoom {
    const room = this.state.room(name);
    if (!room) throw new FakeControlError(404, `room ${name} does not exist`);
    return room;
  }

  private tokenProperties(room: DailyRoom, token: string | undefined): Record<string, unknown> | undefined {
    if (token === undefined) return undefined;
    const issued = this.state.tokens.get(token);
    if (!issued) throw new FakeControlError(400, 'token was not issued by this fake');
    const roomName = issued.properties.room_name;
    if (roomName !== undefined && roomName !== room.name) throw new FakeControlError(403, `token is for room ${String(roomName)}`);
    return issued.properties;
  }

  /** Daily refuses joins outside the room's nbf/exp window, with an expired token, or into a full room. */
  private checkCanJoin(room: DailyRoom, token: Record<string, unknown> | undefined, nowMs: number): void {
    const nowS = nowMs / 1000;
    const { nbf, exp, max_participants: max } = room.properties;
    if (typeof nbf === 'number' && nowS < nbf) throw new FakeControlError(403, `room ${room.name} does not accept joins before nbf ${nbf}`);
    if (typeof exp === 'number' && nowS >= exp) throw new FakeControlError(403, `room ${room.name} expired at ${exp}`);
    if (typeof token?.exp === 'number' && nowS >= token.exp) throw new FakeControlError(403, 'meeting token has expired (exp-token)');
    if (typeof token?.nbf === 'number' && nowS < token.nbf) throw new FakeControlError(403, 'meeting token is not valid yet (nbf)');
    if (room.present.size >= (typeof max === 'number' ? max : 200))
      throw new FakeControlError(403, `room ${room.name} is full (meeting-full)`);
  }

  private startMeeting(room: DailyRoom, nowMs: number): { meeting: DailyMeeting; event: OutgoingWebhook } {
    const meeting: DailyMeeting = { id: uuid(), room: room.name, startMs: nowMs, endMs: null, maxParticipants: 0, participants: [] };
    this.state.meetings.push(meeting);
    room.meeting = meeting;
    const payload = { start_ts: floatSeconds(nowMs), meeting_id: meeting.id, room: room.name };
    return { meeting, event: dailyEvent('meeting.started', meeting.id, payload, nowMs) };
  }

  /** Joins a participant: `meeting.started` if the room was empty, then `participant.joined`. */
  join(params: DailyJoinParams, nowMs: number): { participant: DailyParticipant; events: OutgoingWebhook[] } {
    const room = this.resolveRoom(params.room);
    const token = this.tokenProperties(room, params.token);
    this.checkCanJoin(room, token, nowMs);
    const events: OutgoingWebhook[] = [];
    let meeting = room.meeting;
    if (!meeting) {
      const started = this.startMeeting(room, nowMs);
      meeting = started.meeting;
      events.push(started.event);
    }
    const sessionId = params.sessionId ?? uuid();
    if (room.present.has(sessionId)) throw new FakeControlError(409, `session ${sessionId} is already in room ${room.name}`);
    const participant: DailyParticipant = {
      sessionId,
      userId: params.userId ?? (typeof token?.user_id === 'string' ? token.user_id : sessionId),
      userName: params.userName !== undefined ? params.userName : typeof token?.user_name === 'string' ? token.user_name : null,
      owner: params.owner ?? token?.is_owner === true,
      joinedAtMs: nowMs,
      leftAtMs: null,
      willEjectAt: willEjectAt(room, token, nowMs),
      meetingId: meeting.id,
      token: params.token ?? null,
    };
    room.present.set(sessionId, participant);
    meeting.participants.push(participant);
    meeting.maxParticipants = Math.max(meeting.maxParticipants, room.present.size);
    this.noteRecordingParticipants(room, participant);
    events.push(dailyEvent('participant.joined', sessionId, participantPayload(room, participant), nowMs));
    return { participant, events };
  }

  private noteRecordingParticipants(room: DailyRoom, participant: DailyParticipant): void {
    for (const recordingId of room.activeRecordings.values()) {
      const recording = this.state.recording(recordingId);
      if (!recording) continue;
      recording.seen.set(participant.sessionId, participant.joinedAtMs);
      recording.maxParticipants = Math.max(recording.maxParticipants, room.present.size);
    }
  }

  /** A participant leaves: `participant.left` (with `duration`); an emptied room ends its meeting unless told otherwise. */
  leave(roomName: string, sessionId: string, nowMs: number, endMeetingWhenEmpty = true): OutgoingWebhook[] {
    const room = this.resolveRoom(roomName);
    const participant = room.present.get(sessionId);
    if (!participant) throw new FakeControlError(404, `session ${sessionId} is not in room ${roomName}`);
    room.present.delete(sessionId);
    participant.leftAtMs = nowMs;
    const payload = { ...participantPayload(room, participant), duration: (nowMs - participant.joinedAtMs) / 1000 };
    const events = [dailyEvent('participant.left', sessionId, payload, nowMs)];
    if (room.present.size === 0 && endMeetingWhenEmpty) events.push(...this.closeMeeting(room, nowMs));
    return events;
  }

  /** Everyone leaves (`participant.left` each), then `meeting.ended`. */
  endMeeting(room: DailyRoom, nowMs: number): OutgoingWebhook[] {
    const events = [...room.present.keys()].flatMap((id) => this.leave(room.name, id, nowMs, false));
    return [...events, ...this.closeMeeting(room, nowMs)];
  }

  private closeMeeting(room: DailyRoom, nowMs: number): OutgoingWebhook[] {
    const meeting = room.meeting;
    if (!meeting) return [];
    meeting.endMs = nowMs;
    room.meeting = undefined;
    // Daily's meeting.ended example carries an integer start_ts and a float end_ts.
    const payload = { start_ts: unixSeconds(meeting.startMs), end_ts: floatSeconds(nowMs), meeting_id: meeting.id, room: room.name };
    return [dailyEvent('meeting.ended', meeting.id, payload, nowMs)];
  }
}
