import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForJob } from './helpers/jobs.js';
import { webmAudio } from './helpers/media.js';
import { jwtAuth } from './helpers/provider-fakes.js';
import { DAILY_BUCKET, recordingWhen, startRecordingBuckets, type RecordingBuckets } from './helpers/recordings.js';
import { startWorld, type World } from './helpers/world.js';

/**
 * Consent: one decision per participant (user, else device). Recording is never blocked; when
 * anyone declined, once the recording is processed every source object in the provider's bucket
 * and our stored audio are deleted, and `audio_deleted` is set only when every deletion succeeded.
 */

let w: World;
let b: RecordingBuckets;
let owner: Record<string, string>;
let guest: Record<string, string>;

beforeAll(async () => {
  const auth = await jwtAuth();
  b = await startRecordingBuckets();
  w = await startWorld({ ...b.env, ...auth.env, RECONCILE_INTERVAL_SECONDS: '3600' });
  owner = await auth.as('owner-c');
  guest = await auth.as('guest-c');
});
afterAll(async () => {
  await w?.close();
  await b?.stop();
});

const drain = () => w.t.server.container.webhooks.drain.drain();
const consent = (meetingId: string, body: unknown, headers: Record<string, string> = {}) =>
  w.t.request('POST', `/v1/meetings/${meetingId}/consent`, { body, headers });

async function meeting(name: string, extra: Record<string, unknown> = {}): Promise<any> {
  const room = { name, platform: 'daily', recording_type: 'cloud', ...extra };
  expect((await w.t.request('POST', '/v1/rooms', { body: room, headers: owner })).status).toBe(201);
  return (await w.t.request('POST', `/v1/rooms/${name}/meeting`, { headers: owner })).body;
}

/** Two join, the server starts raw tracks, Daily finishes and writes both tracks; returns our recording id and the keys. */
async function recorded(m: any): Promise<{ id: string; keys: string[] }> {
  const started = waitForJob(w.t.server.queue, 'recording.start', (j) => (j.data as { meetingId: string }).meetingId === m.id);
  await w.daily.control.addParticipant({ room: m.provider_room_name });
  await w.daily.control.addParticipant({ room: m.provider_room_name });
  await drain();
  await started;
  const [pending] = (await w.t.request('GET', `/v1/meetings/${m.id}/recordings`, { headers: owner })).body.items;
  w.daily.control.setWebhookOptions({ hold: true });
  const fake: any = await w.daily.control.finishRecording({ room: m.provider_room_name });
  const keys: string[] = fake.tracks.filter((t: any) => t.type === 'audio').map((t: any) => t.s3Key);
  const audio = await webmAudio(1);
  for (const key of keys) await b.put(DAILY_BUCKET, key, audio);
  w.daily.control.setWebhookOptions({});
  await w.daily.control.flushWebhooks();
  await drain();
  return { id: pending.id, keys };
}

describe('consent', () => {
  it('keeps one decision per participant (user, else device id); the later replaces the earlier', async () => {
    const m = await meeting('consent-decisions');
    expect((await consent(m.id, { consent_given: false }, guest)).body).toMatchObject({ consent_given: false, skipped: false });
    expect((await consent(m.id, { consent_given: true }, guest)).status).toBe(200);
    expect((await consent(m.id, { consent_given: true, device_id: 'device-1234' })).status).toBe(200);
    const anonymous = await consent(m.id, { consent_given: true });
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.errors).toEqual([{ field: 'body.device_id', message: 'required for anonymous participants' }]);
    const rows = await w.t.query<{ participant_key: string; consent_given: boolean }>(
      `select participant_key, consent_given from meeting_consent where meeting_id = '${m.id}' order by participant_key`,
    );
    expect(rows).toEqual([
      { participant_key: 'device:device-1234', consent_given: true },
      { participant_key: 'user:guest-c', consent_given: true },
    ]);
  });

  it('is not asked in skip_consent rooms', async () => {
    const m = await meeting('consent-skipped', { skip_consent: true });
    expect((await consent(m.id, { consent_given: false }, guest)).body).toMatchObject({ skipped: true });
    expect(await w.t.query(`select 1 from meeting_consent where meeting_id = '${m.id}'`)).toHaveLength(0);
  });

  it('declined: after processing every track in the provider bucket and our audio are deleted, retrying a deletion that failed once', async () => {
    const m = await meeting('consent-purge');
    expect((await consent(m.id, { consent_given: false, device_id: 'device-declines' })).status).toBe(200);

    const storage = w.t.server.container.storage;
    const realDelete = storage.delete.bind(storage);
    let failures = 0;
    storage.delete = async (key: string) => {
      if (failures === 0) {
        failures++;
        throw new Error('storage unavailable (injected)');
      }
      return realDelete(key);
    };
    try {
      const failed = waitForJob(w.t.server.queue, 'recording.purge', (j) => j.state === 'failed', 20_000);
      const completed = waitForJob(w.t.server.queue, 'recording.purge', (j) => j.state === 'completed', 30_000);
      const { id, keys } = await recorded(m);
      await failed;
      const afterFailure = await recordingWhen(w.t, id, () => true);
      expect(afterFailure).toMatchObject({ status: 'stored', audio_deleted: false });
      await completed;
      const row = await recordingWhen(w.t, id, (r) => r.audio_deleted === true);
      expect(failures).toBe(1);
      for (const key of keys) expect(await b.exists(DAILY_BUCKET, key)).toBe(false);
      for (const t of row.tracks) expect(await realStat(t.key)).toBeNull();
      // The recording stays visible (what it was, that its audio is gone).
      const rec = (await w.t.request('GET', `/v1/recordings/${id}`, { headers: owner })).body;
      expect(rec).toMatchObject({ status: 'stored', audio_deleted: true });
    } finally {
      storage.delete = realDelete;
    }
  });

  it('declined after the recording was stored: purged then', async () => {
    const m = await meeting('consent-late');
    const { id, keys } = await recorded(m);
    await recordingWhen(w.t, id, (r) => r.status === 'stored');
    expect(await b.exists(DAILY_BUCKET, keys[0]!)).toBe(true);
    const purged = waitForJob(w.t.server.queue, 'recording.purge', (j) => (j.data as { recordingId: string }).recordingId === id);
    expect((await consent(m.id, { consent_given: false }, guest)).status).toBe(200);
    expect((await purged).state).toBe('completed');
    await recordingWhen(w.t, id, (r) => r.audio_deleted === true);
    for (const key of keys) expect(await b.exists(DAILY_BUCKET, key)).toBe(false);
  });

  it('everyone agreed: nothing is deleted; a non-owner sees the reduced view', async () => {
    const m = await meeting('consent-given');
    await consent(m.id, { consent_given: true }, guest);
    const { id, keys } = await recorded(m);
    await recordingWhen(w.t, id, (r) => r.status === 'stored');
    expect(await b.exists(DAILY_BUCKET, keys[0]!)).toBe(true);
    const reduced = (await w.t.request('GET', `/v1/recordings/${id}`, { headers: guest })).body;
    expect(reduced).toMatchObject({
      status: 'stored',
      audio_deleted: false,
      provider_recording_id: null,
      source: null,
      error: null,
      size_bytes: null,
    });
    expect(reduced.tracks).toHaveLength(2);
    const full = (await w.t.request('GET', `/v1/recordings/${id}`, { headers: owner })).body;
    expect(full.source.keys).toHaveLength(2);
    const anonymousList = await w.t.request('GET', `/v1/meetings/${m.id}/recordings`);
    expect(anonymousList.body.items[0].source).toBeNull();
  });
});

async function realStat(key: string) {
  return w.t.server.container.storage.stat(key);
}
