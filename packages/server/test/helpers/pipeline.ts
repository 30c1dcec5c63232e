import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { createFfmpeg, loadFfmpegConfig, type Ffmpeg } from '@meetbridge/pipeline';
import { recording, type RecordingRow, type StoredTrack, type TranscriptRow } from '../../src/db/schema/index.js';
import { waitForJob } from './jobs.js';
import type { TestServer } from './server.js';

/**
 * Test helpers of the pipeline module: audio written with the pipeline package's ffmpeg, a stored
 * recording as the recordings module leaves it (row + objects in storage, announced through
 * `RecordingService.stored`), waiting for a transcript's status without sleeping, and a webhook
 * receiver on a real listener.
 */

/** ffmpeg as the pipeline package finds it (FFMPEG_PATH or the installer binary). */
export const ff: Ffmpeg = createFfmpeg(loadFfmpegConfig(process.env));

/** Writes a WebM/Opus "recording": a tone during `speech` (seconds), digital silence elsewhere. */
export async function writeSpeech(out: string, durationSec: number, speech: readonly [number, number][], frequency = 440): Promise<string> {
  const enable = speech.map(([a, b]) => `between(t,${a},${b})`).join('+') || '0';
  await ff.ffmpeg([
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${frequency}:sample_rate=48000:duration=${durationSec}:samples_per_frame=240`,
    '-af',
    `volume=volume=0:enable='not(${enable})'`,
    '-ac',
    '1',
    '-c:a',
    'libopus',
    '-b:a',
    '32k',
    out,
  ]);
  return out;
}

/** One track of a test recording. */
export interface TestTrack {
  file: string;
  startOffsetMs: number;
  participantSessionId?: string;
  participantUserId?: string;
  participantName?: string;
}

/**
 * Puts the tracks in storage and inserts a `pending` recording row holding them (as an upload leaves
 * it), then queues `recording.validate`: the recordings module checks the audio, marks it `stored`
 * and, in that transaction, the pipeline queues its processing. Returns the recording row.
 */
export async function storeRecording(
  t: TestServer,
  meeting: { id: string; roomId: string },
  kind: 'tracks' | 'composite',
  tracks: readonly TestTrack[],
): Promise<RecordingRow> {
  const c = t.server.container;
  const id = randomUUID();
  const stored: StoredTrack[] = [];
  for (const [i, track] of tracks.entries()) {
    const key = `recordings/${id}/track-${i}.webm`;
    const { size } = await c.storage.put(key, createReadStream(track.file), { contentType: 'audio/webm' });
    const { file: _file, ...rest } = track;
    stored.push({ ...rest, key, size, durationMs: null });
  }
  const [row] = await t.server.database.db
    .insert(recording)
    .values({
      id,
      meetingId: meeting.id,
      roomId: meeting.roomId,
      platform: 'mock',
      providerRecordingId: `rec-${id}`,
      kind,
      status: 'pending',
      source: { kind: 'upload' },
      tracks: stored,
      recordedAt: new Date(),
    })
    .returning();
  await c.jobs.send('recording.validate', { recordingId: id });
  return row!;
}

/** The transcript of a recording, straight from the database. */
export async function transcriptOf(t: TestServer, recordingId: string): Promise<TranscriptRow> {
  const row = await t.server.container.pipeline.transcripts.ofRecording(recordingId);
  if (!row) throw new Error(`no transcript for recording ${recordingId}`);
  return row;
}

/**
 * Resolves with the transcript once its status is one of `statuses`, checking after every settled
 * pipeline job of this process (no polling sleeps). Rejects after `timeoutMs`.
 */
export function waitForTranscript(
  t: TestServer,
  recordingId: string,
  statuses: readonly string[],
  timeoutMs = 60_000,
): Promise<TranscriptRow> {
  const queue = t.server.queue;
  return new Promise((resolve, reject) => {
    let last = 'none';
    const check = () => {
      transcriptOf(t, recordingId).then(
        (row) => {
          last = row.status;
          if (!statuses.includes(row.status)) return;
          cleanup();
          resolve(row);
        },
        () => undefined,
      );
    };
    const listener = (job: { name: string }) => {
      if (job.name.startsWith('pipeline.')) check();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`transcript of ${recordingId} not ${statuses.join('|')} within ${timeoutMs} ms (last: ${last})`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      queue.events.off('settled', listener);
    };
    queue.events.on('settled', listener);
    check();
  });
}

/** A room's outbound webhook deliveries once the newest is no longer pending (waiting on the delivery jobs, not sleeping). */
export async function settledDeliveries(t: TestServer, roomId: string): Promise<{ status: number; body: any }> {
  for (;;) {
    const settled = waitForJob(t.server.queue, 'pipeline.deliver-webhook');
    settled.catch(() => undefined);
    const res = await t.request('GET', `/v1/rooms/${roomId}/webhook-deliveries`);
    if (res.body.items[0]?.status !== 'pending') return res;
    await settled;
  }
}

/** One request the webhook receiver got. */
export interface ReceivedWebhook {
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

/** A webhook receiver on a loopback port: answers each request with the next of `statuses` (then 200). */
export async function startWebhookReceiver(statuses: number[] = []): Promise<{
  url: string;
  received: ReceivedWebhook[];
  next(count: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}> {
  const received: ReceivedWebhook[] = [];
  const waiters: (() => void)[] = [];
  const server: HttpServer = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      res.writeHead(statuses.shift() ?? 200).end('ok');
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hooks/meetbridge`,
    received,
    next: (count, timeoutMs = 30_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} webhooks within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve(received.slice(0, count));
          } else waiters.push(check);
        };
        check();
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
