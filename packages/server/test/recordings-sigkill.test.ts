import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { startDailyFake, type DailyFake } from '@meetbridge/fakes';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { EMULATOR_CREDENTIALS } from '@meetbridge/fakes';
import { DAILY_BUCKET, startRecordingBuckets, type RecordingBuckets } from './helpers/recordings.js';
import { freePort } from './helpers/server.js';

/**
 * A worker SIGKILLed in the middle of a download: the job stays active until its timeout
 * (RECORDING_DOWNLOAD_TIMEOUT_SECONDS), then runs again in the next process; the interrupted write
 * left only a `.partial` file, so the end is still one recording and one stored file per track.
 * Real child processes (`meetbridge serve`: API and workers) share the data directory, and the
 * database: PGlite there, or PostgreSQL with TEST_DATABASE_URL.
 */

const ROOT = join(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'packages/server/src/cli.ts');
const ffmpegPath = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;

interface Proc {
  url: string;
  child: ChildProcess;
  output: string[];
}

async function startProcess(env: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', CLI, 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), BASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  await vi.waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`process exited: ${output.join('')}`);
      const res = await fetch(`${url}/ready`).catch(() => undefined);
      expect(res?.status).toBe(200);
    },
    { timeout: 60_000, interval: 200 },
  );
  return { url, child, output };
}

async function kill(p: Proc | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((resolve) => p.child.once('exit', resolve));
  p.child.kill(signal);
  await exited;
}

/** A WAV tone of `seconds` (48 kHz stereo PCM: 192 kB per second, so large enough to interrupt). */
async function bigWav(seconds: number): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'meetbridge-wav-'));
  const out = join(dir, 'tone.wav');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(ffmpegPath, [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `sine=duration=${seconds}`,
      '-ar',
      '48000',
      '-ac',
      '2',
      out,
    ]);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}`))));
  });
  try {
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const post = (base: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('SIGKILL during a download', () => {
  let b: RecordingBuckets;
  let daily: DailyFake;
  let testDb: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  let first: Proc | undefined;
  let second: Proc | undefined;

  beforeAll(async () => {
    b = await startRecordingBuckets();
    const secret = randomBytes(32).toString('base64');
    daily = await startDailyFake({ webhookSecret: secret });
    testDb = process.env.TEST_DATABASE_URL ? await createTestDatabase() : undefined;
    await testDb?.database.close();
    dataDir = mkdtempSync(join(tmpdir(), 'meetbridge-sigkill-'));
    env = {
      ...EMULATOR_CREDENTIALS,
      ...b.env,
      DAILY_API_URL: daily.url,
      DAILY_API_KEY: daily.apiKey,
      DAILY_WEBHOOK_SECRET: secret,
      DAILY_MIGRATION_ENABLED: 'true',
      RECORDING_DOWNLOAD_TIMEOUT_SECONDS: '4',
      RECONCILE_INTERVAL_SECONDS: '3600',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(testDb?.url ? { DATABASE_URL: testDb.url } : {}),
    };
  }, 120_000);

  afterAll(async () => {
    await kill(first, 'SIGKILL');
    await kill(second);
    await daily?.close();
    await b?.stop();
    await testDb?.cleanup();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('resumes in the next process and still ends with one recording and one stored file per track', async () => {
    first = await startProcess(env);
    daily.control.setWebhookUrl(`${first.url}/v1/daily/webhook`);
    expect((await post(first.url, '/v1/rooms', { name: 'killed-room', platform: 'daily', recording_type: 'cloud' })).status).toBe(201);
    const meeting = (await (await post(first.url, '/v1/rooms/killed-room/meeting')).json()) as { id: string; provider_room_name: string };
    const room = meeting.provider_room_name;
    await daily.control.addParticipant({ room });
    await daily.control.addParticipant({ room });
    // The server starts the recording at the second participant.
    await vi.waitFor(() => expect(daily.control.state().recordings.some((r: any) => r.room_name === room)).toBe(true), {
      timeout: 30_000,
      interval: 100,
    });

    daily.control.setWebhookOptions({ hold: true });
    const fake: any = await daily.control.finishRecording({ room });
    const keys: string[] = fake.tracks.filter((t: any) => t.type === 'audio').map((t: any) => t.s3Key);
    const wav = await bigWav(600); // ~115 MB per track
    for (const key of keys) await b.put(DAILY_BUCKET, key, wav);

    const list = async (base: string) =>
      ((await (await fetch(`${base}/v1/meetings/${meeting.id}/recordings`)).json()) as { items: any[] }).items;
    const [pending] = await list(first.url);
    const dir = join(dataDir, 'storage', 'recordings', pending.id);
    const files = () => {
      try {
        return readdirSync(dir);
      } catch {
        return [];
      }
    };
    daily.control.setWebhookOptions({});
    await daily.control.flushWebhooks();

    // Kill the worker as soon as a download is being written.
    await vi.waitFor(() => expect(files().some((f) => f.endsWith('.partial'))).toBe(true), { timeout: 30_000, interval: 2 });
    await kill(first, 'SIGKILL');
    const left = files();
    expect(left.some((f) => f.endsWith('.partial'))).toBe(true);
    expect(left.filter((f) => !f.endsWith('.partial')).length).toBeLessThan(keys.length);

    // Past the job's timeout, the next process takes the download over.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    second = await startProcess(env);
    await vi.waitFor(
      async () => {
        const [rec] = await list(second!.url);
        expect(rec.status).toBe('stored');
      },
      { timeout: 60_000, interval: 250 },
    );
    const items = await list(second.url);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ id: pending.id, status: 'stored', kind: 'tracks' });
    expect(items[0].tracks).toHaveLength(keys.length);
    expect(files().sort()).toEqual(['track-0.webm', 'track-1.webm']);
    for (const t of items[0].tracks) expect(t.size_bytes).toBe(wav.length);
  }, 240_000);
});
