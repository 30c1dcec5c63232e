import { isoSeconds, randomAlphanumeric, uuid } from '../core/ids.js';
import type { CreateMeetingInput } from './validate.js';

/** Roles Whereby reports in `roleName`. */
export type WherebyRoleName =
  'owner' | 'member' | 'host' | 'visitor' | 'granted_visitor' | 'viewer' | 'granted_viewer' | 'recorder' | 'streamer' | 'captioner';

/** A participant currently in, or formerly in, a room session. */
export interface WherebyParticipant {
  readonly participantId: string;
  readonly deviceId: string;
  readonly displayName: string;
  readonly roleName: WherebyRoleName;
  readonly externalId: string | null;
  readonly metadata: string | null;
  readonly roomSessionId: string;
  readonly joinedAt: number;
  leftAt: number | null;
}

/** A room session: from the first join until it is ended. */
export interface WherebySession {
  readonly roomSessionId: string;
  readonly meetingId: string;
  readonly roomName: string;
  readonly startedAt: number;
  endedAt: number | null;
  /** Whether `room.session.started` was sent (Whereby sends it once ≥2 clients are in the room). */
  startedSent: boolean;
  /** When it was sent (unix ms): from then on insights know the session (after their lag). */
  startedSentAt: number | null;
  readonly participants: WherebyParticipant[];
}

/** A meeting (transient room) created with `POST /meetings`. */
export interface WherebyMeeting {
  readonly meetingId: string;
  /** With the leading "/", e.g. `/prefix-<uuid>`. */
  readonly roomName: string;
  readonly roomUrl: string;
  readonly hostRoomUrl: string;
  readonly viewerRoomUrl: string;
  readonly startDate: number;
  readonly endDate: number;
  readonly input: CreateMeetingInput;
  /** The request body exactly as received (parsed). */
  readonly requestBody: unknown;
  deleted: boolean;
  readonly present: Map<string, WherebyParticipant>;
  currentSession: WherebySession | undefined;
  logo?: { readonly contentType: string | undefined; readonly size: number };
}

/** A finished cloud recording. */
export interface WherebyRecording {
  readonly recordingId: string;
  readonly meetingId: string;
  readonly roomName: string;
  readonly roomSessionId: string;
  readonly filename: string;
  readonly startDate: number;
  readonly endDate: number;
  readonly sizeInMegaBytes: number;
  readonly provider: 's3' | 'whereby';
  readonly content: Buffer;
}

const HUMAN_SHORT = 'abcdefghjkmnpqrstuvwxyz23456789';

/** In-memory state of the Whereby fake. */
export class WherebyState {
  readonly meetings = new Map<string, WherebyMeeting>();
  readonly sessions: WherebySession[] = [];
  readonly recordings = new Map<string, WherebyRecording>();
  private nextMeetingId = 1;

  constructor(private readonly subdomain: string) {}

  /** Creates a meeting from a validated request; names follow `<prefix><uuid|human-short>`. */
  createMeeting(input: CreateMeetingInput, requestBody: unknown, nowMs: number): WherebyMeeting {
    const random = input.roomNamePattern === 'uuid' ? uuid() : randomAlphanumeric(6, HUMAN_SHORT);
    const name = `${input.roomNamePrefix}${random}`;
    const roomUrl = `https://${this.subdomain}.whereby.com/${name}`;
    const meeting: WherebyMeeting = {
      meetingId: String(this.nextMeetingId++),
      roomName: `/${name}`,
      roomUrl,
      hostRoomUrl: `${roomUrl}?roomKey=${randomAlphanumeric(40)}`,
      viewerRoomUrl: `${roomUrl}?roomKey=${randomAlphanumeric(40)}`,
      startDate: nowMs,
      endDate: input.endDateMs,
      input,
      requestBody,
      deleted: false,
      present: new Map(),
      currentSession: undefined,
    };
    this.meetings.set(meeting.meetingId, meeting);
    return meeting;
  }

  /** The live (not deleted) meeting with this id. */
  meeting(meetingId: string): WherebyMeeting | undefined {
    const m = this.meetings.get(meetingId);
    return m && !m.deleted ? m : undefined;
  }

  /** The live meeting whose room name matches, with or without the leading "/". */
  meetingByRoomName(roomName: string): WherebyMeeting | undefined {
    const wanted = roomName.startsWith('/') ? roomName : `/${roomName}`;
    return [...this.meetings.values()].find((m) => !m.deleted && m.roomName === wanted);
  }

  /** Starts a session if the room has none, and returns the current one. */
  ensureSession(meeting: WherebyMeeting, nowMs: number): WherebySession {
    if (meeting.currentSession) return meeting.currentSession;
    const session: WherebySession = {
      roomSessionId: uuid(),
      meetingId: meeting.meetingId,
      roomName: meeting.roomName,
      startedAt: nowMs,
      endedAt: null,
      startedSent: false,
      startedSentAt: null,
      participants: [],
    };
    this.sessions.push(session);
    meeting.currentSession = session;
    return session;
  }

  /** The meeting response body (`fields` selects hostRoomUrl / viewerRoomUrl). */
  meetingBody(meeting: WherebyMeeting, fields: readonly string[]): Record<string, unknown> {
    const body: Record<string, unknown> = {
      meetingId: meeting.meetingId,
      roomName: meeting.roomName,
      roomUrl: meeting.roomUrl,
      startDate: isoSeconds(meeting.startDate),
      endDate: isoSeconds(meeting.endDate),
    };
    const viewerMode = meeting.input.templateType === 'viewerMode';
    if (fields.includes('hostRoomUrl') || viewerMode) body.hostRoomUrl = meeting.hostRoomUrl;
    if (fields.includes('viewerRoomUrl') || viewerMode) body.viewerRoomUrl = meeting.viewerRoomUrl;
    return body;
  }

  /**
   * Whether insights know a session when they show the state as of `viewAt`: only once 2 people have
   * been in it (`room.session.started`), and only after their lag has passed.
   */
  sessionVisible(session: WherebySession, viewAt: number): boolean {
    return session.startedSentAt !== null && session.startedSentAt <= viewAt;
  }

  /** Insights row for a session (`GET /insights/room-sessions`) as of `viewAt` (now − the insights lag). */
  sessionInsights(session: WherebySession, viewAt: number): Record<string, unknown> {
    const known = session.participants.filter((p) => p.joinedAt <= viewAt);
    const leftAt = (p: WherebyParticipant) => (p.leftAt !== null && p.leftAt <= viewAt ? p.leftAt : viewAt);
    const minutesOf = (roles: readonly string[], include: boolean) =>
      known.filter((p) => roles.includes(p.roleName) === include).reduce((sum, p) => sum + Math.ceil((leftAt(p) - p.joinedAt) / 60000), 0);
    const uniqueOf = (roles: readonly string[], include: boolean) =>
      new Set(known.filter((p) => roles.includes(p.roleName) === include).map((p) => p.externalId ?? p.participantId)).size;
    const special = ['recorder', 'streamer'];
    return {
      roomSessionId: session.roomSessionId,
      roomName: session.roomName,
      startedAt: new Date(session.startedAt).toISOString(),
      endedAt: session.endedAt === null || session.endedAt > viewAt ? null : new Date(session.endedAt).toISOString(),
      totalParticipantMinutes: minutesOf(special, false),
      totalRecorderMinutes: minutesOf(['recorder'], true),
      totalStreamerMinutes: minutesOf(['streamer'], true),
      totalUniqueParticipants: uniqueOf(special, false),
      totalUniqueRecorders: uniqueOf(['recorder'], true),
      totalUniqueStreamers: uniqueOf(['streamer'], true),
    };
  }

  /** Insights row for a participant (`GET /insights/participants`) as of `viewAt`. */
  participantInsights(p: WherebyParticipant, viewAt: number): Record<string, unknown> {
    return {
      roomSessionId: p.roomSessionId,
      participantId: p.participantId,
      deviceId: p.deviceId,
      userId: null,
      roleName: p.roleName,
      displayName: p.displayName,
      joinedAt: new Date(p.joinedAt).toISOString(),
      leftAt: p.leftAt === null || p.leftAt > viewAt ? null : new Date(p.leftAt).toISOString(),
      externalId: p.externalId,
    };
  }

  /** Forgets everything except the meeting id counter (ids are never reused). */
  clear(): void {
    this.meetings.clear();
    this.sessions.length = 0;
    this.recordings.clear();
  }
}
