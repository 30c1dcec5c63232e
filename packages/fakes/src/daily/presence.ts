import { FakeControlError } from '../core/base-control.js';
import { floatSeconds, unixSeconds, uuid } from '../core/ids.js';
import type { FakeScheduler } from '../core/scheduler.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';
import { dailyEvent } from './events.js';
import type { DailyMeeting, DailyParticipant, DailyRoom, DailyState, DailyWaitingParticipant } from './state.js';

/** Who joins (or knocks), for `control.addParticipant` and `control.knock`. */
export interface DailyJoinParams {
  room: string;
  /**
   * A token issued by this fake: user_id, user_name, is_owner, knocking and eject settings are taken
   * from it. Pass it the way daily-js `join({url, token})` does; never in the URL.
   */
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

/** How Daily lets a caller into a room. */
export type DailyAccess = 'join' | 'knock' | 'refuse';

/**
 * Daily's access rules: anyone joins a public room; a private room admits a valid meeting token
 * directly unless the token sets `knocking: true`; without such a token a participant may only knock,
 * and only when the room has `enable_knocking` (else they are refused); an owner token always joins
 * (https://docs.daily.co/guides/configurations-and-settings/controlling-who-joins-a-meeting,
 * https://docs.daily.co/reference/rest-api/meeting-tokens/config).
 */
export function accessOf(room: DailyRoom, token: Record<string, unknown> | undefined): DailyAccess {
  if (token?.is_owner === true || room.privacy === 'public') return 'join';
  if (token && token.knocking !== true) return 'join';
  return room.properties.enable_knocking === true ? 'knock' : 'refuse';
}

/** Room presence and meeting sessions of the Daily fake; every change returns the webhooks it causes. */
export class DailyPresence {
  constructor(
    private readonly state: DailyState,
    private readonly scheduler: FakeScheduler,
    /** Sends webhooks caused by scheduled behaviour (filtered by the registered event types). */
    private readonly send: (events: readonly OutgoingWebhook[]) => Promise<unknown>,
    /**
     * Delay between a room emptying and its `meeting.ended` webhook: "There can be a delay up to 20
     * seconds to determine if the meeting has ended" (https://docs.daily.co/reference/rest-api/webhooks/events/meeting-ended).
     * A join in the meantime starts a new meeting session; the ended one is still reported.
     */
    private readonly meetingEndedDelayMs: number,
  ) {}

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

  /**
   * Joins a participant directly: `meeting.started` if the room was empty, then `participant.joined`.
   * Refused (403) when Daily would not let them straight in: they must knock (`knock`) or may not enter.
   */
  join(params: DailyJoinParams, nowMs: number): { participant: DailyParticipant; events: OutgoingWebhook[] } {
    const room = this.resolveRoom(params.room);
    const token = this.tokenProperties(room, params.token);
    this.checkCanJoin(room, token, nowMs);
    const access = accessOf(room, token);
    if (access === 'knock') {
      throw new FakeControlError(403, `room ${room.name} is private and this participant's token does not admit directly: they must knock`);
    }
    if (access === 'refuse') throw new FakeControlError(403, `room ${room.name} is private: a meeting token is required (not-allowed)`);
    return this.enter(room, params, token, nowMs);
  }

  private enter(
    room: DailyRoom,
    params: Omit<DailyJoinParams, 'room'>,
    token: Record<string, unknown> | undefined,
    nowMs: number,
  ): { participant: DailyParticipant; events: OutgoingWebhook[] } {
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
    events.push(dailyEvent('participant.joined', participant.userId, participantPayload(room, participant), nowMs));
    return { participant, events };
  }

  /**
   * A participant who may not join directly asks to be let in: they wait in the room's lobby and
   * `waiting-participant.joined` is sent (https://docs.daily.co/reference/rest-api/webhooks/events/waiting-participant-joined).
   */
  knock(params: DailyJoinParams, nowMs: number): { waiting: DailyWaitingParticipant; events: OutgoingWebhook[] } {
    const room = this.resolveRoom(params.room);
    const token = this.tokenProperties(room, params.token);
    this.checkCanJoin(room, token, nowMs);
    const access = accessOf(room, token);
    if (access === 'join')
      throw new FakeControlError(409, `this participant may join room ${room.name} directly; there is nothing to knock for`);
    if (access === 'refuse')
      throw new FakeControlError(403, `room ${room.name} does not enable knocking (enable_knocking); a meeting token is required`);
    const waiting: DailyWaitingParticipant = {
      sessionId: params.sessionId ?? uuid(),
      userId: params.userId ?? (typeof token?.user_id === 'string' ? token.user_id : null),
      userName: params.userName ?? (typeof token?.user_name === 'string' ? token.user_name : null),
      knockedAtMs: nowMs,
      token: params.token ?? null,
    };
    room.waiting.set(waiting.sessionId, waiting);
    return {
      waiting,
      events: [dailyEvent('waiting-participant.joined', waiting.userId ?? waiting.sessionId, waitingPayload(room, waiting), nowMs)],
    };
  }

  /**
   * An owner in the call lets a knocking participant in: `participant.joined` follows. Only owners
   * may admit ("Allowing participants in (private rooms only)" is an owner privilege), so this fails
   * while no owner is in the call.
   */
  admit(roomName: string, sessionId: string, nowMs: number): { participant: DailyParticipant; events: OutgoingWebhook[] } {
    const room = this.resolveRoom(roomName);
    const waiting = room.waiting.get(sessionId);
    if (!waiting) throw new FakeControlError(404, `nobody with session ${sessionId} is knocking at room ${room.name}`);
    if (![...room.present.values()].some((p) => p.owner)) {
      throw new FakeControlError(409, `no owner is in room ${room.name} to admit ${sessionId}; only owners may let people in`);
    }
    room.waiting.delete(sessionId);
    const token = waiting.token === null ? undefined : this.state.tokens.get(waiting.token)?.properties;
    const who = {
      sessionId,
      token: waiting.token ?? undefined,
      userName: waiting.userName,
      ...(waiting.userId ? { userId: waiting.userId } : {}),
    };
    return this.enter(room, who, token, nowMs);
  }

  /** A knocking participant gives up (or is denied): `waiting-participant.left`. */
  stopKnocking(roomName: string, sessionId: string, nowMs: number): OutgoingWebhook[] {
    const room = this.resolveRoom(roomName);
    const waiting = room.waiting.get(sessionId);
    if (!waiting) throw new FakeControlError(404, `nobody with session ${sessionId} is knocking at room ${room.name}`);
    room.waiting.delete(sessionId);
    return [dailyEvent('waiting-participant.left', waiting.userId ?? waiting.sessionId, waitingPayload(room, waiting), nowMs)];
  }

  private noteRecordingParticipants(room: DailyRoom, participant: DailyParticipant): void {
    for (const recordingId of room.activeRecordings.values()) {
      const recording = this.state.recording(recordingId);
      if (!recording) continue;
      recording.seen.set(participant.sessionId, participant.joinedAtMs);
      recording.maxParticipants = Math.max(recording.maxParticipants, room.present.size);
    }
  }

  /**
   * A participant leaves: `participant.left` (with `duration`). An emptied room ends its meeting
   * session at once (unless told otherwise); its `meeting.ended` is sent `meetingEndedDelayMs` later.
   */
  leave(roomName: string, sessionId: string, nowMs: number, endMeetingWhenEmpty = true): OutgoingWebhook[] {
    const room = this.resolveRoom(roomName);
    return this.leaveRoom(room, sessionId, nowMs, endMeetingWhenEmpty);
  }

  private leaveRoom(room: DailyRoom, sessionId: string, nowMs: number, endMeetingWhenEmpty: boolean): OutgoingWebhook[] {
    const participant = room.present.get(sessionId);
    if (!participant) throw new FakeControlError(404, `session ${sessionId} is not in room ${room.name}`);
    room.present.delete(sessionId);
    participant.leftAtMs = nowMs;
    const payload = { ...participantPayload(room, participant), duration: (nowMs - participant.joinedAtMs) / 1000 };
    const events = [dailyEvent('participant.left', participant.userId, payload, nowMs)];
    if (room.present.size === 0 && endMeetingWhenEmpty) events.push(...this.closeMeeting(room, nowMs));
    return events;
  }

  /** Everyone leaves (`participant.left` each), then the meeting session ends (`meeting.ended`, delayed). */
  endMeeting(room: DailyRoom, nowMs: number): OutgoingWebhook[] {
    const events = [...room.present.keys()].flatMap((id) => this.leaveRoom(room, id, nowMs, false));
    return [...events, ...this.closeMeeting(room, nowMs)];
  }

  /**
   * Ejects everyone at the room's `exp` when it has `eject_at_room_exp` (Daily "kicks everyone out
   * at exp", https://docs.daily.co/reference/rest-api/rooms/config). Rescheduled whenever the room's
   * properties change (`POST /rooms/:name` pushes `exp`); run by `tick()`.
   */
  scheduleExpiry(room: DailyRoom): void {
    const key = `exp ${room.name}`;
    const { exp, eject_at_room_exp: eject } = room.properties;
    if (eject !== true || typeof exp !== 'number' || room.deleted) {
      this.scheduler.cancel(key);
      return;
    }
    this.scheduler.at(exp * 1000, key, async (ejectedAt) => {
      if (room.deleted || room.present.size === 0 || room.properties.exp !== exp) return;
      await this.send(this.endMeeting(room, ejectedAt));
    });
  }

  private closeMeeting(room: DailyRoom, nowMs: number): OutgoingWebhook[] {
    const meeting = room.meeting;
    if (!meeting) return [];
    meeting.endMs = nowMs;
    room.meeting = undefined;
    // Daily's meeting.ended example carries an integer start_ts and a float end_ts.
    const payload = { start_ts: unixSeconds(meeting.startMs), end_ts: floatSeconds(nowMs), meeting_id: meeting.id, room: room.name };
    const event = dailyEvent('meeting.ended', meeting.id, payload, nowMs);
    if (this.meetingEndedDelayMs <= 0) return [event];
    this.scheduler.at(nowMs + this.meetingEndedDelayMs, `meeting.ended ${meeting.id}`, () => this.send([event]).then(() => undefined));
    return [];
  }
}

function waitingPayload(room: DailyRoom, w: DailyWaitingParticipant): Record<string, unknown> {
  return { room: room.name, session_id: w.sessionId, user_id: w.userId, user_name: w.userName, joined_at: floatSeconds(w.knockedAtMs) };
}
