import { FakeControlError } from '../core/base-control.js';
import { randomAlphanumeric, unixSeconds, uuid } from '../core/ids.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';
import { dailyEvent } from './events.js';
import { DEFAULT_INSTANCE_ID } from './state.js';
import type { DailyRecording, DailyRoom, DailyState } from './state.js';

/** A Daily API error: `{error, info}` over REST, `{error: info}` over the control API. */
export class DailyApiError extends FakeControlError {
  constructor(
    status: number,
    readonly error: string,
    readonly info: string,
  ) {
    super(status, info);
    this.name = 'DailyApiError';
  }
}

/** Recording types `POST /rooms/:name/recordings/start` accepts. */
export const STARTABLE_TYPES = ['cloud', 'raw-tracks', 'cloud-audio-only'] as const;
type StartableType = (typeof STARTABLE_TYPES)[number];

/** Start parameters (REST body or `control.startRecording`). */
export interface DailyStartRecordingParams {
  room: string;
  /** Default `cloud`. */
  type?: StartableType;
  /** Default: Daily's reserved default instance id. */
  instanceId?: string;
  layout?: unknown;
  /** Participant id reported as `started_by`; default the first participant in the room. */
  startedBy?: string;
  /** Remaining start options (width, maxDuration...), kept for inspection. */
  options?: Record<string, unknown>;
}

/** Which recording to finish or fail: by id, else the running recording of `room` (and `instanceId`). */
export interface DailyRecordingRef {
  recordingId?: string;
  room?: string;
  instanceId?: string;
}

/** Track kinds of raw-tracks recordings. */
export type DailyTrackKind = 'cam-audio' | 'cam-video' | 'screen-audio' | 'screen-video';

/** Parameters of `control.finishRecording`. */
export interface DailyFinishRecordingParams extends DailyRecordingRef {
  /** Default: elapsed time since start, at least 1 s. */
  durationSeconds?: number;
  /** Raw-tracks: kinds produced per participant seen. Default `['cam-audio']`. */
  trackKinds?: DailyTrackKind[];
  /** Raw-tracks: explicit tracks instead of generated ones (e.g. `null` to simulate removed permissions). */
  tracks?: DailyRecording['tracks'];
  /**
   * Bytes of the composite (served by the access link, and written to the room's `recordings_bucket`
   * when the fake has `recordingStorage`).
   */
  content?: string | Uint8Array;
  /** Raw tracks written to the bucket: bytes per participant session id (default a short placeholder). */
  trackContents?: Readonly<Record<string, string | Uint8Array>>;
}

const START_KEYS = [
  'type',
  'instanceId',
  'layout',
  'width',
  'height',
  'fps',
  'videoBitrate',
  'audioBitrate',
  'minIdleTimeOut',
  'maxDuration',
  'backgroundColor',
];

/** Validates a `recordings/start` body into start parameters for `room`. */
export function parseStartBody(room: string, body: unknown): DailyStartRecordingParams {
  if (body === undefined) return { room };
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new DailyApiError(400, 'invalid-request-error', 'request body must be a JSON object');
  const b = body as Record<string, unknown>;
  const unknown = Object.keys(b).find((k) => !START_KEYS.includes(k));
  if (unknown) throw new DailyApiError(400, 'invalid-request-error', `${unknown} is not a valid parameter`);
  if (b.type !== undefined && !(STARTABLE_TYPES as readonly unknown[]).includes(b.type)) {
    throw new DailyApiError(400, 'invalid-request-error', `type must be one of ${STARTABLE_TYPES.join(', ')}`);
  }
  if (b.instanceId !== undefined && typeof b.instanceId !== 'string')
    throw new DailyApiError(400, 'invalid-request-error', 'instanceId must be a string');
  const { type, instanceId, layout, ...options } = b;
  return { room, type: type as StartableType | undefined, instanceId: instanceId as string | undefined, layout, options };
}

function renderTemplate(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

/** Recordings of the Daily fake; every change returns the webhooks it causes. */
export class DailyRecorder {
  constructor(
    private readonly state: DailyState,
    private readonly domain: string,
  ) {}

  private checkStartable(room: DailyRoom, type: StartableType, instanceId: string): void {
    const enabled = room.properties.enable_recording;
    if (enabled !== type) {
      throw new DailyApiError(
        400,
        'invalid-request-error',
        `recording type ${type} is not enabled for room ${room.name} (enable_recording: ${enabled === undefined ? 'not set' : String(enabled)})`,
      );
    }
    if (type === 'raw-tracks' && room.properties.recordings_bucket === undefined) {
      throw new DailyApiError(400, 'invalid-request-error', 'raw-tracks recordings require a custom recordings_bucket');
    }
    if (room.present.size === 0)
      throw new DailyApiError(404, 'not-found', `room ${room.name} does not seem to be hosting a call currently`);
    if (room.activeRecordings.has(instanceId))
      throw new DailyApiError(400, 'invalid-request-error', `instance ${instanceId} has an active stream`);
  }

  /** Starts a recording (checks as Daily does) and returns it with its `recording.started` webhook. */
  start(params: DailyStartRecordingParams, nowMs: number): { recording: DailyRecording; event: OutgoingWebhook } {
    const room = this.state.room(params.room);
    if (!room) throw new DailyApiError(404, 'not-found', `room ${params.room} not found`);
    const type = params.type ?? 'cloud';
    const instanceId = params.instanceId ?? DEFAULT_INSTANCE_ID;
    this.checkStartable(room, type, instanceId);
    const id = uuid();
    const template =
      typeof room.properties.recordings_template === 'string'
        ? room.properties.recordings_template
        : '{domain_name}/{room_name}/{epoch_time}';
    const vars = {
      domain_name: this.domain,
      room_name: room.name,
      epoch_time: String(nowMs),
      mtg_session_id: room.meeting?.id ?? '',
      instance_id: instanceId,
      recording_id: id,
    };
    const bucket = room.properties.recordings_bucket;
    const recording: DailyRecording = {
      id,
      roomName: room.name,
      type,
      instanceId,
      startMs: nowMs,
      status: 'in-progress',
      stoppedAtMs: null,
      durationSeconds: null,
      maxParticipants: room.present.size,
      shareToken: randomAlphanumeric(12),
      s3key: renderTemplate(template, vars).replace(/\.mp4$/, ''),
      mtgSessionId: room.meeting?.id ?? null,
      tracks: null,
      layout: params.layout ?? { preset: 'default' },
      startedBy: params.startedBy ?? [...room.present.keys()][0] ?? null,
      options: params.options ?? {},
      seen: new Map([...room.present.values()].map((p) => [p.sessionId, p.joinedAtMs])),
      bucket: typeof bucket === 'object' && bucket !== null ? (bucket as Record<string, unknown>) : null,
      content: Buffer.from(`FAKE-DAILY-RECORDING ${id}`),
    };
    this.state.recordings.push(recording);
    room.activeRecordings.set(instanceId, id);
    const payload = {
      action: 'start-cloud-recording',
      recording_id: id,
      layout: recording.layout,
      started_by: recording.startedBy,
      instance_id: instanceId,
      start_ts: unixSeconds(nowMs),
    };
    return { recording, event: dailyEvent('recording.started', instanceId, payload, nowMs) };
  }

  /** Stops the running recording of `instanceId`; it stays `in-progress` until finished (processing). */
  stop(roomName: string, instanceId: string | undefined, nowMs: number): DailyRecording {
    const room = this.state.room(roomName);
    if (!room) throw new DailyApiError(404, 'not-found', `room ${roomName} not found`);
    const id = room.activeRecordings.get(instanceId ?? DEFAULT_INSTANCE_ID);
    const recording = id === undefined ? undefined : this.state.recording(id);
    if (!recording)
      throw new DailyApiError(
        400,
        'invalid-request-error',
        `no active recording for instance ${instanceId ?? DEFAULT_INSTANCE_ID} in room ${roomName}`,
      );
    room.activeRecordings.delete(recording.instanceId);
    recording.stoppedAtMs = nowMs;
    return recording;
  }

  /** Finds a recording by id, or the running one in `room` (a single one, or the one of `instanceId`). */
  resolve(ref: DailyRecordingRef): DailyRecording {
    if (ref.recordingId !== undefined) {
      const found = this.state.recording(ref.recordingId);
      if (!found) throw new FakeControlError(404, `recording ${ref.recordingId} not found`);
      return found;
    }
    const candidates = this.state.recordings.filter(
      (r) => r.roomName === ref.room && r.status === 'in-progress' && (ref.instanceId === undefined || r.instanceId === ref.instanceId),
    );
    if (candidates.length !== 1)
      throw new FakeControlError(
        candidates.length === 0 ? 404 : 409,
        `expected one in-progress recording for ${JSON.stringify(ref)}, found ${candidates.length}`,
      );
    return candidates[0] as DailyRecording;
  }

  private detach(recording: DailyRecording, nowMs: number): void {
    const room = this.state.rooms.get(recording.roomName);
    if (room?.activeRecordings.get(recording.instanceId) === recording.id) room.activeRecordings.delete(recording.instanceId);
    recording.stoppedAtMs ??= nowMs;
  }

  private buildTracks(
    recording: DailyRecording,
    kinds: readonly DailyTrackKind[],
    duration: number,
  ): NonNullable<DailyRecording['tracks']> {
    return [...recording.seen.entries()].flatMap(([sessionId, joinedMs]) =>
      kinds.map((kind) => {
        // Tracks start a little after the later of recording start and join, as observed (~400 ms).
        const trackStart = Math.max(recording.startMs, joinedMs) + 400;
        const audio = kind.endsWith('audio');
        return {
          type: audio ? ('audio' as const) : ('video' as const),
          s3Key: `${this.domain}/${recording.roomName}/${recording.startMs}-${sessionId}-${kind}-${trackStart}`,
          size: Math.round(duration * (audio ? 13_000 : 500_000)),
        };
      }),
    );
  }

  /** Marks the recording finished and returns `recording.ready-to-download` (tracks for raw-tracks). */
  finish(params: DailyFinishRecordingParams, nowMs: number): { recording: DailyRecording; event: OutgoingWebhook } {
    const recording = this.resolve(params);
    if (recording.status !== 'in-progress') throw new FakeControlError(409, `recording ${recording.id} is already ${recording.status}`);
    this.detach(recording, nowMs);
    const duration = params.durationSeconds ?? Math.max(1, Math.round(((recording.stoppedAtMs ?? nowMs) - recording.startMs) / 1000));
    recording.status = 'finished';
    recording.durationSeconds = duration;
    if (params.content !== undefined)
      recording.content = typeof params.content === 'string' ? Buffer.from(params.content) : Buffer.from(params.content);
    if (recording.type === 'raw-tracks')
      recording.tracks =
        params.tracks !== undefined ? params.tracks : this.buildTracks(recording, params.trackKinds ?? ['cam-audio'], duration);
    const payload: Record<string, unknown> = {
      type: recording.type,
      recording_id: recording.id,
      room_name: recording.roomName,
      start_ts: unixSeconds(recording.startMs),
      status: 'finished',
      max_participants: recording.maxParticipants,
      duration,
      share_token: recording.shareToken,
      s3_key: recording.s3key,
    };
    if (recording.type === 'raw-tracks') payload.tracks = recording.tracks;
    return { recording, event: dailyEvent('recording.ready-to-download', recording.instanceId, payload, nowMs) };
  }

  /** The recording fails: status `canceled` and a `recording.error` webhook (no recording_id, string timestamp). */
  fail(params: DailyRecordingRef & { errorMsg?: string }, nowMs: number): { recording: DailyRecording; event: OutgoingWebhook } {
    const recording = this.resolve(params);
    this.detach(recording, nowMs);
    recording.status = 'canceled';
    const payload = {
      action: 'cloud-recording-error',
      error_msg: params.errorMsg ?? 'cloud-recording-error: Error fetching STS credentials',
      instance_id: recording.instanceId,
      room_name: recording.roomName,
      timestamp: String(unixSeconds(nowMs)),
    };
    return { recording, event: dailyEvent('recording.error', recording.instanceId, payload, nowMs) };
  }
}
