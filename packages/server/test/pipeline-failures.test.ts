import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAiFake, type OpenAiFake } from '@meetbridge/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from './helpers/database.js';
import { waitForJob } from './helpers/jobs.js';
import { storeRecording, transcriptOf, waitForTranscript, writeSpeech } from './helpers/pipeline.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/**
 * The pipeline when things are missing or fail: no transcription backend (awaiting_backend, then a
 * process with one resumes it; the composite path with a diarizing backend), a stage failing twice
 * then succeeding, a permanent backend error, audio that cannot be placed, and a webhook target on a
 * private address.
 */

let fake: OpenAiFake;
let testDb: TestDatabase;
let t: TestServer;
let dir: string;
let composite: string;
let meeting: { id: string; roomId: string };

const backendEnv = () => ({
  DATA_DIR: join(dir, 'data'),
  TRANSCRIPTION_URL: fake.url,
  TRANSCRIPTION_MODEL: 'gpt-4o-transcribe-diarize',
  TRANSCRIPTION_API_KEY: fake.apiKey ?? '',
  TRANSCRIPTION_DIARIZATION: 'true',
  PIPELINE_RETRY_DELAY_SECONDS: '1',
});

/** The room's deliveries once the newest is no longer pending (waiting on the delivery jobs, not sleeping). */
async function settledDeliveries(server: TestServer, roomId: string) {
  for (;;) {
    const settled = waitForJob(server.server.queue, 'pipeline.deliver-webhook');
    settled.catch(() => undefined);
    const res = await server.request('GET', `/v1/rooms/${roomId}/webhook-deliveries`);
    if (res.body.items[0]?.status !== 'pending') return res;
    await settled;
  }
}

function transcriptionRequests(): number {
  return fake.control.requests().filter((r) => r.path === '/v1/audio/transcriptions').length;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipeline-failures-'));
  fake = await startOpenAiFake();
  testDb = await createTestDatabase();
  // Two people in one mixed file: 0.5–1.5 s and 3–4 s.
  composite = await writeSpeech(join(dir, 'composite.webm'), 5, [
    [0.5, 1.5],
    [3, 4],
  ]);
});

afterAll(async () => {
  await t?.close();
  await testDb?.cleanup();
  await Promise.all([fake?.close(), rm(dir, { recursive: true, force: true })]);
});

describe('without a transcription backend', () => {
  it('waits in awaiting_backend naming the variables, then resumes in a process that has one', async () => {
    // Both processes share the database and the storage (DATA_DIR), as replicas do.
    const bare = await startTestServer({ DATA_DIR: join(dir, 'data'), PIPELINE_RETRY_DELAY_SECONDS: '1' }, { testDb });
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    // The room's webhook points at a loopback address, which this deployment does not allow.
    const room = await bare.request('POST', '/v1/rooms', {
      body: { name: 'no-backend', webhook_url: 'http://127.0.0.1:9/hook', webhook_secret: secret },
    });
    const created = await bare.request('POST', '/v1/rooms/no-backend/meeting');
    meeting = { id: created.body.id, roomId: room.body.id };
    const rec = await storeRecording(bare, meeting, 'composite', [{ file: composite, startOffsetMs: 0 }]);
    const waiting = await waitForTranscript(bare, rec.id, ['awaiting_backend', 'error', 'done']);
    expect(waiting).toMatchObject({ status: 'awaiting_backend', stage: 'transcribe' });
    expect(waiting.error).toContain('TRANSCRIPTION_URL');
    expect(waiting.error).toContain('TRANSCRIPTION_MODEL');
    expect(waiting.error).toContain('TRANSCRIPTION_API_KEY');
    // The audio was prepared meanwhile.
    const api = await bare.request('GET', `/v1/transcripts/${waiting.id}`);
    expect(api.body).toMatchObject({ status: 'awaiting_backend', audio_available: true, segments: [] });

    // Another meeting's recording also waits; a participant declines consent meanwhile: its audio is
    // not kept for a backend that may never come.
    await bare.request('POST', '/v1/rooms', { body: { name: 'declined' } });
    const other = (await bare.request('POST', '/v1/rooms/declined/meeting')).body;
    const declinedRec = await storeRecording(bare, { id: other.id, roomId: other.room_id }, 'composite', [
      { file: composite, startOffsetMs: 0 },
    ]);
    await waitForTranscript(bare, declinedRec.id, ['awaiting_backend']);
    const purged = waitForJob(bare.server.queue, 'recording.purge', () => true, 30_000);
    await bare.request('POST', `/v1/meetings/${other.id}/consent`, { body: { consent_given: false, device_id: 'device-1' } });
    expect((await purged).state).toBe('completed');
    expect((await bare.request('GET', `/v1/transcripts/${(await transcriptOf(bare, declinedRec.id)).id}/audio`)).status).toBe(410);
    await bare.close();

    t = await startTestServer(backendEnv(), { testDb });
    const gaveUp = await waitForTranscript(t, declinedRec.id, ['done', 'error']);
    expect(gaveUp).toMatchObject({ status: 'error', stage: 'transcribe', audioDeleted: true });
    expect(gaveUp.error).toContain('declined consent');
    const done = await waitForTranscript(t, rec.id, ['done', 'error']);
    expect(done).toMatchObject({ status: 'done', error: null });
    // Composite with a diarizing backend: its speakers, numbered in order of appearance, true times.
    expect(done.segments.map((s) => [s.speaker, Math.round(s.start), Math.round(s.end)])).toEqual([
      ['Speaker 1', 1, 2],
      ['Speaker 2', 3, 4],
    ]);
    // No summary backend configured: done without a summary.
    expect(done).toMatchObject({ summary: null, summaryError: null });
  }, 90_000);

  it('never posts a webhook to a private address unless allowed', async () => {
    const deliveries = await settledDeliveries(t, meeting.roomId);
    expect(deliveries.body.items).toHaveLength(1);
    expect(deliveries.body.items[0]).toMatchObject({ status: 'failed', attempts: 1, last_status: null });
    expect(deliveries.body.items[0].last_error).toContain('private, loopback or reserved');
  });
});

describe('stage failures', () => {
  it('retries a stage that fails twice, then succeeds', async () => {
    const before = transcriptionRequests();
    // Each job attempt makes 3 requests (the backend's own quick retries): two attempts fail.
    fake.control.setFault({ path: '/v1/audio/transcriptions', status: 503, times: 6 });
    const rec = await storeRecording(t, meeting, 'composite', [{ file: composite, startOffsetMs: 0 }]);
    const done = await waitForTranscript(t, rec.id, ['done', 'error'], 90_000);
    expect(done).toMatchObject({ status: 'done', error: null });
    expect(done.segments).toHaveLength(2);
    expect(transcriptionRequests() - before).toBe(7);
  }, 120_000);

  it('stops at once on a permanent backend error, with the reason', async () => {
    const before = transcriptionRequests();
    fake.control.setFault({ path: '/v1/audio/transcriptions', status: 400, times: 1 });
    const rec = await storeRecording(t, meeting, 'composite', [{ file: composite, startOffsetMs: 0 }]);
    const failed = await waitForTranscript(t, rec.id, ['done', 'error']);
    expect(failed).toMatchObject({ status: 'error', stage: 'transcribe' });
    expect(failed.error).toMatch(/400/);
    expect(transcriptionRequests() - before).toBe(1);
    const api = await t.request('GET', `/v1/transcripts/${failed.id}`);
    expect(api.body).toMatchObject({ status: 'error', stage: 'transcribe' });
  }, 60_000);

  it('stops at once on audio it cannot place (a track that ends before the meeting starts)', async () => {
    // Unreadable files are refused by the recordings module's validation and never reach the pipeline;
    // this one is valid audio, but lies entirely before the meeting's time 0.
    const rec = await storeRecording(t, meeting, 'composite', [{ file: composite, startOffsetMs: -60_000 }]);
    const failed = await waitForTranscript(t, rec.id, ['done', 'error']);
    expect(failed).toMatchObject({ status: 'error', stage: 'prepare' });
    expect(failed.error).toContain("ends before the meeting's time 0");
  }, 60_000);
});
