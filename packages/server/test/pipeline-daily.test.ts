import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOpenAiFake, type OpenAiFake } from '@meetbridge/fakes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForJob } from './helpers/jobs.js';
import { waitForTranscript, writeSpeech } from './helpers/pipeline.js';
import { DAILY_BUCKET, startRecordingBuckets, type RecordingBuckets } from './helpers/recordings.js';
import { startWorld, type World } from './helpers/world.js';

/**
 * Issue 11's acceptance, on the real path: a Daily room → meeting → two participants → the server
 * starts a raw-tracks recording → Daily (the fake) writes one track per participant into the bucket
 * and sends `recording.ready-to-download` → download, validation (`stored`) → pipeline jobs with the
 * OpenAI fake → a transcript with both participants' names, in order, within 0.5 s of the truth.
 */

let w: World;
let b: RecordingBuckets;
let fake: OpenAiFake;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pipeline-daily-'));
  b = await startRecordingBuckets();
  fake = await startOpenAiFake({ apiKey: null });
  w = await startWorld({
    ...b.env,
    RECONCILE_INTERVAL_SECONDS: '3600',
    TRANSCRIPTION_URL: fake.url,
    TRANSCRIPTION_MODEL: 'whisper-1',
  });
});
afterAll(async () => {
  await w?.close();
  await b?.stop();
  await fake?.close();
  await rm(dir, { recursive: true, force: true });
});

const drain = () => w.t.server.container.webhooks.drain.drain();

describe('a Daily raw-tracks recording', () => {
  it('ends as a transcript with both participants, in order, within 0.5 s', async () => {
    await w.t.request('POST', '/v1/rooms', {
      body: { name: 'daily-transcripts', platform: 'daily', recording_type: 'cloud', recording_trigger: 'automatic-2nd-participant' },
    });
    const m = (await w.t.request('POST', '/v1/rooms/daily-transcripts/meeting')).body;
    const started = waitForJob(w.t.server.queue, 'recording.start', (j) => (j.data as { meetingId: string }).meetingId === m.id);
    const ana = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Ana', userId: 'user-ana' });
    const bo = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Bo' });
    await drain();
    await started;
    const [pending] = (await w.t.request('GET', `/v1/meetings/${m.id}/recordings`)).body.items;

    // What each says, in the time of their own track; Bo's track starts 2.5 s after Ana's (he unmuted later).
    const offsets = { [ana.sessionId]: 400, [bo.sessionId]: 2900 };
    const speech: Record<string, [number, number][]> = {
      [ana.sessionId]: [
        [0.1, 1.6],
        [6.1, 7.1],
      ],
      [bo.sessionId]: [
        [0.3, 1.3],
        [5.6, 6.6],
      ],
    };
    const files = {
      [ana.sessionId]: await readFile(await writeSpeech(join(dir, 'ana.webm'), 8, speech[ana.sessionId]!, 300)),
      [bo.sessionId]: await readFile(await writeSpeech(join(dir, 'bo.webm'), 7, speech[bo.sessionId]!, 700)),
    };
    // Raw-track keys as Daily writes them: {recording start ms}-{session id}-cam-audio-{track start ms}.
    const startMs = Date.now();
    const tracks = Object.keys(files).map((session) => ({
      type: 'audio' as const,
      s3Key: `meetbridge-test/${m.provider_room_name}/${startMs}-${session}-cam-audio-${startMs + offsets[session]!}`,
      size: files[session]!.length,
    }));
    w.daily.control.setWebhookOptions({ hold: true });
    await w.daily.control.finishRecording({ room: m.provider_room_name, tracks });
    for (const track of tracks) {
      const session = Object.keys(files).find((id) => track.s3Key.includes(id))!;
      await b.put(DAILY_BUCKET, track.s3Key, files[session]!);
    }
    w.daily.control.setWebhookOptions({});
    await w.daily.control.flushWebhooks();
    await drain();

    const done = await waitForTranscript(w.t, pending.id, ['done', 'error'], 90_000);
    expect(done).toMatchObject({ status: 'done', kind: 'tracks', meetingId: m.id });

    // The truth on the meeting timeline: each track's offset (from Daily's key) + the speech in it.
    const stored = (await w.t.request('GET', `/v1/recordings/${pending.id}`)).body;
    const names: Record<string, string> = { [ana.sessionId]: 'Ana', [bo.sessionId]: 'Bo' };
    const truth = stored.tracks
      .flatMap((t: any) =>
        speech[t.participant_session_id]!.map(([start, end]) => ({
          speaker: names[t.participant_session_id]!,
          start: start + t.start_offset_ms / 1000,
          end: end + t.start_offset_ms / 1000,
        })),
      )
      .sort((x: { start: number }, y: { start: number }) => x.start - y.start);
    expect(stored.tracks.map((t: any) => t.start_offset_ms).sort((x: number, y: number) => x - y)).toEqual([400, 2900]);
    expect(truth.map((s: { speaker: string }) => s.speaker)).toEqual(['Ana', 'Bo', 'Ana', 'Bo']);

    const transcript = (await w.t.request('GET', `/v1/transcripts/${done.id}`)).body;
    expect(transcript.segments.map((s: { speaker: string }) => s.speaker)).toEqual(['Ana', 'Bo', 'Ana', 'Bo']);
    transcript.segments.forEach((s: { start: number; end: number }, i: number) => {
      expect(Math.abs(s.start - truth[i].start)).toBeLessThan(0.5);
      expect(Math.abs(s.end - truth[i].end)).toBeLessThan(0.5);
    });
    // No summary backend here: done without one.
    expect(transcript).toMatchObject({ title: null, summary: null, summary_error: null });
  }, 120_000);
});
