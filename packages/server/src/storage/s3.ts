import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import {
  assertValidKey,
  byteCounter,
  ObjectNotFoundError,
  type ByteRange,
  type PutOptions,
  type Storage,
  type StoredObject,
} from './storage.js';

/** How this process reaches S3 (and S3-compatible servers). Credentials come from the SDK's default chain. */
export interface S3Settings {
  region: string;
  /** `S3_ENDPOINT_URL`: an S3-compatible server (MinIO, s3rver); absent = AWS. */
  endpoint?: string;
  /** `S3_FORCE_PATH_STYLE`: `http://host/bucket/key` instead of `http://bucket.host/key`. */
  forcePathStyle: boolean;
}

/**
 * One S3 client for every bucket this process reads or writes: our own storage and the buckets
 * providers deliver recordings to. Checksums are computed only when an operation requires them:
 * with the SDK's default (aws-chunked bodies with a CRC32 trailer) some S3-compatible servers store
 * the chunk framing inside the object without an error (measured with s3rver 3.7.1).
 */
export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    endpoint: settings.endpoint,
    forcePathStyle: settings.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** True for the "no such object" answers of GetObject/HeadObject. */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}

/** Objects in one bucket, under an optional prefix (`STORAGE_S3_BUCKET`, `STORAGE_S3_PREFIX`). */
export class S3Storage implements Storage {
  readonly backend = 's3' as const;
  private readonly prefix: string;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    prefix = '',
  ) {
    this.prefix = prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix;
  }

  private objectKey(key: string): string {
    assertValidKey(key);
    return this.prefix + key;
  }

  async put(key: string, body: Readable, options: PutOptions = {}): Promise<StoredObject> {
    const counter = byteCounter(options.maxBytes);
    body.on('error', (error) => counter.destroy(error));
    // Multipart in 8 MiB parts, at most 4 in flight: memory stays bounded whatever the size. S3
    // makes the object visible only when the upload completes, so a failed or killed upload
    // leaves no partial object (AWS aborts the multipart upload; a lifecycle rule cleans the rest).
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key: this.objectKey(key), Body: body.pipe(counter), ContentType: options.contentType },
      partSize: 8 * 1024 * 1024,
      queueSize: 4,
      leavePartsOnError: false,
    });
    await upload.done();
    return { key, size: counter.bytes() };
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    try {
      const result = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: this.objectKey(key),
          Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined,
        }),
      );
      if (!(result.Body instanceof Readable)) throw new Error('S3 GetObject returned no stream body');
      return result.Body;
    } catch (error) {
      if (isNotFound(error)) throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return { key, size: head.ContentLength ?? 0 };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  async withLocalFile<T>(key: string, fn: (path: string) => Promise<T>): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'meetbridge-'));
    try {
      const path = join(dir, key.split('/').at(-1) ?? 'object');
      await pipeline(await this.get(key), createWriteStream(path));
      return await fn(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
