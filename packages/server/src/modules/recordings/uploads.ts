import type { Readable } from 'node:stream';
import type { Clock, LoggerLike } from '@meetbridge/platforms';
import type { JobSender } from '../../jobs/types.js';
import { MeetbridgeError } from '@meetbridge/platforms';
import { NotFoundError } from '../../lib/errors.js';
import { ObjectTooLargeError, type Storage } from '../../storage/index.js';
import type { MeetingService } from '../meetings/service.js';
import type { RecordingRepo } from './repo.js';
import type { RecordingService } from './service.js';

/** The upload is larger than `RECORDING_MAX_BYTES`. HTTP 413. */
export class UploadTooLargeError extends MeetbridgeError {
  constructor(maxBytes: number) {
    super('upload_too_large', 413, `The recording is larger than RECORDING_MAX_BYTES (${maxBytes} bytes).`);
  }
}

export interface RecordingUploadDeps {
  repo: RecordingRepo;
  service: RecordingService;
  meetings: MeetingService;
  storage: Storage;
  jobs: JobSender;
  maxBytes: number;
  clock: Clock;
  logger: LoggerLike;
}

const EXTENSIONS: Record<string, string> = { 'audio/ogg': 'ogg', 'audio/mp4': 'mp4', 'video/mp4': 'mp4' };

/**
 * Recordings a client posts (the mock room page): the same `discovered` → storage → job path as a
 * provider's. The row is made first (`pending`, source `upload`), the body is streamed into storage
 * under `recordings/<id>/composite.<ext>`, then `recording.validate` checks it. A repeated upload of
 * a recording already received is answered with it and stores nothing.
 */
export class RecordingUploads {
  constructor(private readonly deps: RecordingUploadDeps) {}

  async receiveUpload(input: {
    platform: string;
    providerRoomName: string;
    providerRecordingId: string;
    userId: string | null;
    contentType: string;
    body: Readable;
  }): Promise<{ recordingId: string; status: string; created: boolean }> {
    const found = await this.deps.meetings.findForRecording({ platform: input.platform, providerRoomName: input.providerRoomName });
    if (!found) throw new NotFoundError(`No meeting for the room "${input.providerRoomName}".`);
    const { recording, created } = await this.deps.service.discovered({
      platform: input.platform,
      providerRecordingId: input.providerRecordingId,
      kind: 'composite',
      source: { kind: 'upload' },
      recordedAt: this.deps.clock.now(),
      meetingHint: { meetingId: found.meeting.id },
    });
    if (recording.status !== 'pending' || recording.tracks.length > 0) {
      return { recordingId: recording.id, status: recording.status, created: false };
    }
    const type = input.contentType.split(';')[0]!.trim().toLowerCase();
    const key = `recordings/${recording.id}/composite.${EXTENSIONS[type] ?? 'webm'}`;
    let size: number;
    try {
      size = (await this.deps.storage.put(key, input.body, { maxBytes: this.deps.maxBytes, contentType: type })).size;
    } catch (error) {
      if (!(error instanceof ObjectTooLargeError)) throw error;
      await this.deps.repo.update(
        recording.id,
        { status: 'invalid', error: `the upload is larger than RECORDING_MAX_BYTES (${this.deps.maxBytes} bytes)` },
        this.deps.clock.now(),
      );
      throw new UploadTooLargeError(this.deps.maxBytes);
    }
    const track = { key, size, durationMs: null, startOffsetMs: 0, ...(input.userId ? { participantUserId: input.userId } : {}) };
    await this.deps.repo.transaction(async (tx) => {
      await this.deps.repo.update(recording.id, { tracks: [track], sizeBytes: size }, this.deps.clock.now(), tx);
      await this.deps.jobs.send('recording.validate', { recordingId: recording.id }, { tx, singletonKey: recording.id });
    });
    this.deps.logger.info({ recordingId: recording.id, size }, 'recording uploaded');
    return { recordingId: recording.id, status: 'pending', created };
  }
}
