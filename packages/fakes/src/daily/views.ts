import { isoMillis, unixSeconds } from '../core/ids.js';
import type { DailyMeeting, DailyParticipant, DailyRecording, DailyRoom } from './state.js';
import { ROOM_DEFAULTS } from './validate.js';

/** The room object of `POST /rooms` and `GET /rooms/:name`; `config` holds only non-default properties. */
export function roomView(room: DailyRoom, domain: string): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(room.properties)) {
    if (JSON.stringify(ROOM_DEFAULTS[key]) !== JSON.stringify(value)) config[key] = value;
  }
  return {
    id: room.id,
    name: room.name,
    api_created: true,
    privacy: room.privacy,
    url: `https://${domain}.daily.co/${room.name}`,
    created_at: isoMillis(Math.floor(room.createdAtMs / 1000) * 1000),
    config,
  };
}

/** One entry of `GET /rooms/:name/presence` (note the camelCase and `mtgSessionId`). */
export function presenceView(room: DailyRoom, p: DailyParticipant, nowMs: number): Record<string, unknown> {
  return {
    room: room.name,
    id: p.sessionId,
    userId: p.userId,
    userName: p.userName,
    mtgSessionId: p.meetingId,
    joinTime: isoMillis(Math.floor(p.joinedAtMs / 1000) * 1000),
    duration: Math.floor((nowMs - p.joinedAtMs) / 1000),
  };
}

/** A participant of `GET /meetings` (snake_case, whole seconds). */
export function meetingParticipantView(p: DailyParticipant, nowMs: number): Record<string, unknown> {
  return {
    user_id: p.userId,
    participant_id: p.sessionId,
    user_name: p.userName,
    join_time: unixSeconds(p.joinedAtMs),
    duration: Math.floor(((p.leftAtMs ?? nowMs) - p.joinedAtMs) / 1000),
  };
}

/** A meeting object of `GET /meetings` and `GET /meetings/:id`. */
export function meetingView(m: DailyMeeting, nowMs: number): Record<string, unknown> {
  return {
    id: m.id,
    room: m.room,
    start_time: unixSeconds(m.startMs),
    duration: Math.floor(((m.endMs ?? nowMs) - m.startMs) / 1000),
    ongoing: m.endMs === null,
    max_participants: m.maxParticipants,
    participants: m.participants.map((p) => meetingParticipantView(p, nowMs)),
  };
}

/**
 * A recording object of `GET /recordings[/:id]`: `s3key` (not `s3_key`), no `type`, `duration` absent while
 * in progress, `tracks` only for raw-tracks recordings.
 */
export function recordingView(r: DailyRecording): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: r.id,
    room_name: r.roomName,
    start_ts: unixSeconds(r.startMs),
    status: r.status,
    max_participants: r.maxParticipants,
  };
  if (r.durationSeconds !== null) view.duration = r.durationSeconds;
  Object.assign(view, { share_token: r.shareToken, s3key: r.s3key, mtgSessionId: r.mtgSessionId });
  if (r.type === 'raw-tracks') view.tracks = r.tracks;
  return view;
}
