import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAiFake, type OpenAiFake } from '@meetbridge/fakes';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audioKeyOf, workKeyOf } from '../src/modules/pipeline/keys.js';
import { waitForJob } from './helpers/jobs.js';
import { startTestServer, type TestServer } from './helpers/server.js';
import { settledDeliveries, startWebhookReceiver, storeRecording, waitForTranscript, writeSpeech } from './helpers/pipeline.js';

/**
 * The pipeline end to end on a real server (PGlite or PostgreSQL, local storage, the job queue)
 * with the OpenAI fake as a real HTTP listener: a two-track recording → transcript with both
 * participants' names in order and true times → downloads, audio with ranges, a signed outbound
 * webhook (verified with the standardwebhooks package) retried after a 500, reprocess, consent purge.
 */

let fake: OpenAiFake;
let t: TestServer;
let hook: Awaited<ReturnType<typeof startWebhookReceiver>>;
let dir: string;
const secret = `whsec_${randomBytes(32).toString('base64')}`;
let meeting: { id: string; roomId: string };
let recordingId: string;
let transcriptId: string;

// Ann joins at 0.5 s and speaks at 0–1.5 and 6–7 s of her track; Bob's track starts at 3 s and he
// speaks at 0.2–1.2 and 5.5–6.5 s of it. On the meeting timeline:
const TRUTH = [
  ['Ann Lee', 0.5, 2.0],
  ['bob-provider', 3.2, 4.2],
  ['Ann Lee', 6.5, 7.5],
  ['bob-provider', 8.5, 9.5],
] as const;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipeline-server-'));
  fake = await startOpenAiFake();
  hook = await startWebhookReceiver([500]);
  t = await startTestServer({
    TRANSCRIPTION_URL: fake.url,
    TRANSCRIPTION_MODEL: 'whisper-1',
    TRANSCRIPTION_API_KEY: fake.apiKey ?? '',
    LLM_URL: fake.url,
    LLM_MODEL: 'gpt-4o-mini',
    LLM_API_KEY: fake.apiKey ?? '',
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    PIPELINE_RETRY_DELAY_SECONDS: '1',
  });
  const room = await t.request('POST', '/v1/rooms', { body: { name: 'standup', webhook_url: hook.url, webhook_secret: secret } });
  expect(room.status).toBe(201);
  expect(room.body).toMatchObject({ webhook_url: hook.url, webhook_secret_set: true });
  expect(JSON.stringify(room.body)).not.toContain(secret.slice(6));
  const created = await t.request('POST', '/v1/rooms/standup/meeting');
  meeting = { id: created.body.id, roomId: created.body.room_id };
  const c = t.server.container;
  await c.participants.recordJoin(t.server.database.db, meeting.id, {
    providerSessionId: 'sess-ann',
    userId: 'u-ann',
    userName: 'Ann Lee',
    at: new Date(),
  });
  const ann = await writeSpeech(join(dir, 'ann.webm'), 8, [
    [0, 1.5],
    [6, 7],
  ]);
  const bob = await writeSpeech(
    join(dir, 'bob.webm'),
    7,
    [
      [0.2, 1.2],
      [5.5, 6.5],
    ],
    700,
  );
  const row = await storeRecording(t, meeting, 'tracks', [
    { file: ann, startOffsetMs: 500, participantSessionId: 'sess-ann' },
    { file: bob, startOffsetMs: 3000, participantSessionId: 'sess-bob', participantName: 'bob-provider' },
  ]);
  recordingId = row.id;
  const done = await waitForTranscript(t, recordingId, ['done', 'error']);
  transcriptId = done.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
  await Promise.all([fake?.close(), hook?.close(), rm(dir, { recursive: true, force: true })]);
});

describe('a two-track recording', () => {
  it('ends as a transcript whose segments alternate speakers in order, within 0.5 s of the truth', async () => {
    const res = await t.request('GET', `/v1/transcripts/${transcriptId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'done', stage: 'done', progress: 1, error: null, kind: 'tracks', meeting_id: meeting.id });
    const segments = res.body.segments as { speaker: string; start: number; end: number; text: string }[];
    expect(segments.map((s) => s.speaker)).toEqual(TRUTH.map((x) => x[0]));
    segments.forEach((s, i) => {
      expect(Math.abs(s.start - TRUTH[i]![1])).toBeLessThan(0.5);
      expect(Math.abs(s.end - TRUTH[i]![2])).toBeLessThan(0.5);
    });
    expect(res.body.duration).toBeGreaterThan(9.5);
    // The run's intermediate files go right after the run is marked done (not in its transaction,
    // so the API can show `done` a moment before they are deleted); the mixed MP3 stays.
    const storage = t.server.container.storage;
    await expect.poll(() => storage.stat(workKeyOf(transcriptId, 1, 0)), { timeout: 10_000 }).toBeNull();
    await expect.poll(() => storage.stat(workKeyOf(transcriptId, 1, 1)), { timeout: 10_000 }).toBeNull();
    expect(await storage.stat(audioKeyOf(transcriptId))).not.toBeNull();
  });

  it('has a summary from the chat backend', async () => {
    const res = await t.request('GET', `/v1/transcripts/${transcriptId}`);
    expect(res.body.title).toEqual(expect.any(String));
    expect(res.body.summary).toEqual(expect.any(String));
    expect(res.body.summary_error).toBeNull();
  });

  it('is listed for its room and meeting', async () => {
    const byMeeting = await t.request('GET', `/v1/transcripts?meeting_id=${meeting.id}`);
    expect(byMeeting.body).toMatchObject({ total: 1, items: [{ id: transcriptId, recording_id: recordingId }] });
    expect(byMeeting.body.items[0].segments).toBeUndefined();
    const other = await t.request('GET', `/v1/transcripts?room_id=${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`);
    expect(other.body.total).toBe(0);
  });

  it.each([
    ['vtt', 'text/vtt', '<v Ann Lee>speech 1'],
    ['srt', 'application/x-subrip', 'bob-provider: speech 1'],
    ['txt', 'text/plain', '] Ann Lee: speech 1'],
    ['json', 'application/json', '"speaker": "bob-provider"'],
  ])('downloads as %s with a file name', async (format, type, excerpt) => {
    const res = await t.request('GET', `/v1/transcripts/${transcriptId}/download?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="transcript-${transcriptId}.${format}"`);
    const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body, null, 2);
    expect(text).toContain(excerpt);
  });

  it('refuses an unknown download format with a problem', async () => {
    const res = await t.request('GET', `/v1/transcripts/${transcriptId}/download?format=docx`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves the mixed MP3 whole and in ranges (206), and answers 416 outside it', async () => {
    const whole = await fetch(`${t.url}/v1/transcripts/${transcriptId}/audio`);
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(Number(whole.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.length).toBeGreaterThan(1000);

    const part = await fetch(`${t.url}/v1/transcripts/${transcriptId}/audio`, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(100, 200));

    const tail = await fetch(`${t.url}/v1/transcripts/${transcriptId}/audio`, { headers: { range: 'bytes=-10' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(bytes.length - 10));

    const outside = await fetch(`${t.url}/v1/transcripts/${transcriptId}/audio`, { headers: { range: `bytes=${bytes.length}-` } });
    expect(outside.status).toBe(416);
    expect(outside.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });
});

describe('the outbound webhook', () => {
  it('arrives signed the Standard Webhooks way, and is retried with the same id after a 500', async () => {
    const [first, second] = await hook.next(2, 30_000);
    const verifier = new Webhook(secret);
    for (const delivery of [first!, second!]) {
      const headers = {
        'webhook-id': String(delivery.headers['webhook-id']),
        'webhook-timestamp': String(delivery.headers['webhook-timestamp']),
        'webhook-signature': String(delivery.headers['webhook-signature']),
      };
      const payload = verifier.verify(delivery.body, headers) as {
        type: string;
        data: { transcript: { id: string; segments: unknown[] } };
      };
      expect(payload.type).toBe('transcript.completed');
      expect(payload.data.transcript.id).toBe(transcriptId);
      expect(payload.data.transcript.segments).toHaveLength(4);
    }
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.body).toBe(first!.body);
    expect(() => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(first!.body, first!.headers as never)).toThrow();

    const deliveries = await settledDeliveries(t, meeting.roomId);
    expect(deliveries.body.items[0]).toMatchObject({
      event_id: first!.headers['webhook-id'],
      event_type: 'transcript.completed',
      transcript_id: transcriptId,
      status: 'delivered',
      attempts: 2,
      last_status: 200,
    });
  });
});

describe('reprocess', () => {
  it('runs the pipeline again (409 while it runs) and ends done with the same segments', async () => {
    const started = await t.request('POST', `/v1/transcripts/${transcriptId}/reprocess`);
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', stage: 'prepare' });
    const again = await t.request('POST', `/v1/transcripts/${transcriptId}/reprocess`);
    expect(again.status).toBe(409);
    const done = await waitForTranscript(t, recordingId, ['done', 'error']);
    expect(done.status).toBe('done');
    expect(done.run).toBe(2);
    expect(done.segments.map((s) => s.speaker)).toEqual(TRUTH.map((x) => x[0]));
  }, 60_000);
});

describe('consent', () => {
  it('a participant who declines gets the audio deleted once processing is done (410); the text stays', async () => {
    const purged = waitForJob(t.server.queue, 'recording.purge', () => true, 30_000);
    const declined = await t.request('POST', `/v1/meetings/${meeting.id}/consent`, {
      body: { consent_given: false, device_id: 'device-bob' },
    });
    expect(declined.status).toBeLessThan(300);
    expect((await purged).state).toBe('completed');
    const audio = await t.request('GET', `/v1/transcripts/${transcriptId}/audio`);
    expect(audio.status).toBe(410);
    expect(await t.server.container.storage.stat(audioKeyOf(transcriptId))).toBeNull();
    const res = await t.request('GET', `/v1/transcripts/${transcriptId}`);
    expect(res.body).toMatchObject({ audio_deleted: true, audio_available: false });
    expect(res.body.segments).toHaveLength(4);
    expect((await t.request('POST', `/v1/transcripts/${transcriptId}/reprocess`)).status).toBe(409);
  });
});

describe('access', () => {
  it('only the room owner reads a transcript', async () => {
    const service = t.server.container.pipeline.transcripts;
    await expect(service.read({ id: 'someone-else', name: null }, transcriptId)).rejects.toMatchObject({ status: 403 });
    expect((await service.list({ id: 'someone-else', name: null }, {}, 1, 20)).total).toBe(0);
    expect((await t.request('GET', `/v1/transcripts/${'1'.repeat(8)}-1111-4111-8111-${'1'.repeat(12)}`)).status).toBe(404);
  });
});

describe("a room's webhook settings", () => {
  it('needs a whsec_ secret with a URL, and never returns the secret', async () => {
    const noSecret = await t.request('POST', '/v1/rooms', { body: { name: 'hookless', webhook_url: 'https://example.com/hook' } });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.errors[0].field).toBe('body.webhook_secret');
    const badSecret = await t.request('POST', '/v1/rooms', {
      body: { name: 'hookless', webhook_url: 'https://example.com/hook', webhook_secret: 'hunter2' },
    });
    expect(badSecret.status).toBe(400);
    expect(JSON.stringify(badSecret.body)).not.toContain('hunter2');
    const room = await t.request('POST', '/v1/rooms', { body: { name: 'hookless' } });
    expect(room.body).toMatchObject({ webhook_url: null, webhook_secret_set: false });
    const urlOnly = await t.request('PATCH', `/v1/rooms/${room.body.id}`, { body: { webhook_url: 'https://example.com/hook' } });
    expect(urlOnly.status).toBe(400);
    const both = await t.request('PATCH', `/v1/rooms/${room.body.id}`, {
      body: { webhook_url: 'https://example.com/hook', webhook_secret: secret },
    });
    expect(both.body).toMatchObject({ webhook_url: 'https://example.com/hook', webhook_secret_set: true });
    expect(both.body.webhook_secret).toBeUndefined();
    const off = await t.request('PATCH', `/v1/rooms/${room.body.id}`, { body: { webhook_url: null } });
    expect(off.body).toMatchObject({ webhook_url: null, webhook_secret_set: true });
  });
});
