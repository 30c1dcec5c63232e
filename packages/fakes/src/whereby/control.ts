import type { FastifyInstance } from 'fastify';
import { BaseControl, FakeControlError, controlBody, registerCommonControlRoutes } from '../core/base-control.js';
import type { S3NoticeFaults } from '../core/s3-notices.js';
import type { FakeCore } from '../core/base-control.js';
import type { WherebyContext } from './context.js';
import type { WherebyFinishRecordingParams, WherebyJoinParams } from './presence.js';
import type { WherebyMeeting, WherebyParticipant, WherebySession } from './state.js';

/** JSON-friendly view of a meeting, for `control.state()`. */
export interface WherebyMeetingSnapshot {
  readonly meetingId: string;
  readonly roomName: string;
  readonly roomUrl: string;
  readonly hostRoomUrl: string;
  readonly viewerRoomUrl: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly deleted: boolean;
  readonly isLocked: boolean;
  readonly roomMode: string;
  readonly requestBody: unknown;
  readonly participants: readonly WherebyParticipant[];
  readonly currentRoomSessionId: string | null;
  readonly logo: { readonly contentType: string | undefined; readonly size: number } | null;
}

/** JSON-friendly view of a recording, for `control.state()`. */
export interface WherebyRecordingSnapshot {
  readonly recordingId: string;
  readonly meetingId: string;
  readonly roomName: string;
  readonly roomSessionId: string;
  readonly filename: string;
  readonly provider: 's3' | 'whereby';
}

/** Everything the Whereby fake holds. */
export interface WherebyStateSnapshot {
  readonly meetings: readonly WherebyMeetingSnapshot[];
  readonly sessions: readonly WherebySession[];
  readonly recordings: readonly WherebyRecordingSnapshot[];
}

function snapshotMeeting(m: WherebyMeeting): WherebyMeetingSnapshot {
  return {
    meetingId: m.meetingId,
    roomName: m.roomName,
    roomUrl: m.roomUrl,
    hostRoomUrl: m.hostRoomUrl,
    viewerRoomUrl: m.viewerRoomUrl,
    startDate: new Date(m.startDate).toISOString(),
    endDate: new Date(m.endDate).toISOString(),
    deleted: m.deleted,
    isLocked: m.input.isLocked,
    roomMode: m.input.roomMode,
    requestBody: m.requestBody,
    participants: [...m.present.values()],
    currentRoomSessionId: m.currentSession?.roomSessionId ?? null,
    logo: m.logo ?? null,
  };
}

/** Typed control API of the Whereby fake: drive room activity and recordings, inject faults, inspect. */
export class WherebyControl extends BaseControl {
  constructor(
    core: FakeCore,
    private readonly ctx: WherebyContext,
  ) {
    super(core);
  }

  /** A participant joins: sends `room.client.joined` (and `room.session.started` at 2 clients). Resolves after delivery. */
  async addParticipant(params: WherebyJoinParams): Promise<WherebyParticipant> {
    const { participant, events } = this.ctx.presence.join(params, this.ctx.now());
    await this.ctx.sender.send(events);
    return participant;
  }

  /**
   * A participant leaves: sends `room.client.left`. A started session ends `sessionEndAfterMs` later
   * if fewer than 2 participants still remain (run by `tick()`); `endSessionWhenEmpty: true` ends it
   * at once when the room empties.
   */
  async removeParticipant(params: { participantId: string; endSessionWhenEmpty?: boolean }): Promise<void> {
    await this.ctx.sender.send(this.ctx.presence.leave(params.participantId, this.ctx.now(), params.endSessionWhenEmpty ?? false));
    await this.ctx.uploads.deliverDue();
  }

  /** Everyone leaves and the session ends: `room.client.left` per participant, then `room.session.ended`. */
  async endSession(ref: { meetingId?: string; roomName?: string }): Promise<void> {
    await this.ctx.sender.send(this.ctx.presence.endSession(this.ctx.presence.resolve(ref), this.ctx.now()));
    await this.ctx.uploads.deliverDue();
  }

  /**
   * A cloud recording finished: for an S3 destination (with `recordingStorage`) the file is uploaded
   * and the bucket's notice sent to the queue (`s3Notices`); then `recording.finished`. Meetings
   * whose `startTrigger` is automatic get this by themselves when their session ends.
   */
  async finishRecording(params: WherebyFinishRecordingParams): Promise<WherebyRecordingSnapshot> {
    const recording = await this.ctx.uploads.finish(params);
    const { content: _content, startDate: _s, endDate: _e, sizeInMegaBytes: _size, ...snapshot } = recording;
    return snapshot;
  }

  /**
   * Sends the `s3:TestEvent` message S3 puts on the queue when a bucket's notifications are
   * configured (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html).
   */
  async sendS3TestEvent(bucket: string): Promise<void> {
    if (!this.ctx.notices) throw new FakeControlError(409, 'the fake has no s3Notices queue configured');
    await this.ctx.notices.testEvent(bucket, this.ctx.now());
  }

  /** Bucket-notice faults: `duplicates` extra copies of each message (S3 delivers at least once), `drop` loses them. */
  setS3NoticeFaults(faults: S3NoticeFaults): void {
    if (!this.ctx.notices) throw new FakeControlError(409, 'the fake has no s3Notices queue configured');
    this.ctx.notices.faults = { ...faults };
  }

  /** A snapshot of meetings, sessions and recordings. */
  state(): WherebyStateSnapshot {
    return {
      meetings: [...this.ctx.state.meetings.values()].map(snapshotMeeting),
      sessions: this.ctx.state.sessions,
      recordings: [...this.ctx.state.recordings.values()].map(
        ({ recordingId, meetingId, roomName, roomSessionId, filename, provider }) => ({
          recordingId,
          meetingId,
          roomName,
          roomSessionId,
          filename,
          provider,
        }),
      ),
    };
  }

  /** Points left in the organisation's budget this minute. */
  budgetRemaining(): number {
    return this.ctx.budget.remaining(this.ctx.now());
  }

  /** Clears meetings, sessions, recordings, the point budget, faults, scheduled behaviour, recorded requests and webhooks, and webhook options. */
  override reset(): void {
    super.reset();
    this.ctx.state.clear();
    this.ctx.budget.reset();
    this.ctx.presence.dueRecordings.length = 0;
    if (this.ctx.notices) this.ctx.notices.faults = {};
  }
}

/** Registers the Whereby control routes under `/_control` (see README). */
export function registerWherebyControlRoutes(app: FastifyInstance, control: WherebyControl): void {
  registerCommonControlRoutes(app, control);
  app.get('/_control/state', async () => control.state());
  app.get('/_control/budget', async () => ({ remaining: control.budgetRemaining() }));
  app.post('/_control/participants', async (req, reply) =>
    reply.code(201).send(await control.addParticipant(controlBody<WherebyJoinParams>(req.body))),
  );
  app.post('/_control/participants/remove', async (req, reply) => {
    await control.removeParticipant(controlBody<{ participantId: string; endSessionWhenEmpty?: boolean }>(req.body));
    return reply.code(204).send();
  });
  app.post('/_control/sessions/end', async (req, reply) => {
    await control.endSession(controlBody<{ meetingId?: string; roomName?: string }>(req.body));
    return reply.code(204).send();
  });
  app.post('/_control/recordings/finish', async (req, reply) =>
    reply.code(201).send(await control.finishRecording(controlBody<WherebyFinishRecordingParams>(req.body))),
  );
  app.post('/_control/s3/test-event', async (req, reply) => {
    await control.sendS3TestEvent(String(controlBody<{ bucket?: string }>(req.body).bucket ?? ''));
    return reply.code(204).send();
  });
  app.put('/_control/s3/notice-faults', async (req, reply) => {
    control.setS3NoticeFaults(controlBody<S3NoticeFaults>(req.body));
    return reply.code(204).send();
  });
}
