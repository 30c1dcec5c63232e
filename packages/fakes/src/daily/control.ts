import type { FastifyInstance } from 'fastify';
import { BaseControl, FakeControlError, controlBody, registerCommonControlRoutes } from '../core/base-control.js';
import type { FakeCore } from '../core/base-control.js';
import type { WebhookDelivery } from '../core/webhook-types.js';
import { emit } from './context.js';
import type { DailyContext, DailyWebhookRegistration } from './context.js';
import { writeRecordingObjects } from './bucket-writer.js';
import { dailyVerificationPing } from './events.js';
import type { DailyJoinParams } from './presence.js';
import type { DailyFinishRecordingParams, DailyRecordingRef, DailyStartRecordingParams } from './recordings.js';
import type { DailyTimestampUnit } from './sign.js';
import type { DailyIssuedToken, DailyParticipant, DailyRecording, DailyWaitingParticipant } from './state.js';
import { meetingView, recordingView, roomView } from './views.js';

/** A recording as `GET /recordings/:id` shows it, plus the fields only the fake knows. */
export type DailyRecordingSnapshot = Record<string, unknown> & {
  readonly id: string;
  readonly type: string;
  readonly instanceId: string;
  readonly options: Record<string, unknown>;
};

/** Everything the Daily fake holds. */
export interface DailyStateSnapshot {
  readonly rooms: readonly Record<string, unknown>[];
  readonly meetings: readonly Record<string, unknown>[];
  readonly recordings: readonly DailyRecordingSnapshot[];
  readonly tokens: readonly DailyIssuedToken[];
  readonly webhook: DailyWebhookRegistration | null;
}

function recordingSnapshot(r: DailyRecording): DailyRecordingSnapshot {
  return {
    ...recordingView(r),
    id: r.id,
    type: r.type,
    instanceId: r.instanceId,
    options: r.options,
    layout: r.layout,
    startedBy: r.startedBy,
  };
}

/** Typed control API of the Daily fake: drive calls and recordings, inject faults, inspect. */
export class DailyControl extends BaseControl {
  constructor(
    core: FakeCore,
    private readonly ctx: DailyContext,
  ) {
    super(core);
  }

  /**
   * A participant joins directly: `meeting.started` if first, then `participant.joined`. Resolves after
   * delivery. Refused (403) when Daily would make them knock (`knock`) or would not let them in.
   */
  async addParticipant(params: DailyJoinParams): Promise<DailyParticipant> {
    const { participant, events } = this.ctx.presence.join(params, this.ctx.now());
    await emit(this.ctx, events);
    return participant;
  }

  /** A participant who may not join directly knocks: `waiting-participant.joined`; they wait for an owner. */
  async knock(params: DailyJoinParams): Promise<DailyWaitingParticipant> {
    const { waiting, events } = this.ctx.presence.knock(params, this.ctx.now());
    await emit(this.ctx, events);
    return waiting;
  }

  /** An owner in the call admits a knocking participant: `participant.joined`. Fails while no owner is in the call. */
  async admit(params: { room: string; sessionId: string }): Promise<DailyParticipant> {
    const { participant, events } = this.ctx.presence.admit(params.room, params.sessionId, this.ctx.now());
    await emit(this.ctx, events);
    return participant;
  }

  /** A knocking participant gives up or is turned away: `waiting-participant.left`. */
  async stopKnocking(params: { room: string; sessionId: string }): Promise<void> {
    await emit(this.ctx, this.ctx.presence.stopKnocking(params.room, params.sessionId, this.ctx.now()));
  }

  /**
   * A participant leaves: `participant.left`. When the room empties its meeting session ends (unless
   * disabled), and `meeting.ended` follows after `meetingEndedDelayMs` (run by `tick()`).
   */
  async removeParticipant(params: { room: string; sessionId: string; endMeetingWhenEmpty?: boolean }): Promise<void> {
    await emit(this.ctx, this.ctx.presence.leave(params.room, params.sessionId, this.ctx.now(), params.endMeetingWhenEmpty ?? true));
  }

  /** Everyone leaves (`participant.left` each); `meeting.ended` follows after `meetingEndedDelayMs`. */
  async endMeeting(params: { room: string }): Promise<void> {
    await emit(this.ctx, this.ctx.presence.endMeeting(this.ctx.presence.resolveRoom(params.room), this.ctx.now()));
  }

  /** Starts a recording as a client would (daily-js `startRecording`): same checks as REST, `recording.started`. */
  async startRecording(params: DailyStartRecordingParams): Promise<DailyRecordingSnapshot> {
    const { recording, event } = this.ctx.recorder.start(params, this.ctx.now());
    await emit(this.ctx, [event]);
    return recordingSnapshot(recording);
  }

  /**
   * The recording is ready: status `finished` and `recording.ready-to-download` (tracks for
   * raw-tracks). With `recordingStorage`, a room with a `recordings_bucket` first gets the composite
   * or every track written into that bucket (`content`, `trackContents`).
   */
  async finishRecording(params: DailyFinishRecordingParams): Promise<DailyRecordingSnapshot> {
    const { recording, event } = this.ctx.recorder.finish(params, this.ctx.now());
    // The objects are in the bucket before Daily says the recording is ready to download.
    if (this.ctx.objects) await writeRecordingObjects(this.ctx.objects, recording, params);
    await emit(this.ctx, [event]);
    return recordingSnapshot(recording);
  }

  /** The recording fails: status `canceled` and `recording.error`. */
  async failRecording(params: DailyRecordingRef & { errorMsg?: string }): Promise<DailyRecordingSnapshot> {
    const { recording, event } = this.ctx.recorder.fail(params, this.ctx.now());
    await emit(this.ctx, [event]);
    return recordingSnapshot(recording);
  }

  /** Sends Daily's unsigned verification ping `{"test":"test"}` to the webhook URL. */
  async sendVerificationPing(): Promise<WebhookDelivery> {
    const [delivery] = await this.ctx.sender.send([dailyVerificationPing()]);
    if (!delivery) throw new FakeControlError(500, 'the ping was not recorded');
    return delivery;
  }

  /** Replaces the base64 HMAC secret used to sign webhooks. */
  setWebhookSecret(secretBase64: string): void {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(secretBase64)) throw new FakeControlError(400, 'the Daily webhook secret must be base64');
    this.ctx.webhookSecret = secretBase64;
  }

  /** Unit of `X-Webhook-Timestamp` (Daily does not document it): `seconds` (default) or `milliseconds`. */
  setTimestampUnit(unit: DailyTimestampUnit): void {
    if (unit !== 'seconds' && unit !== 'milliseconds') throw new FakeControlError(400, 'unit must be "seconds" or "milliseconds"');
    this.ctx.timestampUnit = unit;
  }

  /** Meeting tokens issued so far, with the properties they were created with. */
  tokens(): readonly DailyIssuedToken[] {
    return [...this.ctx.state.tokens.values()];
  }

  /** A snapshot of rooms (with presence), meetings, recordings, tokens and the registered webhook. */
  state(): DailyStateSnapshot {
    const now = this.ctx.now();
    return {
      rooms: [...this.ctx.state.rooms.values()].map((room) => ({
        ...roomView(room, this.ctx.domain),
        deleted: room.deleted,
        properties: room.properties,
        requestBody: room.requestBody,
        participants: [...room.present.values()],
        waiting: [...room.waiting.values()],
        meetingId: room.meeting?.id ?? null,
        activeRecordings: Object.fromEntries(room.activeRecordings),
      })),
      meetings: this.ctx.state.meetings.map((m) => meetingView(m, now)),
      recordings: this.ctx.state.recordings.map(recordingSnapshot),
      tokens: this.tokens(),
      webhook: this.ctx.registration ?? null,
    };
  }

  /** Clears rooms, meetings, recordings, tokens, the webhook registration, faults, requests and webhook records. */
  override reset(): void {
    super.reset();
    this.ctx.state.clear();
    this.ctx.registration = undefined;
  }
}

/** Registers the Daily control routes under `/_control` (see README). */
export function registerDailyControlRoutes(app: FastifyInstance, control: DailyControl): void {
  registerCommonControlRoutes(app, control);
  app.get('/_control/state', async () => control.state());
  app.get('/_control/tokens', async () => control.tokens());
  app.post('/_control/participants', async (req, reply) =>
    reply.code(201).send(await control.addParticipant(controlBody<DailyJoinParams>(req.body))),
  );
  app.post('/_control/participants/knock', async (req, reply) =>
    reply.code(201).send(await control.knock(controlBody<DailyJoinParams>(req.body))),
  );
  app.post('/_control/participants/admit', async (req, reply) =>
    reply.code(201).send(await control.admit(controlBody<{ room: string; sessionId: string }>(req.body))),
  );
  app.post('/_control/participants/stop-knocking', async (req, reply) => {
    await control.stopKnocking(controlBody<{ room: string; sessionId: string }>(req.body));
    return reply.code(204).send();
  });
  app.post('/_control/participants/remove', async (req, reply) => {
    await control.removeParticipant(controlBody<{ room: string; sessionId: string; endMeetingWhenEmpty?: boolean }>(req.body));
    return reply.code(204).send();
  });
  app.post('/_control/meetings/end', async (req, reply) => {
    await control.endMeeting(controlBody<{ room: string }>(req.body));
    return reply.code(204).send();
  });
  app.post('/_control/recordings/start', async (req, reply) =>
    reply.code(201).send(await control.startRecording(controlBody<DailyStartRecordingParams>(req.body))),
  );
  app.post('/_control/recordings/finish', async (req) => control.finishRecording(controlBody<DailyFinishRecordingParams>(req.body)));
  app.post('/_control/recordings/fail', async (req) =>
    control.failRecording(controlBody<DailyRecordingRef & { errorMsg?: string }>(req.body)),
  );
  app.post('/_control/webhooks/ping', async () => control.sendVerificationPing());
  app.put('/_control/webhook-secret', async (req, reply) => {
    control.setWebhookSecret(String(controlBody<{ secret?: string }>(req.body).secret ?? ''));
    return reply.code(204).send();
  });
  app.put('/_control/timestamp-unit', async (req, reply) => {
    control.setTimestampUnit(controlBody<{ unit: DailyTimestampUnit }>(req.body).unit);
    return reply.code(204).send();
  });
}
