import { Transform, type Readable } from 'node:stream';

/**
 * Where Meetbridge keeps the files it owns (recordings, prepared audio): one interface, local disk
 * under `DATA_DIR` (the embedded default) or an S3 / S3-compatible bucket. Keys are relative,
 * `/`-separated paths such as `recordings/<id>/track-0.webm`; a backend maps them to its own layout.
 *
 * Everything streams: no method holds a whole object in memory.
 */
export interface Storage {
  /** `local` or `s3`, for logs and the health page. */
  readonly backend: 'local' | 's3';
  /**
   * Stores `body` under `key`, replacing what was there. Atomic: readers see the old object or the
   * whole new one, never a partial one. Fails with `ObjectTooLargeError` (and stores nothing) once
   * more than `maxBytes` arrive.
   */
  put(key: string, body: Readable, options?: PutOptions): Promise<StoredObject>;
  /** Streams an object, or the inclusive byte range `[start, end]` of it. `ObjectNotFoundError` if absent. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Size of an object, or `null` when it does not exist. */
  stat(key: string): Promise<StoredObject | null>;
  /** Deletes an object; deleting a missing object succeeds (idempotent). */
  delete(key: string): Promise<void>;
  /**
   * Runs `fn` with a path on local disk holding the object (tools such as ffprobe and ffmpeg need a
   * file). Local storage passes its own file; S3 downloads to a temporary file removed afterwards.
   */
  withLocalFile<T>(key: string, fn: (path: string) => Promise<T>): Promise<T>;
}

export interface PutOptions {
  contentType?: string;
  maxBytes?: number;
}

export interface StoredObject {
  key: string;
  size: number;
}

export interface ByteRange {
  start: number;
  /** Inclusive; absent = to the end. */
  end?: number;
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored object under "${key}"`);
    this.name = 'ObjectNotFoundError';
  }
}

export class ObjectTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The object is larger than the limit of ${maxBytes} bytes`);
    this.name = 'ObjectTooLargeError';
  }
}

/** Rejects keys that could leave the storage root or that S3 would treat differently from disk. */
export function assertValidKey(key: string): void {
  const ok =
    key.length > 0 &&
    key.length <= 900 &&
    !key.startsWith('/') &&
    !key.includes('\\') &&
    !key.includes('\0') &&
    key.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
  if (!ok) throw new Error(`Invalid storage key "${key.slice(0, 100)}": use relative a/b/c paths without "." or ".." parts`);
}

/** A pass-through that counts bytes and fails with `ObjectTooLargeError` past `maxBytes`. */
export function byteCounter(maxBytes = Number.POSITIVE_INFINITY): Transform & { bytes: () => number } {
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      if (bytes > maxBytes) callback(new ObjectTooLargeError(maxBytes));
      else callback(null, chunk);
    },
  });
  return Object.assign(counter, { bytes: () => bytes });
}
