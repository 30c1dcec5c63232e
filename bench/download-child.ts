/**
 * The measured side of `bench/download.ts`, in a process of its own so its peak RSS is the download
 * path's: `RecordingDownloader.download` (the `recording.download` job's handler) copies one object
 * from a bucket (S3 GetObject, streamed) into local storage (atomic put with the size limit).
 * The recording row and its repository are in memory: this process measures the copy, not the
 * database. Prints one JSON line: {bytes, ms, maxRssMb, startRssMb}.
 */
import { randomUUID } from 'node:crypto';
import { silentLogger, systemClock, type PlatformCatalog } from '@meetbridge/platforms';
import type { RecordingRow } from '../packages/server/src/db/schema/index.js';
import type { SafeHttp } from '../packages/server/src/lib/safe-http.js';
import { RecordingDownloader } from '../packages/server/src/modules/recordings/download.js';
import type { RecordingRepo } from '../packages/server/src/modules/recordings/repo.js';
import type { ParticipantService } from '../packages/server/src/modules/participants/service.js';
import { createS3Client, LocalStorage } from '../packages/server/src/storage/index.js';

const { BENCH_S3_ENDPOINT, BENCH_BUCKET, BENCH_KEY, BENCH_STORAGE_DIR } = process.env;
if (!BENCH_S3_ENDPOINT || !BENCH_BUCKET || !BENCH_KEY || !BENCH_STORAGE_DIR) throw new Error('run through bench/download.ts');

const startRss = process.memoryUsage().rss;
const now = new Date();
const row = {
  id: randomUUID(),
  meetingId: null,
  roomId: null,
  platform: 'bench',
  providerRecordingId: 'bench',
  kind: 'composite',
  status: 'pending',
  source: { kind: 'bucket', bucket: BENCH_BUCKET, region: 'us-east-1', keys: [{ key: BENCH_KEY }] },
  tracks: [],
  recordedAt: null,
  durationMs: null,
  sizeBytes: null,
  error: null,
  audioDeleted: false,
  createdAt: now,
  updatedAt: now,
} as unknown as RecordingRow;
const repo = {
  byId: async () => row,
  update: async (_id: string, patch: Partial<RecordingRow>) => Object.assign(row, patch),
} as unknown as RecordingRepo;
const client = createS3Client({ region: 'us-east-1', endpoint: BENCH_S3_ENDPOINT, forcePathStyle: true });
const downloader = new RecordingDownloader({
  repo,
  participants: { sessions: async () => [] } as unknown as ParticipantService,
  catalog: {} as PlatformCatalog,
  storage: new LocalStorage(BENCH_STORAGE_DIR),
  bucketClient: () => client,
  defaultRegion: 'us-east-1',
  http: {} as SafeHttp,
  maxBytes: 8 * 1024 ** 3,
  clock: systemClock,
  logger: silentLogger,
});

const t0 = performance.now();
await downloader.download(row.id);
const ms = performance.now() - t0;
const bytes = row.tracks.reduce((sum, t) => sum + t.size, 0);
client.destroy();
console.log(JSON.stringify({ bytes, ms, maxRssMb: process.resourceUsage().maxRSS / 1024, startRssMb: startRss / 2 ** 20 }));
