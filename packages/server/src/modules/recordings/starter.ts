import {
  MeetbridgeError,
  ProviderError,
  uuidV5,
  type Clock,
  type LoggerLike,
  type MeetingRef,
  type ParticipantEvent,
  type PlatformAdapter,
  type PlatformCatalog,
} from '@meetbridge/platforms';
import type { MeetingRow, RecordingRow, RoomRow } from '../../db/schema/index.js';
import type { EventContext } from '../../events/handler.js';
import { PermanentJobError } from '../../jobs/define.js';
import { ConflictError, ForbiddenError } from '../../lib/errors.js';
import type { User } from '../../plugins/auth.js';
import type { MeetingService } from '../meetings/service.js';
import type { ParticipantService } from '../participants/service.js';
import type { RecordingRepo } from './repo.js';

/**
 * Namespace of recording instance ids: `instanceId = uuidV5(meeting id, this)`, so every start of a
 * meeting's recording (an automatic start racing an owner's, a retried job) names the same Daily
 * instance and Daily refuses the second as "has an active stream". Never change it: running
 * recordings would no longer be recognised as ours.
 */
export const RECORDING_INSTANCE_NAMESPACE = '5f0b6a4e-2d8c-4c1e-9a57-1e6f3b2d9c40';

/** The provider's instance id of a meeting's recording. */
export function recordingInstanceId(meetingId: string): string {
  return uuidV5(meetingId, RECORDING_INSTANCE_NAMESPACE);
}

/** The meeting's room does not record in the cloud: nothing to start or stop. HTTP 422. */
export class RecordingNotEnabledError extends MeetbridgeError {
  constructor(message: string) {
    super('recording_not_enabled', 422, message);
  }
}

/** What an owner's start did: a new provider recording, or the one already running. */
export interface StartOutcome {
  status: 'started' | 'already_recording';
  recording: RecordingRow | null;
}

export interface RecordingStarterDeps {
  repo: RecordingRepo;
  meetings: MeetingService;
  participants: ParticipantService;
  catalog: PlatformCatalog;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * Starts and stops provider recordings from the server (capability `serverSideRecording`: Daily).
 * Whereby records by itself (the `startTrigger` sent when the meeting is created). The room's
 * `recording_trigger` decides when: `automatic` at the first participant, `automatic-2nd-participant`
 * at the second (both through a `recording.start` job queued by the participant-joined event),
 * `prompt` when the owner asks (`POST /v1/meetings/{id}/recordings/start`).
 */
export class RecordingStarter {
  constructor(private readonly deps: RecordingStarterDeps) {}

  /**
   * Event-router hook after the meetings module applied a join (same transaction): queues a
   * `recording.start` when the trigger is reached and no recording of ours is running.
   */
  onParticipantJoined = async (_event: ParticipantEvent, ctx: EventContext, meeting: MeetingRow): Promise<void> => {
    if (!meeting.isActive || !this.startsOnServer(meeting, ctx.adapter)) return;
    const meetingId = meeting.id;
    const needed = meeting.recordingTrigger === 'automatic' ? 1 : meeting.recordingTrigger === 'automatic-2nd-participant' ? 2 : null;
    if (needed === null) return;
    if ((await this.deps.participants.openCount(ctx.tx, meetingId)) < needed) return;
    if (await this.deps.repo.runningOf(meetingId, ctx.tx)) return;
    ctx.followUp('recording.start', { meetingId }, { singletonKey: meetingId });
  };

  /** `recording.start` job: starts unless a recording of ours is already running. */
  async startJob(meetingId: string): Promise<void> {
    const row = await this.meetingById(meetingId);
    if (!row || !row.meeting.isActive) return;
    const adapter = this.deps.catalog.adapterForExisting(row.meeting.platform);
    if (!adapter || !this.startsOnServer(row.meeting, adapter)) return;
    if (await this.deps.repo.runningOf(meetingId)) return;
    try {
      await this.start(row, adapter);
    } catch (error) {
      if (error instanceof ProviderError && !error.retryable && error.providerStatus !== 429) {
        throw new PermanentJobError(`${adapter.name} refused to start the recording: ${error.message}`, { cause: error });
      }
      throw error; // rate limits (Daily: 5 starts per 5 s), 503 "no workers": retried with backoff
    }
  }

  /** Owner's start (`prompt` rooms, or any cloud-recording room): calls the provider now. */
  async startByOwner(meetingId: string, user: User | null): Promise<StartOutcome> {
    const { row, adapter } = await this.ownerCheck(meetingId, user, 'start');
    return this.start(row, adapter);
  }

  /** Owner's stop. The row stays `pending` until the provider reports the file ready. */
  async stopByOwner(meetingId: string, user: User | null): Promise<void> {
    const { row, adapter } = await this.ownerCheck(meetingId, user, 'stop');
    await adapter.stopRecording(meetingRefOf(row.meeting), { instanceId: recordingInstanceId(meetingId) });
  }

  private async start(row: { meeting: MeetingRow; room: RoomRow }, adapter: PlatformAdapter): Promise<StartOutcome> {
    const { meeting } = row;
    const now = this.deps.clock.now();
    const type = adapter.capabilities.rawTracks ? 'raw-tracks' : 'cloud';
    // The whole meeting fits: Daily's default cap is 3 hours, meetings last MEETING_DURATION_HOURS.
    const maxDurationSeconds = Math.max(60, Math.ceil((meeting.endDate.getTime() - meeting.startDate.getTime()) / 1000));
    const { recordingId } = await adapter.startRecording(meetingRefOf(meeting), {
      type,
      instanceId: recordingInstanceId(meeting.id),
      maxDurationSeconds,
    });
    if (!recordingId) return { status: 'already_recording', recording: (await this.deps.repo.runningOf(meeting.id)) ?? null };
    const inserted = await this.deps.repo.insertOnce({
      meetingId: meeting.id,
      roomId: meeting.roomId,
      platform: meeting.platform,
      providerRecordingId: recordingId,
      kind: type === 'raw-tracks' ? 'tracks' : 'composite',
      status: 'pending',
      source: null,
      recordedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    this.deps.logger.info({ meetingId: meeting.id, provider: adapter.name, type }, 'recording started');
    return { status: 'started', recording: inserted ?? (await this.deps.repo.byProviderId(meeting.platform, recordingId)) ?? null };
  }

  private startsOnServer(meeting: MeetingRow, adapter: PlatformAdapter): boolean {
    return meeting.recordingType === 'cloud' && adapter.capabilities.serverSideRecording;
  }

  private async meetingById(meetingId: string): Promise<{ meeting: MeetingRow; room: RoomRow } | undefined> {
    try {
      return await this.deps.meetings.get(meetingId);
    } catch {
      return undefined;
    }
  }

  private async ownerCheck(meetingId: string, user: User | null, what: 'start' | 'stop') {
    const row = await this.deps.meetings.get(meetingId);
    if (!this.deps.meetings.isOwner(row.room, user)) throw new ForbiddenError(`Only the room owner may ${what} its recordings.`);
    if (!row.meeting.isActive) throw new ConflictError(`This meeting has ended; there is no call to ${what} recording.`);
    const adapter = this.deps.catalog.adapterForExisting(row.meeting.platform);
    if (!adapter) throw new ConflictError(`This meeting runs on ${row.meeting.platform}, which is not configured here any more.`);
    if (!adapter.capabilities.serverSideRecording) {
      throw new ConflictError(
        `Recordings on ${adapter.name} are not started by the server (capability serverSideRecording); the provider starts them itself.`,
      );
    }
    if (row.meeting.recordingType !== 'cloud') {
      throw new RecordingNotEnabledError(
        `This meeting's room records "${row.meeting.recordingType}", not "cloud": set the room's recording_type to cloud (it applies from the next meeting).`,
      );
    }
    return { row, adapter };
  }
}

function meetingRefOf(row: MeetingRow): MeetingRef {
  return {
    providerMeetingId: row.providerMeetingId,
    providerRoomName: row.providerRoomName,
    roomUrl: row.roomUrl,
    hostRoomUrl: row.hostRoomUrl,
    endDate: row.endDate,
  };
}
