/** Recording types a Daily room can enable. */
export type DailyRecordingType = 'cloud' | 'local' | 'raw-tracks' | 'cloud-audio-only';

/** A participant's stay in a room (a Daily participant session). */
export interface DailyParticipant {
  /** The participant/session id (`session_id` in webhooks, `id` in presence). */
  readonly sessionId: string;
  readonly userId: string;
  readonly userName: string | null;
  readonly owner: boolean;
  readonly joinedAtMs: number;
  leftAtMs: number | null;
  /** Unix seconds (float) when Daily will eject the participant, or null. */
  readonly willEjectAt: number | null;
  readonly meetingId: string;
  /** The meeting token the participant joined with, if any. */
  readonly token: string | null;
}

/** Someone knocking at a private room (the lobby), until an owner admits them or they give up. */
export interface DailyWaitingParticipant {
  readonly sessionId: string;
  readonly userId: string | null;
  readonly userName: string | null;
  readonly knockedAtMs: number;
  /** The meeting token they knocked with (a `knocking: true` token), if any. */
  readonly token: string | null;
}

/** A meeting session: from the first join until the room empties (or `endMeeting`). */
export interface DailyMeeting {
  readonly id: string;
  readonly room: string;
  readonly startMs: number;
  endMs: number | null;
  maxParticipants: number;
  readonly participants: DailyParticipant[];
}

/** A room created with `POST /rooms`. */
export interface DailyRoom {
  readonly id: string;
  readonly name: string;
  privacy: 'public' | 'private';
  readonly createdAtMs: number;
  /** Properties as set (nulls removed), including defaults the caller sent explicitly. */
  properties: Record<string, unknown>;
  /** The request body of the create call exactly as parsed. */
  readonly requestBody: unknown;
  deleted: boolean;
  readonly present: Map<string, DailyParticipant>;
  /** Participants knocking (session id → who), waiting for an owner to admit them. */
  readonly waiting: Map<string, DailyWaitingParticipant>;
  meeting: DailyMeeting | undefined;
  /** instanceId → recording id of recordings currently running. */
  readonly activeRecordings: Map<string, string>;
}

/** A cloud / raw-tracks recording. */
export interface DailyRecording {
  readonly id: string;
  readonly roomName: string;
  readonly type: DailyRecordingType;
  readonly instanceId: string;
  readonly startMs: number;
  status: 'in-progress' | 'finished' | 'canceled';
  stoppedAtMs: number | null;
  durationSeconds: number | null;
  maxParticipants: number;
  readonly shareToken: string;
  readonly s3key: string;
  readonly mtgSessionId: string | null;
  tracks: { type: 'audio' | 'video'; s3Key: string; size: number }[] | null;
  readonly layout: unknown;
  readonly startedBy: string | null;
  /** The start request body (REST or control), for inspection. */
  readonly options: Record<string, unknown>;
  /** Participants present at any time while recording: sessionId → join time (ms). */
  readonly seen: Map<string, number>;
  /** Custom-bucket settings copied from the room at start, if any. */
  readonly bucket: Record<string, unknown> | null;
  content: Buffer;
}

/** A meeting token issued by `POST /meeting-tokens`. */
export interface DailyIssuedToken {
  readonly token: string;
  readonly properties: Record<string, unknown>;
  readonly createdAtMs: number;
}

/** The reserved default recording instance id (https://docs.daily.co/reference/rest-api/rooms/recordings/start). */
export const DEFAULT_INSTANCE_ID = 'c3df927c-f738-4471-a2b7-066fa7e95a6b';

/** In-memory state of the Daily fake. */
export class DailyState {
  readonly rooms = new Map<string, DailyRoom>();
  readonly meetings: DailyMeeting[] = [];
  readonly recordings: DailyRecording[] = [];
  readonly tokens = new Map<string, DailyIssuedToken>();

  /** The room with this name unless it was deleted. */
  room(name: string): DailyRoom | undefined {
    const room = this.rooms.get(name);
    return room && !room.deleted ? room : undefined;
  }

  /** A recording by id. */
  recording(id: string): DailyRecording | undefined {
    return this.recordings.find((r) => r.id === id);
  }

  /** A meeting by id. */
  meeting(id: string): DailyMeeting | undefined {
    return this.meetings.find((m) => m.id === id);
  }

  /** Whether the room's `exp` has passed (a "zombie": not listed, 404 on delete). */
  isExpired(room: DailyRoom, nowMs: number): boolean {
    const exp = room.properties.exp;
    return typeof exp === 'number' && exp * 1000 <= nowMs;
  }

  /** Forgets everything. */
  clear(): void {
    this.rooms.clear();
    this.meetings.length = 0;
    this.recordings.length = 0;
    this.tokens.clear();
  }
}
