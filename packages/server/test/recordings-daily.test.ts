import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { waitForJob } from './helpers/jobs.js';
import { mp4Audio, mp4VideoOnly, webmAudio } from './helpers/media.js';
import { DAILY_BUCKET, jobsFor, recordingWhen, startRecordingBuckets, type RecordingBuckets } from './helpers/recordings.js';
import { startWorld, type World } from './helpers/world.js';

/**
 * Daily recordings through the webhook path, against the Daily fake and a real S3 emulator: the
 * provider writes the files into our bucket (raw tracks: one object per participant), sends
 * `recording.ready-to-download`, and Meetbridge ends with one stored, validated recording.
 */

let w: World;
let b: RecordingBuckets;

beforeAll(async () => {
  b = await startRecordingBuckets();
  w = await startWorld({ ...b.env, RECONCILE_INTERVAL_SECONDS: '3600' });
});
afterAll(async () => {
  await w?.close();
  await b?.stop();
});

const drain = () => w.t.server.container.webhooks.drain.drain();

async function dailyMeeting(name: string, trigger = 'automatic-2nd-participant'): Promise<any> {
  expect(
    (await w.t.request('POST', '/v1/rooms', { body: { name, platform: 'daily', recording_type: 'cloud', recording_trigger: trigger } }))
      .status,
  ).toBe(201);
  return (await w.t.request('POST', `/v1/rooms/${name}/meeting`)).body;
}

/** Two participants join; the server starts the raw-tracks recording at the second. */
async function twoInCall(m: any): Promise<{ sessions: string[] }> {
  const started = waitForJob(w.t.server.queue, 'recording.start', (j) => (j.data as { meetingId: string }).meetingId === m.id);
  const ana = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Ana', userId: 'user-ana' });
  const bo = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Bo' });
  await drain();
  await started;
  return { sessions: [ana.sessionId, bo.sessionId] };
}

/** Finishes the running recording with webhooks held, writes its objects, then releases the webhook. */
async function finishWith(room: string, write: (recording: any) => Promise<void>, instanceId?: string): Promise<any> {
  w.daily.control.setWebhookOptions({ hold: true });
  const recording = await w.daily.control.finishRecording({ room, instanceId });
  await write(recording);
  w.daily.control.setWebhookOptions({});
  await w.daily.control.flushWebhooks();
  await drain();
  return recording;
}

/**
 * The meeting's one recording. Waited for: the test's `drain()` skips rows the in-process worker's
 * own drain has claimed (`SKIP LOCKED`) and returns before that batch commits.
 */
async function recordingOf(meetingId: string): Promise<any> {
  return vi.waitFor(
    async () => {
      const list = await w.t.request('GET', `/v1/meetings/${meetingId}/recordings`);
      expect(list.body.items).toHaveLength(1);
      return list.body.items[0];
    },
    { timeout: 10_000, interval: 50 },
  );
}

describe('Daily raw tracks through the webhook', () => {
  it('ends with one stored recording holding both participants’ tracks, linked to the meeting by the provider id', async () => {
    const m = await dailyMeeting('tracks-room');
    const { sessions } = await twoInCall(m);
    const pending = await recordingOf(m.id);
    expect(pending.status).toBe('pending');

    const tones = [await webmAudio(1, 440), await webmAudio(2, 660)];
    const done = waitForJob(w.t.server.queue, 'recording.download', (j) => (j.data as { recordingId: string }).recordingId === pending.id);
    const fake = await finishWith(m.provider_room_name, async (r) => {
      const audio = r.tracks.filter((t: any) => t.type === 'audio');
      expect(audio).toHaveLength(2);
      for (const track of audio)
        await b.put(DAILY_BUCKET, track.s3Key, tones[sessions.indexOf(track.s3Key.match(/-([0-9a-f-]{36})-cam-audio-/)[1])]!);
    });
    expect((await done).state).toBe('completed');

    const rec = (await w.t.request('GET', `/v1/recordings/${pending.id}`)).body;
    expect(rec).toMatchObject({
      id: pending.id,
      meeting_id: m.id,
      status: 'stored',
      kind: 'tracks',
      provider_recording_id: fake.id,
      error: null,
    });
    expect(rec.tracks).toHaveLength(2);
    const bySession = new Map(rec.tracks.map((t: any) => [t.participant_session_id, t]));
    expect(bySession.get(sessions[0])).toMatchObject({ participant_user_id: 'user-ana', participant_name: 'Ana' });
    expect(bySession.get(sessions[1])).toMatchObject({ participant_name: 'Bo' });
    expect((bySession.get(sessions[0]) as any).duration_ms).toBeGreaterThan(900);
    expect((bySession.get(sessions[1]) as any).duration_ms).toBeGreaterThan(1900);
    expect(rec.duration_ms).toBeGreaterThan(1900);
    expect(rec.source).toMatchObject({ kind: 'bucket', bucket: DAILY_BUCKET, region: 'eu-central-1' });
    expect(rec.source.keys.map((k: any) => k.key).sort()).toEqual(
      fake.tracks
        .filter((t: any) => t.type === 'audio')
        .map((t: any) => t.s3Key)
        .sort(),
    );
    // Both files are in our storage.
    const row = await recordingWhen(w.t, pending.id, () => true);
    for (const t of row.tracks) expect(await w.t.server.container.storage.stat(t.key)).toMatchObject({ size: expect.any(Number) });
    expect(rec.size_bytes).toBe(row.tracks.reduce((sum: number, t: any) => sum + t.size, 0));
  });

  it('a duplicated recording.ready-to-download and the same recording reported again (a poll) make one row and one download', async () => {
    const m = await dailyMeeting('dup-room');
    await twoInCall(m);
    const pending = await recordingOf(m.id);
    const audio = await webmAudio(1);
    const done = waitForJob(w.t.server.queue, 'recording.download', (j) => (j.data as { recordingId: string }).recordingId === pending.id);
    w.daily.control.setWebhookOptions({ hold: true, duplicate: 2 });
    const fake: any = await w.daily.control.finishRecording({ room: m.provider_room_name });
    for (const t of fake.tracks.filter((t: any) => t.type === 'audio')) await b.put(DAILY_BUCKET, t.s3Key, audio);
    w.daily.control.setWebhookOptions({});
    await w.daily.control.flushWebhooks({ order: 'shuffled', seed: 7 });
    await drain();
    await done;
    await recordingWhen(w.t, pending.id, (r) => r.status === 'stored');

    const again = await w.t.server.container.recordings.service.discovered({
      platform: 'daily',
      providerRecordingId: fake.id,
      kind: 'tracks',
      source: { kind: 'provider', keys: [], filename: null },
      recordedAt: new Date(),
      meetingHint: { providerRoomName: m.provider_room_name },
    });
    expect(again).toMatchObject({ created: false, downloadQueued: false, recording: { id: pending.id, status: 'stored' } });
    expect(await w.t.query(`select id from recording where provider_recording_id = '${fake.id}'`)).toHaveLength(1);
    expect(await jobsFor(w.t, 'recording.download', pending.id)).toBe(1);
  });

  it('a missing source object ends `error` with the reason, not retried forever', async () => {
    const m = await dailyMeeting('missing-room');
    await twoInCall(m);
    const pending = await recordingOf(m.id);
    const done = waitForJob(w.t.server.queue, 'recording.download', (j) => (j.data as { recordingId: string }).recordingId === pending.id);
    await finishWith(m.provider_room_name, async () => {});
    expect((await done).state).toBe('failed');
    const row = await recordingWhen(w.t, pending.id, (r) => r.status === 'error');
    expect(row.error).toMatch(/missing from the provider's bucket/);
  });

  it('recording.error marks the running recording `error` with the provider message', async () => {
    const m = await dailyMeeting('error-room');
    await twoInCall(m);
    const pending = await recordingOf(m.id);
    await w.daily.control.failRecording({ room: m.provider_room_name, errorMsg: 'cloud-recording-error: Error fetching STS credentials' });
    await drain();
    const rec = (await w.t.request('GET', `/v1/recordings/${pending.id}`)).body;
    expect(rec).toMatchObject({ status: 'error', error: 'cloud-recording-error: Error fetching STS credentials' });
  });
});

describe('Daily composite in our bucket', () => {
  /** A room Daily records as one composed file (enable_recording cloud), started from a client. */
  async function compositeMeeting(name: string): Promise<any> {
    const m = await dailyMeeting(name, 'prompt');
    const res = await fetch(`${w.daily.url}/rooms/${m.provider_room_name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.daily.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { enable_recording: 'cloud' } }),
    });
    expect(res.status).toBe(200);
    await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Ana' });
    await w.daily.control.startRecording({ room: m.provider_room_name, type: 'cloud' });
    await drain();
    return m;
  }

  it('is stored and validated, found by room name and start time', async () => {
    const m = await compositeMeeting('composite-room');
    const audio = await mp4Audio(1);
    await finishWith(m.provider_room_name, (r) => b.put(DAILY_BUCKET, r.s3key, audio));
    const rec = await recordingOf(m.id);
    const row = await recordingWhen(w.t, rec.id, (r) => r.status === 'stored');
    expect(row.kind).toBe('composite');
    expect(row.tracks).toHaveLength(1);
    expect(row.tracks[0]).toMatchObject({ startOffsetMs: 0, key: `recordings/${rec.id}/composite.mp4` });
    expect(row.duration_ms).toBeGreaterThan(900);
  });

  it('without an audio stream ends `invalid` with the reason', async () => {
    const m = await compositeMeeting('video-only-room');
    const video = await mp4VideoOnly(1);
    await finishWith(m.provider_room_name, (r) => b.put(DAILY_BUCKET, r.s3key, video));
    const rec = await recordingOf(m.id);
    const row = await recordingWhen(w.t, rec.id, (r) => r.status === 'invalid');
    expect(row.error).toMatch(/no audio stream/);
  });

  it('that is not media at all ends `invalid`', async () => {
    const m = await compositeMeeting('garbage-room');
    await finishWith(m.provider_room_name, (r) => b.put(DAILY_BUCKET, r.s3key, 'this is not an mp4 file at all'));
    const rec = await recordingOf(m.id);
    const row = await recordingWhen(w.t, rec.id, (r) => r.status === 'invalid');
    expect(row.error).toMatch(/not a readable media file/);
  });
});

describe('a recording that matches no meeting', () => {
  it('becomes one visible `orphan` row, never downloaded or retried', async () => {
    const report = () =>
      w.t.server.container.recordings.service.discovered({
        platform: 'daily',
        providerRecordingId: 'rec-of-nobody',
        kind: 'tracks',
        source: { kind: 'provider', keys: ['meetbridge/gone-room/1700000000000-abc-cam-audio-1700000000400'], filename: null },
        recordedAt: new Date(),
        meetingHint: { providerRoomName: 'gone-room' },
      });
    const first = await report();
    expect(first).toMatchObject({ created: true, downloadQueued: false, recording: { status: 'orphan', meetingId: null } });
    expect(first.recording.error).toMatch(/no meeting matched \(room gone-room\)/);
    expect(await report()).toMatchObject({ created: false, downloadQueued: false, recording: { id: first.recording.id } });
    expect(await jobsFor(w.t, 'recording.download', first.recording.id)).toBe(0);
    const rec = (await w.t.request('GET', `/v1/recordings/${first.recording.id}`)).body;
    expect(rec).toMatchObject({ status: 'orphan', meeting_id: null, source: null });
    expect((await w.t.request('GET', '/v1/recordings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
