import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INSTANCE_ID, startDailyFake } from '../src/index.js';
import type { DailyFake } from '../src/index.js';
import { bearer, call } from './helpers/http.js';
import { startReceiver } from './helpers/receiver.js';
import type { Receiver } from './helpers/receiver.js';

interface Envelope {
  type: string;
  id: string;
  payload: Record<string, unknown>;
  event_ts: number;
}

const KEY = 'k';
const auth = bearer(KEY);
const BUCKET = { bucket_name: 'rec', bucket_region: 'us-east-1', assume_role_arn: 'arn:aws:iam::1:role/r', allow_api_access: true };
let clock = Date.UTC(2026, 0, 1, 12, 0, 0);
let fake: DailyFake;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startDailyFake({ apiKey: KEY, domain: 'acme', webhookUrl: receiver.url, now: () => clock });
});
afterAll(async () => {
  await fake.close();
  await receiver.close();
});
afterEach(() => {
  fake.control.reset();
  receiver.received.length = 0;
});

async function room(name: string, properties: Record<string, unknown>) {
  const res = await call(`${fake.url}/rooms`, { method: 'POST', headers: auth, body: { name, properties } });
  expect(res.status).toBe(200);
}
const start = (name: string, body: unknown) => call(`${fake.url}/rooms/${name}/recordings/start`, { method: 'POST', headers: auth, body });
const events = () => receiver.json<Envelope>();

describe('POST /rooms/:name/recordings/start', () => {
  it('answers 404 "does not seem to be hosting a call" while nobody is in the room', async () => {
    await room('empty', { enable_recording: 'cloud' });
    const res = await start('empty', { type: 'cloud' });
    expect(res.status).toBe(404);
    expect(String(res.body.info)).toContain('does not seem to be hosting a call');
  });

  it('refuses a type the room does not enable, and raw-tracks on a room without a bucket', async () => {
    await room('cloudy', { enable_recording: 'cloud' });
    await fake.control.addParticipant({ room: 'cloudy' });
    const res = await start('cloudy', { type: 'raw-tracks', instanceId: 'a' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid-request-error');
    const unknown = await start('cloudy', { type: 'cloud', layout: { preset: 'default' }, maxDuration: 3600, surprise: 1 });
    expect(unknown.status).toBe(400);
  });

  it('starts a recording, sends recording.started, and answers 400 "has an active stream" for the same instanceId', async () => {
    await room('rec', { enable_recording: 'cloud' });
    const p = await fake.control.addParticipant({ room: 'rec' });
    const res = await start('rec', { type: 'cloud', instanceId: 'inst-1', layout: { preset: 'active-participant' }, maxDuration: 3600 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ recordingId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const again = await start('rec', { type: 'cloud', instanceId: 'inst-1' });
    expect(again.status).toBe(400);
    expect(String(again.body.info)).toContain('has an active stream');
    expect((await start('rec', { type: 'cloud', instanceId: 'inst-2' })).status).toBe(200);
    await fake.control.settle();
    const started = events().find((e) => e.type === 'recording.started');
    expect(started?.payload).toEqual({
      action: 'start-cloud-recording',
      recording_id: res.body.recordingId,
      layout: { preset: 'active-participant' },
      started_by: p.sessionId,
      instance_id: 'inst-1',
      start_ts: Math.floor(clock / 1000),
    });
    expect(fake.control.state().recordings[0]?.options).toEqual({ maxDuration: 3600 });
  });

  it('uses the reserved default instanceId when none is given', async () => {
    await room('dflt', { enable_recording: 'cloud' });
    await fake.control.addParticipant({ room: 'dflt' });
    await start('dflt', {});
    expect(fake.control.state().recordings[0]?.instanceId).toBe(DEFAULT_INSTANCE_ID);
  });

  it('answers 503 when the fault is set (no recording workers) and succeeds on retry', async () => {
    await room('busy', { enable_recording: 'cloud' });
    await fake.control.addParticipant({ room: 'busy' });
    fake.control.setFault({ path: '/v1/rooms/*/recordings/start', status: 503 });
    const res = await start('busy', { type: 'cloud' });
    expect(res.status).toBe(503);
    expect(res.body.error).toBe('server-error');
    expect((await start('busy', { type: 'cloud' })).status).toBe(200);
  });
});

describe('finishing and failing recordings', () => {
  it('sends recording.ready-to-download with raw-tracks keys {domain}/{room}/{recStartMs}-{sessionId}-cam-audio-{trackStartMs}', async () => {
    await room('raw', { enable_recording: 'raw-tracks', recordings_bucket: BUCKET });
    const a = await fake.control.addParticipant({ room: 'raw' });
    const recStart = clock;
    const { body } = await start('raw', { type: 'raw-tracks', instanceId: 'raw-1' });
    clock += 5000;
    const b = await fake.control.addParticipant({ room: 'raw' });
    clock += 75_000;
    await fake.control.finishRecording({ recordingId: String(body.recordingId) });
    const ready = events().find((e) => e.type === 'recording.ready-to-download');
    expect(ready?.id).toMatch(/^rec-rtd-raw-1-\d+$/);
    expect(ready?.payload).toMatchObject({
      type: 'raw-tracks',
      recording_id: body.recordingId,
      room_name: 'raw',
      start_ts: Math.floor(recStart / 1000),
      status: 'finished',
      max_participants: 2,
      duration: 80,
      s3_key: `acme/raw/${recStart}`,
    });
    const tracks = ready?.payload.tracks as { type: string; s3Key: string; size: number }[];
    expect(tracks.map((t) => t.type)).toEqual(['audio', 'audio']);
    for (const [track, p, joinedMs] of [
      [tracks[0], a, recStart],
      [tracks[1], b, recStart + 5000],
    ] as const) {
      const match = new RegExp(`^acme/raw/${recStart}-${p.sessionId}-cam-audio-(\\d+)$`).exec(track?.s3Key ?? '');
      expect(Number(match?.[1])).toBeGreaterThanOrEqual(joinedMs);
    }
    const rest = await call(`${fake.url}/recordings/${String(body.recordingId)}`, { headers: auth });
    expect(rest.body).toMatchObject({
      id: body.recordingId,
      room_name: 'raw',
      status: 'finished',
      s3key: `acme/raw/${recStart}`,
      duration: 80,
      tracks,
    });
    expect(rest.body).not.toHaveProperty('s3_key');
    expect((await call(`${fake.url}/recordings/${String(body.recordingId)}/access-link`, { headers: auth })).status).toBe(400);
  });

  it('gives a cloud recording an access link {download_link, expires in unix seconds}', async () => {
    await room('cl', { enable_recording: 'cloud' });
    await fake.control.addParticipant({ room: 'cl' });
    const { body } = await start('cl', { type: 'cloud' });
    const inProgress = await call(`${fake.url}/recordings/${String(body.recordingId)}`, { headers: auth });
    expect(inProgress.body).toMatchObject({ status: 'in-progress' });
    expect(inProgress.body).not.toHaveProperty('duration');
    expect(inProgress.body).not.toHaveProperty('tracks');
    await fake.control.finishRecording({ room: 'cl', durationSeconds: 9 });
    const link = await call(`${fake.url}/recordings/${String(body.recordingId)}/access-link?valid_for_secs=900`, { headers: auth });
    expect(link.body).toEqual({
      download_link: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_files\//),
      expires: Math.floor(clock / 1000) + 900,
    });
    expect((await fetch(String(link.body.download_link))).status).toBe(200);
  });

  it('sends recording.error with a string timestamp and no recording_id', async () => {
    await room('err', { enable_recording: 'cloud' });
    await fake.control.addParticipant({ room: 'err' });
    await start('err', { type: 'cloud', instanceId: 'e-1' });
    await fake.control.failRecording({ room: 'err', errorMsg: 'cloud-recording-error: boom' });
    const error = events().find((e) => e.type === 'recording.error');
    expect(error?.payload).toEqual({
      action: 'cloud-recording-error',
      error_msg: 'cloud-recording-error: boom',
      instance_id: 'e-1',
      room_name: 'err',
      timestamp: String(Math.floor(clock / 1000)),
    });
  });
});

describe('GET /recordings pagination', () => {
  it('lists newest first with total_count, limit, starting_after and ending_before=OLDEST', async () => {
    await room('pg', { enable_recording: 'cloud' });
    await room('other', { enable_recording: 'cloud' });
    await fake.control.addParticipant({ room: 'pg' });
    await fake.control.addParticipant({ room: 'other' });
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      clock += 1000;
      ids.push(String((await start('pg', { type: 'cloud', instanceId: `i-${i}` })).body.recordingId));
    }
    await start('other', { type: 'cloud' });
    const newest = [...ids].reverse();
    const page1 = await call<{ total_count: number; data: { id: string }[] }>(`${fake.url}/recordings?room_name=pg&limit=2`, {
      headers: auth,
    });
    expect(page1.body.total_count).toBe(5);
    expect(page1.body.data.map((r) => r.id)).toEqual(newest.slice(0, 2));
    const page2 = await call<{ data: { id: string }[] }>(`${fake.url}/recordings?room_name=pg&limit=2&starting_after=${newest[1]}`, {
      headers: auth,
    });
    expect(page2.body.data.map((r) => r.id)).toEqual(newest.slice(2, 4));
    const oldest = await call<{ data: { id: string }[] }>(`${fake.url}/recordings?room_name=pg&limit=2&ending_before=OLDEST`, {
      headers: auth,
    });
    expect(oldest.body.data.map((r) => r.id)).toEqual(newest.slice(3, 5));
    const all = await call<{ total_count: number }>(`${fake.url}/recordings`, { headers: auth });
    expect(all.body.total_count).toBe(6);
    expect((await call(`${fake.url}/recordings?limit=101`, { headers: auth })).status).toBe(400);
  });
});
