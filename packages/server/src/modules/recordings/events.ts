import {
  recordingRefOf,
  type Clock,
  type LoggerLike,
  type RecordingErrorEvent,
  type RecordingReadyEvent,
  type RecordingStartedEvent,
} from '@meetbridge/platforms';
import { ignored, processed, type EventContext, type EventOutcome } from '../../events/handler.js';
import type { MeetingService } from '../meetings/service.js';
import type { RecordingRepo } from './repo.js';
import type { RecordingService } from './service.js';

export interface RecordingEventDeps {
  repo: RecordingRepo;
  service: RecordingService;
  meetings: MeetingService;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * Applies the normalized recording events of provider webhooks, inside the inbox batch's
 * transaction. No provider is called here: where the bytes are is resolved by the download job.
 */
export class RecordingEvents {
  constructor(private readonly deps: RecordingEventDeps) {}

  /** A recording started: its provider id is stored on a `pending` row linked to the meeting (by room). */
  started = async (event: RecordingStartedEvent, ctx: EventContext): Promise<EventOutcome> => {
    // Daily's `recording.started` names no room: a recording we started is known by its id already.
    const known = event.recordingId ? await this.deps.repo.byProviderId(ctx.platform, event.recordingId, ctx.tx) : undefined;
    if (known?.meetingId) return processed(known.meetingId);
    const found = event.providerRoomName
      ? await this.deps.meetings.findForRecording(
          { platform: ctx.platform, providerRoomName: event.providerRoomName, near: event.occurredAt },
          ctx.tx,
        )
      : undefined;
    if (!found) return ignored(null, 'no meeting for this provider room');
    if (!event.recordingId) return processed(found.meeting.id);
    const now = this.deps.clock.now();
    await this.deps.repo.insertOnce(
      {
        meetingId: found.meeting.id,
        roomId: found.room.id,
        platform: ctx.platform,
        providerRecordingId: event.recordingId,
        kind: found.meeting.recordingType === 'cloud' && ctx.adapter.capabilities.rawTracks ? 'tracks' : 'composite',
        status: 'pending',
        source: null,
        recordedAt: event.occurredAt,
        createdAt: now,
        updatedAt: now,
      },
      ctx.tx,
    );
    return processed(found.meeting.id);
  };

  /** The file is ready: one recording row (and one download) however often this is reported. */
  ready = async (event: RecordingReadyEvent, ctx: EventContext): Promise<EventOutcome> => {
    const ref = recordingRefOf(event);
    const result = await this.deps.service.discovered(
      {
        platform: ctx.platform,
        providerRecordingId: event.recordingId,
        kind: ref.kind,
        source: { kind: 'provider', keys: ref.keys, filename: ref.filename ?? null },
        recordedAt: event.startedAt,
        durationMs: event.durationSeconds === null ? null : Math.round(event.durationSeconds * 1000),
        meetingHint: { providerRoomName: event.providerRoomName },
      },
      { tx: ctx.tx },
    );
    const { recording } = result;
    if (!recording.meetingId) return ignored(null, `recording ${recording.id} matched no meeting (orphan)`);
    return processed(recording.meetingId);
  };

  /**
   * The provider failed the recording: `error` with its message, on the row of this provider id, or
   * (Daily's `recording.error` names no recording) the meeting's running recording.
   */
  error = async (event: RecordingErrorEvent, ctx: EventContext): Promise<EventOutcome> => {
    const now = this.deps.clock.now();
    let row = event.recordingId ? await this.deps.repo.byProviderId(ctx.platform, event.recordingId, ctx.tx) : undefined;
    const found =
      !row && event.providerRoomName
        ? await this.deps.meetings.findForRecording(
            { platform: ctx.platform, providerRoomName: event.providerRoomName, near: event.occurredAt },
            ctx.tx,
          )
        : undefined;
    if (!row && found) row = await this.deps.repo.runningOf(found.meeting.id, ctx.tx);
    if (row) {
      if (row.status === 'pending' || row.status === 'downloading') {
        await this.deps.repo.update(row.id, { status: 'error', error: event.message }, now, ctx.tx);
      }
      this.deps.logger.warn({ recordingId: row.id, provider: ctx.platform }, 'the provider reported a recording error');
      return row.meetingId ? processed(row.meetingId) : ignored(null, 'recording error for an orphan recording');
    }
    if (!found) return ignored(null, `recording error for no known meeting: ${event.message}`);
    if (event.recordingId) {
      // Nothing of ours knew this recording: keep the failure visible on the meeting.
      await this.deps.repo.insertOnce(
        {
          meetingId: found.meeting.id,
          roomId: found.room.id,
          platform: ctx.platform,
          providerRecordingId: event.recordingId,
          kind: 'composite',
          status: 'error',
          error: event.message,
          source: null,
          recordedAt: event.occurredAt,
          createdAt: now,
          updatedAt: now,
        },
        ctx.tx,
      );
    }
    this.deps.logger.warn({ meetingId: found.meeting.id, provider: ctx.platform }, 'the provider reported a recording error');
    return processed(found.meeting.id);
  };
}
