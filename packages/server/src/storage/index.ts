import { LocalStorage } from './local.js';
import { createS3Client, S3Storage, type S3Settings } from './s3.js';
import type { Storage } from './storage.js';

export * from './storage.js';
export { LocalStorage } from './local.js';
export { createS3Client, isNotFound, S3Storage, type S3Settings } from './s3.js';

/** `STORAGE_BACKEND` and its settings. */
export type StorageConfig = { backend: 'local'; dir: string } | { backend: 's3'; bucket: string; prefix: string };

/** The configured storage of this process. */
export function createStorage(config: StorageConfig, s3: S3Settings): Storage {
  return config.backend === 'local' ? new LocalStorage(config.dir) : new S3Storage(createS3Client(s3), config.bucket, config.prefix);
}
