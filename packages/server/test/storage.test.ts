import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Client, LocalStorage, ObjectNotFoundError, ObjectTooLargeError, S3Storage, type Storage } from '../src/storage/index.js';
import { startS3, useEmulatorCredentials, type Emulator } from '@meetbridge/fakes';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** A stream of `size` pseudo-random bytes in 64 KiB chunks. */
function bytes(size: number): { stream: () => Readable; data: Buffer } {
  const data = randomBytes(size);
  return {
    data,
    stream: () =>
      Readable.from(
        (function* () {
          for (let i = 0; i < size; i += 65_536) yield data.subarray(i, i + 65_536);
        })(),
      ),
  };
}

let s3: Emulator;
let dir: string;
const backends: Record<string, () => Storage> = {};

beforeAll(async () => {
  useEmulatorCredentials();
  s3 = await startS3(['meetbridge-test']);
  dir = await mkdtemp(join(tmpdir(), 'meetbridge-storage-'));
  const client = createS3Client({ region: 'us-east-1', endpoint: s3.endpoint, forcePathStyle: true });
  await client.send(new CreateBucketCommand({ Bucket: 'meetbridge-test' })).catch(() => undefined);
  backends.local = () => new LocalStorage(dir);
  backends.s3 = () => new S3Storage(client, 'meetbridge-test', 'prefix/');
}, 30_000);

afterAll(async () => {
  await s3?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.each(['local', 's3'])('%s storage', (name) => {
  const storage = () => backends[name]!();

  it('streams an object in and out byte for byte (20 MiB, multipart on S3), with its size', async () => {
    const { data, stream } = bytes(20 * 1024 * 1024 + 17);
    const stored = await storage().put('recordings/a/track-0.webm', stream(), { contentType: 'audio/webm' });
    expect(stored).toEqual({ key: 'recordings/a/track-0.webm', size: data.length });
    expect(sha(await readAll(await storage().get('recordings/a/track-0.webm')))).toBe(sha(data));
    expect(await storage().stat('recordings/a/track-0.webm')).toEqual({ key: 'recordings/a/track-0.webm', size: data.length });
  });

  it('serves an inclusive byte range', async () => {
    await storage().put('ranges/x.bin', Readable.from([Buffer.from('0123456789')]));
    expect((await readAll(await storage().get('ranges/x.bin', { start: 2, end: 5 }))).toString()).toBe('2345');
    expect((await readAll(await storage().get('ranges/x.bin', { start: 7 }))).toString()).toBe('789');
  });

  it('refuses an object over the size limit and keeps nothing (the previous version stays)', async () => {
    await storage().put('limits/a.bin', Readable.from([Buffer.from('old')]));
    const { stream } = bytes(300_000);
    await expect(storage().put('limits/a.bin', stream(), { maxBytes: 100_000 })).rejects.toBeInstanceOf(ObjectTooLargeError);
    expect((await readAll(await storage().get('limits/a.bin'))).toString()).toBe('old');
  });

  it('reports a missing object as not found, and deleting it twice succeeds', async () => {
    expect(await storage().stat('missing/none')).toBeNull();
    await expect(storage().get('missing/none')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await storage().put('del/one', Readable.from([Buffer.from('x')]));
    await storage().delete('del/one');
    await storage().delete('del/one');
    expect(await storage().stat('del/one')).toBeNull();
  });

  it('hands tools a local file holding the object', async () => {
    await storage().put('files/a.txt', Readable.from([Buffer.from('hello')]));
    expect(await storage().withLocalFile('files/a.txt', (path) => readFile(path, 'utf8'))).toBe('hello');
  });

  it('rejects keys that could escape the storage root', async () => {
    for (const key of ['../x', 'a/../../x', '/abs', 'a//b', 'a\\b', '']) {
      await expect(storage().put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/Invalid storage key/);
    }
  });
});

it('local storage leaves no partial file behind after a failed write', async () => {
  const local = new LocalStorage(dir);
  const failing = new Readable({
    read() {
      this.push(Buffer.alloc(1024));
      this.destroy(new Error('connection reset'));
    },
  });
  await expect(local.put('partial/x.bin', failing)).rejects.toThrow('connection reset');
  const { readdir } = await import('node:fs/promises');
  expect(await readdir(join(dir, 'partial'))).toEqual([]);
});
