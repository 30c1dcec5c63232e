import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import {
  assertValidKey,
  byteCounter,
  ObjectNotFoundError,
  type ByteRange,
  type PutOptions,
  type Storage,
  type StoredObject,
} from './storage.js';

/** Removes what an earlier writer of `target` killed mid-write left behind (`<target>.<uuid>.partial`). */
async function removeStalePartials(target: string): Promise<void> {
  const prefix = `${basename(target)}.`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name.endsWith('.partial')) await rm(join(dirname(target), name), { force: true });
  }
}

/** Files under one directory (the embedded default: `DATA_DIR/storage`). */
export class LocalStorage implements Storage {
  readonly backend = 'local' as const;

  constructor(private readonly root: string) {}

  private path(key: string): string {
    assertValidKey(key);
    return join(this.root, ...key.split('/'));
  }

  async put(key: string, body: Readable, options: PutOptions = {}): Promise<StoredObject> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    await removeStalePartials(target);
    // Written next to the target and renamed into place: a reader never sees half a file, and a
    // process killed mid-write leaves only a `.partial` file, removed by the next write of the key.
    const partial = `${target}.${randomUUID()}.partial`;
    const counter = byteCounter(options.maxBytes);
    try {
      // 1 MiB writes: fewer, larger write calls keep a large download near the disk's speed.
      await pipeline(body, counter, createWriteStream(partial, { highWaterMark: 2 ** 20 }));
      await rename(partial, target);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return { key, size: counter.bytes() };
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.path(key);
    if (!(await this.stat(key))) throw new ObjectNotFoundError(key);
    return createReadStream(path, range ? { start: range.start, end: range.end } : {});
  }

  async stat(key: string): Promise<StoredObject | null> {
    try {
      const info = await stat(this.path(key));
      return info.isFile() ? { key, size: info.size } : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async withLocalFile<T>(key: string, fn: (path: string) => Promise<T>): Promise<T> {
    if (!(await this.stat(key))) throw new ObjectNotFoundError(key);
    return fn(this.path(key));
  }
}
