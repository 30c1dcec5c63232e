import { DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Clock, LoggerLike, PlatformCatalog } from '@meetbridge/platforms';
import type { RecordingRow, RecordingSourceRef } from '../../db/schema/index.js';
import type { JobSender } from '../../jobs/types.js';
import { ValidationError } from '../../lib/errors.js';
import { LOCAL_USER, type User } from '../../plugins/auth.js';
import type { Storage } from '../../storage/index.js';
import type { MeetingService } from '../meetings/service.js';
import type { RecordingRepo } from './repo.js';

/** Recording states after which nothing more happens to the audio in the recordings module. */
export const RECORDING_FINAL_STATES: readonly string[] = ['stored', 'invalid', 'error'];

export interface ConsentDeps {
  repo: RecordingRepo;
  meetings: MeetingService;
  catalog: PlatformCatalog;
  storage: Storage;
  bucketClient(region: string): S3Client;
  /** Region of a bucket whose provider names none. */
  defaultRegion: string;
  jobs: JobSender;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * Extension points for the processing pipeline (set by the container once that module exists):
 * - `isProcessingDone`: whether the audio is no longer needed (default: the recording reached a
 *   final recording state; the pipeline replaces it with "its transcript is finished" and calls
 *   `ConsentService.afterProcessing(recordingId)` when that happens);
 * - `derivedAudioKeys`: storage keys of audio the pipeline made from the recording (mixes, chunks),
 *   deleted with the rest.
 */
export interface ConsentHooks {
  isProcessingDone(row: RecordingRow): Promise<boolean>;
  derivedAudioKeys(row: RecordingRow): Promise<string[]>;
}

export const defaultConsentHooks: ConsentHooks = {
  isProcessingDone: async (row) => RECORDING_FINAL_STATES.includes(row.status),
  derivedAudioKeys: async () => [],
};

/**
 * Consent to being recorded: one decision per participant and meeting (the signed-in user, else the
 * device id the client keeps), the later replacing the earlier. Recording is never blocked; if
 * anyone declined, once processing is done every source object (all tracks, in the provider's
 * bucket or at the provider) and our stored audio are deleted by `recording.purge`, retried until
 * every deletion succeeded, and only then is `audio_deleted` set.
 */
export class ConsentService {
  hooks: ConsentHooks = defaultConsentHooks;

  constructor(private readonly deps: ConsentDeps) {}

  /** `POST /v1/meetings/{id}/consent`. Rooms with `skip_consent` record nothing (`skipped`). */
  async decide(meetingId: string, user: User | null, body: { consent_given: boolean; device_id?: string }) {
    const { meeting, room } = await this.deps.meetings.get(meetingId);
    const now = this.deps.clock.now();
    const answer = { meeting_id: meeting.id, consent_given: body.consent_given, decided_at: now.toISOString() };
    if (room.skipConsent) return { ...answer, skipped: true };
    await this.deps.repo.upsertConsent(meeting.id, participantKey(user, body.device_id), body.consent_given, now);
    if (!body.consent_given) for (const row of await this.deps.repo.ofMeeting(meeting.id)) await this.afterProcessing(row.id);
    return { ...answer, skipped: false };
  }

  /**
   * Queues the purge of a recording whose processing is done if someone in its meeting declined.
   * Called when a recording reaches a final state, when someone declines, and (later) by the pipeline.
   */
  async afterProcessing(recordingId: string): Promise<void> {
    const row = await this.deps.repo.byId(recordingId);
    if (!row?.meetingId || row.audioDeleted) return;
    if (!(await this.hooks.isProcessingDone(row))) return;
    if (!(await this.deps.repo.anyDeclined(row.meetingId))) return;
    await this.deps.jobs.send('recording.purge', { recordingId }, { singletonKey: recordingId });
  }

  /** `recording.purge`: deletes everything; throws (the job retries) while any deletion failed. */
  async purge(recordingId: string): Promise<void> {
    const row = await this.deps.repo.byId(recordingId);
    if (!row || row.audioDeleted) return;
    const failures: string[] = [];
    const attempt = async (what: string, fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (error) {
        failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    await this.deleteSource(row, row.source, attempt);
    const keys = [...row.tracks.map((t) => t.key), ...(await this.hooks.derivedAudioKeys(row))];
    for (const key of keys) await attempt(`stored ${key}`, () => this.deps.storage.delete(key));
    if (failures.length > 0) {
      this.deps.logger.warn({ recordingId, failures: failures.length }, 'some recording deletions failed; retried');
      throw new Error(`${failures.length} deletion(s) failed: ${failures.join('; ')}`);
    }
    await this.deps.repo.update(recordingId, { audioDeleted: true }, this.deps.clock.now());
    this.deps.logger.info({ recordingId }, 'recording audio deleted (consent declined)');
  }

  private async deleteSource(
    row: RecordingRow,
    source: RecordingSourceRef | null,
    attempt: (what: string, fn: () => Promise<unknown>) => Promise<void>,
  ): Promise<void> {
    if (!source || source.kind === 'upload') return;
    if (source.kind === 'bucket') {
      const client = this.deps.bucketClient(source.region || this.deps.defaultRegion);
      for (const { key } of source.keys) {
        // S3 DeleteObject with our own credentials; deleting a missing object succeeds.
        await attempt(`${source.bucket}/${key}`, () => client.send(new DeleteObjectCommand({ Bucket: source.bucket, Key: key })));
      }
      return;
    }
    const adapter = this.deps.catalog.adapterForExisting(row.platform);
    if (!adapter) {
      await attempt('provider', () => Promise.reject(new Error(`the ${row.platform} platform is not configured here any more`)));
      return;
    }
    if (source.kind === 'provider') {
      // Never downloaded: ask the provider where the files are, then delete them there.
      let resolved: RecordingSourceRef | null = null;
      await attempt('locating the source', async () => {
        const found = await adapter.getRecordingSource({
          recordingId: row.providerRecordingId,
          kind: row.kind,
          keys: source.keys,
          filename: source.filename,
        });
        resolved =
          found.kind === 'link'
            ? { kind: 'link' }
            : {
                kind: 'bucket',
                bucket: found.bucket,
                region: found.region ?? this.deps.defaultRegion,
                keys: found.keys.map((key) => ({ key })),
              };
      });
      if (resolved) await this.deleteSource(row, resolved, attempt);
      return;
    }
    if (adapter.capabilities.recordingLinks) {
      await attempt('the provider-hosted recording', () => adapter.deleteRecording(row.providerRecordingId));
    }
  }
}

/** Whose decision: the signed-in user, else the client's device id (`AUTH_BACKEND=none`: everyone is the local user). */
export function participantKey(user: User | null, deviceId: string | undefined): string {
  if (user && user.id !== LOCAL_USER.id) return `user:${user.id}`;
  if (deviceId) return `device:${deviceId}`;
  if (user) return `user:${user.id}`;
  throw new ValidationError('Send device_id (an id your client keeps) when not signed in.', [
    { field: 'body.device_id', message: 'required for anonymous participants' },
  ]);
}
