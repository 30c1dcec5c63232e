import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForJob } from './helpers/jobs.js';
import { mp4VideoOnly, webmAudio } from './helpers/media.js';
import { recordingWhen } from './helpers/recordings.js';
import { startTestServer, type TestServer } from './helpers/server.js';

/**
 * The mock provider's room page uploads what it recorded, authorized by the meeting's join token;
 * the upload becomes a recording through the same model, storage and jobs as a provider's.
 */

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ RECORDING_MAX_BYTES: '200000' });
});
afterAll(async () => t?.close());

async function joined(name: string): Promise<{ meeting: any; token: string }> {
  expect((await t.request('POST', '/v1/rooms', { body: { name } })).status).toBe(201);
  const meeting = (await t.request('POST', `/v1/rooms/${name}/meeting`)).body;
  const join = await t.request('POST', `/v1/rooms/${name}/meetings/${meeting.id}/join`);
  expect(join.body.token).toEqual(expect.any(String));
  return { meeting, token: join.body.token };
}

const upload = (room: string, body: Buffer | string, headers: Record<string, string>, query = '') =>
  fetch(`${t.url}/mock/rooms/${room}/recordings${query}`, { method: 'POST', headers: { 'content-type': 'audio/webm', ...headers }, body });

describe('mock room upload', () => {
  it('stores and validates an upload made with the join token', async () => {
    const { meeting, token } = await joined('upload-ok');
    const validated = waitForJob(t.server.queue, 'recording.validate');
    const res = await upload(meeting.provider_room_name, await webmAudio(1), { authorization: `Bearer ${token}` }, '?recording_id=take-1');
    expect(res.status).toBe(201);
    const answer = (await res.json()) as { recording_id: string; status: string };
    expect(answer.status).toBe('pending');
    await validated;
    const rec = (await t.request('GET', `/v1/recordings/${answer.recording_id}`)).body;
    expect(rec).toMatchObject({
      meeting_id: meeting.id,
      status: 'stored',
      kind: 'composite',
      source: { kind: 'upload' },
      provider_recording_id: 'take-1',
    });
    expect(rec.tracks).toEqual([expect.objectContaining({ participant_user_id: 'local', start_offset_ms: 0 })]);
    expect(rec.duration_ms).toBeGreaterThan(900);

    // The same recording again: the same row, nothing stored twice.
    const again = await upload(meeting.provider_room_name, 'ignored', { authorization: `Bearer ${token}` }, '?recording_id=take-1');
    expect(again.status).toBe(200);
    expect(((await again.json()) as { recording_id: string }).recording_id).toBe(answer.recording_id);
    expect(await t.query(`select id from recording where meeting_id = '${meeting.id}'`)).toHaveLength(1);
  });

  it('refuses an upload without a valid token of this room', async () => {
    const { meeting, token } = await joined('upload-auth');
    const other = await joined('upload-other');
    expect((await upload(meeting.provider_room_name, 'x', {})).status).toBe(401);
    expect((await upload(meeting.provider_room_name, 'x', { authorization: 'Bearer forged.token' })).status).toBe(401);
    const foreign = await upload(meeting.provider_room_name, 'x', { authorization: `Bearer ${other.token}` });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('content-type')).toContain('application/problem+json');
    expect((await upload('no-such-room', 'x', { authorization: `Bearer ${token}` })).status).toBe(403);
    expect(await t.query(`select id from recording where meeting_id = '${meeting.id}'`)).toHaveLength(0);
  });

  it('marks an upload without audio `invalid`', async () => {
    const { meeting, token } = await joined('upload-video');
    const res = await upload(meeting.provider_room_name, await mp4VideoOnly(1), {
      authorization: `Bearer ${token}`,
      'content-type': 'video/mp4',
    });
    const { recording_id } = (await res.json()) as { recording_id: string };
    const row = await recordingWhen(t, recording_id, (r) => r.status === 'invalid');
    expect(row.error).toMatch(/no audio stream/);
  });

  it('refuses an upload larger than RECORDING_MAX_BYTES with 413, storing nothing', async () => {
    const { meeting, token } = await joined('upload-large');
    const res = await upload(meeting.provider_room_name, Buffer.alloc(300_000, 1), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(413);
    const [row] = await t.query<any>(`select * from recording where meeting_id = '${meeting.id}'`);
    expect(row).toMatchObject({ status: 'invalid' });
    expect(await t.server.container.storage.stat(`recordings/${row.id}/composite.webm`)).toBeNull();
  });
});
