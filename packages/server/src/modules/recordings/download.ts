import { Readable } from 'node:stream';
import { GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ConfigError, ProviderError, type Clock, type LoggerLike, type PlatformCatalog, type RecordingSource } from '@meetbridge/platforms';
import type { RecordingRow, RecordingSourceKey, RecordingSourceRef, StoredTrack } from '../../db/schema/index.js';
import { PermanentJobError } from '../../jobs/define.js';
import { SafeHttpStatusError, UnsafeUrlError, type SafeHttp } from '../../lib/safe-http.js';
import { isNotFound, ObjectTooLargeError, type Storage } from '../../storage/index.js';
import type { ParticipantService } from '../participants/service.js';
import type { RecordingRepo } from './repo.js';

export interface RecordingDownloaderDeps {
  repo: RecordingRepo;
  participants: ParticipantService;
  catalog: PlatformCatalog;
  storage: Storage;
  /** The S3 client for a provider's bucket in `region`, with our own credentials. */
  bucketClient(region: string): S3Client;
  /** Region of a bucket whose provider names none (Whereby). */
  defaultRegion: string;
  http: SafeHttp;
  /** `RECORDING_MAX_BYTES`, for all the recording's objects together. */
  maxBytes: number;
  clock: Clock;
  logger: LoggerLike;
}

/** A failure retrying cannot fix; the recording ends `error` or `invalid` with `reason`. */
class DownloadRefused extends Error {
  constructor(
    readonly status: 'error' | 'invalid',
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** One object to copy: where from, where to, and what it is. */
interface Planned {
  from: { bucket: string; key: string; region: string } | { url: string };
  to: string;
  meta: Omit<StoredTrack, 'key' | 'size' | 'durationMs'>;
}

/**
 * The `recording.download` job: copies a recording's objects into storage under
 * `recordings/<id>/…`, streamed (never whole in memory) with `RECORDING_MAX_BYTES` for the whole
 * recording. Objects come from the provider's bucket (read with our own credentials; Daily raw
 * tracks exist only there) or through the provider's link (SSRF-checked). Idempotent: storage keys
 * are fixed per recording and every put is atomic, so a rerun after a crash replaces nothing
 * half-written and skips objects already copied whole. Returns true once the files are stored.
 */
export class RecordingDownloader {
  constructor(private readonly deps: RecordingDownloaderDeps) {}

  async download(recordingId: string): Promise<boolean> {
    const row = await this.deps.repo.byId(recordingId);
    if (!row || (row.status !== 'pending' && row.status !== 'downloading') || !row.source) return false;
    if (row.source.kind === 'upload') return true;
    try {
      const plan = await this.plan(row);
      await this.deps.repo.update(row.id, { status: 'downloading', error: null }, this.deps.clock.now());
      const tracks = await this.copy(row, plan);
      const size = tracks.reduce((sum, t) => sum + t.size, 0);
      await this.deps.repo.update(row.id, { tracks, sizeBytes: size }, this.deps.clock.now());
      this.deps.logger.info({ recordingId: row.id, objects: tracks.length, size }, 'recording downloaded');
      return true;
    } catch (error) {
      const refused = refusal(error);
      if (!refused) {
        // Transient (network, 5xx, timeouts): noted on the row and retried by the job with backoff.
        await this.deps.repo.update(row.id, { error: `retrying: ${messageOf(error)}` }, this.deps.clock.now());
        throw error;
      }
      await this.deps.repo.update(row.id, { status: refused.status, error: refused.reason }, this.deps.clock.now());
      this.deps.logger.warn({ recordingId: row.id, status: refused.status, reason: refused.reason }, 'recording download refused');
      throw new PermanentJobError(refused.reason, { cause: error });
    }
  }

  /** Resolves the source (asking the provider when needed) and lists what to copy where. */
  private async plan(row: RecordingRow): Promise<Planned[]> {
    const source = await this.resolve(row);
    if (source.kind === 'link') {
      const adapter = this.deps.catalog.adapterForExisting(row.platform);
      if (!adapter) throw new DownloadRefused('error', `the ${row.platform} platform is not configured here any more`);
      const link = await adapter.getRecordingLink(row.providerRecordingId);
      return [{ from: { url: link.url }, to: `recordings/${row.id}/composite.mp4`, meta: { startOffsetMs: 0 } }];
    }
    if (source.kind !== 'bucket') throw new DownloadRefused('error', `a ${source.kind} source cannot be downloaded`);
    const audio = source.keys.filter((k) => k.media !== 'video');
    if (audio.length === 0) throw new DownloadRefused('invalid', 'the provider reported no audio object for this recording');
    const users = await this.participantsBySession(row);
    const composite = row.kind === 'composite';
    return audio.map((k, i) => ({
      from: { bucket: source.bucket, key: k.key, region: source.region || this.deps.defaultRegion },
      to: `recordings/${row.id}/${composite ? 'composite' : `track-${i}`}.${extensionOf(k.key, composite ? 'mp4' : 'webm')}`,
      meta: {
        startOffsetMs: k.startOffsetMs ?? 0,
        ...(k.participantSessionId ? { participantSessionId: k.participantSessionId } : {}),
        ...(k.participantSessionId && users.get(k.participantSessionId)?.userId
          ? { participantUserId: users.get(k.participantSessionId)!.userId! }
          : {}),
        ...((k.participantName ?? users.get(k.participantSessionId ?? '')?.userName)
          ? { participantName: (k.participantName ?? users.get(k.participantSessionId ?? '')?.userName)! }
          : {}),
      },
    }));
  }

  /** The row's source, resolved through the adapter when the provider only reported keys; persisted. */
  private async resolve(row: RecordingRow): Promise<RecordingSourceRef> {
    const stored = row.source!;
    if (stored.kind !== 'provider') return stored;
    const adapter = this.deps.catalog.adapterForExisting(row.platform);
    if (!adapter) throw new DownloadRefused('error', `the ${row.platform} platform is not configured here any more`);
    const found: RecordingSource = await adapter.getRecordingSource({
      recordingId: row.providerRecordingId,
      kind: row.kind,
      keys: stored.keys,
      filename: stored.filename,
    });
    const resolved: RecordingSourceRef =
      found.kind === 'link'
        ? { kind: 'link' }
        : { kind: 'bucket', bucket: found.bucket, region: found.region ?? this.deps.defaultRegion, keys: keysOf(found) };
    await this.deps.repo.update(row.id, { source: resolved }, this.deps.clock.now());
    return resolved;
  }

  private async participantsBySession(row: RecordingRow) {
    if (!row.meetingId) return new Map<string, { userId: string | null; userName: string | null }>();
    const sessions = await this.deps.participants.sessions(row.meetingId);
    return new Map(sessions.map((s) => [s.providerSessionId, { userId: s.userId, userName: s.userName }]));
  }

  /** Copies every planned object (skipping ones already stored whole), within the size budget. */
  private async copy(row: RecordingRow, plan: Planned[]): Promise<StoredTrack[]> {
    const tracks: StoredTrack[] = [];
    let budget = this.deps.maxBytes;
    for (const item of plan) {
      const size = await this.copyOne(item, budget);
      budget -= size;
      tracks.push({ key: item.to, size, durationMs: null, ...item.meta });
    }
    return tracks;
  }

  private async copyOne(item: Planned, budget: number): Promise<number> {
    const tooLarge = (size: number) =>
      new DownloadRefused(
        'invalid',
        `the recording is larger than RECORDING_MAX_BYTES (${this.deps.maxBytes} bytes; an object of ${size})`,
      );
    if ('url' in item.from) {
      const response = await this.deps.http.get(item.from.url);
      if (response.contentLength !== null && response.contentLength > budget) {
        response.body.destroy();
        throw tooLarge(response.contentLength);
      }
      return (await this.deps.storage.put(item.to, response.body, { maxBytes: budget })).size;
    }
    const { bucket, key, region } = item.from;
    const client = this.deps.bucketClient(region);
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const length = head.ContentLength ?? 0;
    if (length > budget) throw tooLarge(length);
    const existing = await this.deps.storage.stat(item.to);
    if (existing && existing.size === length) return length; // copied whole by an earlier run
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!(object.Body instanceof Readable)) throw new Error('S3 GetObject returned no stream body');
    return (await this.deps.storage.put(item.to, object.Body, { maxBytes: budget })).size;
  }
}

function keysOf(found: Extract<RecordingSource, { kind: 'bucket' }>): RecordingSourceKey[] {
  const byKey = new Map((found.tracks ?? []).map((t) => [t.key, t]));
  return found.keys.map((key) => {
    const t = byKey.get(key);
    return {
      key,
      ...(t?.participantSessionId ? { participantSessionId: t.participantSessionId } : {}),
      ...(t?.startOffsetMs !== null && t?.startOffsetMs !== undefined ? { startOffsetMs: t.startOffsetMs } : {}),
      ...(t?.media ? { media: t.media } : {}),
    };
  });
}

/** The key's own extension (`.mp4`, `.mkv`, `.webm`), else `fallback` (Daily track keys have none). */
function extensionOf(key: string, fallback: string): string {
  const match = /\.([A-Za-z0-9]{2,5})$/.exec(key.split('/').at(-1) ?? '');
  return match?.[1]?.toLowerCase() ?? fallback;
}

/** Failures retrying cannot fix, as the status and reason the recording ends with. */
function refusal(error: unknown): DownloadRefused | null {
  if (error instanceof DownloadRefused) return error;
  if (error instanceof ObjectTooLargeError)
    return new DownloadRefused('invalid', `the recording is larger than RECORDING_MAX_BYTES (${error.maxBytes} bytes)`);
  if (isNotFound(error)) return new DownloadRefused('error', `a source object is missing from the provider's bucket: ${messageOf(error)}`);
  if (error instanceof UnsafeUrlError) return new DownloadRefused('error', error.message);
  if (error instanceof SafeHttpStatusError && !error.retryable) return new DownloadRefused('error', error.message);
  if (error instanceof ConfigError) return new DownloadRefused('error', error.message);
  if (error instanceof ProviderError && !error.retryable && error.providerStatus !== 429)
    return new DownloadRefused('error', error.message);
  if (isAccessDenied(error)) return new DownloadRefused('error', `access to the provider's bucket was denied: ${messageOf(error)}`);
  return null;
}

function isAccessDenied(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'AccessDenied' || e?.$metadata?.httpStatusCode === 403;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
