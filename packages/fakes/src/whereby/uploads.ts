import { FakeControlError } from '../core/base-control.js';
import type { ObjectStore } from '../core/object-store.js';
import type { S3NoticeSender } from '../core/s3-notices.js';
import type { WebhookSender } from '../core/webhook-sender.js';
import type { WherebyFinishRecordingParams, WherebyPresence } from './presence.js';
import type { WherebyRecording, WherebyState } from './state.js';

/** `bucket` or `bucket/sub/folder` → the bucket and the key prefix (`sub/folder/`). */
function splitDestination(path: string): { bucket: string; prefix: string } {
  const [bucket = '', ...folders] = path.split('/').filter((part) => part.length > 0);
  return { bucket, prefix: folders.map((f) => `${f}/`).join('') };
}

/**
 * Cloud recordings of the Whereby fake leaving the "room": for an S3 destination the file
 * `[room name]-[start time in ISO format].<mkv|mp4>` is uploaded under the configured bucket or
 * sub-folder with the destination's access key
 * (https://github.com/whereby/docs/blob/main/whereby-product-features/recording-with-embedded/cloud-recording.md,
 * shared/reference/providers.md §2.5; the room name without its leading "/"). The bucket's event
 * notification then reaches the SQS queue (`s3Notices`), and `recording.finished` is sent ("cloud
 * recording done and uploaded").
 */
export class WherebyUploads {
  constructor(
    private readonly deps: {
      state: WherebyState;
      presence: WherebyPresence;
      sender: WebhookSender;
      now: () => number;
      objects: ObjectStore | undefined;
      notices: S3NoticeSender | undefined;
    },
  ) {}

  /** Finishes a recording (explicitly, or one that is due): upload, bucket notice, then `recording.finished`. */
  async finish(params: WherebyFinishRecordingParams): Promise<WherebyRecording> {
    const now = this.deps.now();
    const { recording, event } = this.deps.presence.finishRecording(params, now);
    if (recording.provider === 's3') await this.upload(recording, now);
    await this.deps.sender.send([event]);
    return recording;
  }

  /** Finishes every recording whose session ended (automatic start triggers). */
  async deliverDue(): Promise<WherebyRecording[]> {
    const done: WherebyRecording[] = [];
    for (let due = this.deps.presence.dueRecordings.shift(); due; due = this.deps.presence.dueRecordings.shift()) {
      const durationSeconds = Math.max(1, Math.round((due.endedAtMs - due.startedAtMs) / 1000));
      done.push(await this.finish({ meetingId: due.meetingId, startedAtMs: due.startedAtMs, durationSeconds }));
    }
    return done;
  }

  private async upload(recording: WherebyRecording, nowMs: number): Promise<void> {
    const { objects, notices } = this.deps;
    if (!objects) return;
    const destination = this.deps.state.meetings.get(recording.meetingId)?.input.recording?.destination;
    const { bucket, prefix } = splitDestination(typeof destination?.bucket === 'string' ? destination.bucket : '');
    if (!bucket) throw new FakeControlError(409, `meeting ${recording.meetingId} records to S3 without a bucket`);
    const accessKeyId = destination?.accessKeyId;
    const accessKeySecret = destination?.accessKeySecret;
    const credentials =
      typeof accessKeyId === 'string' && typeof accessKeySecret === 'string'
        ? { accessKeyId, secretAccessKey: accessKeySecret }
        : undefined;
    const contentType = recording.filename.endsWith('.mkv') ? 'video/x-matroska' : 'video/mp4';
    const written = await objects.put(bucket, `${prefix}${recording.filename}`, recording.content, { contentType, credentials });
    await notices?.objectCreated(written, nowMs);
  }
}
