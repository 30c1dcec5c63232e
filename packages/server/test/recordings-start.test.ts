import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidV5 } from '@meetbridge/platforms';
import { RECORDING_INSTANCE_NAMESPACE } from '../src/modules/recordings/starter.js';
import { waitForJob } from './helpers/jobs.js';
import { calls, createRoom, jwtAuth, S3_ENV, type JwtAuth } from './helpers/provider-fakes.js';
import { startWorld, type World } from './helpers/world.js';

/**
 * Daily recordings are started by the server: the room's `recording_trigger` decides when (the 2nd
 * participant by default), the owner can start and stop them, and the provider's recording id is
 * stored at start so the file is linked to its meeting by id.
 */

let w: World;
let auth: JwtAuth;
let owner: Record<string, string>;
let guest: Record<string, string>;

beforeAll(async () => {
  auth = await jwtAuth();
  w = await startWorld({ ...S3_ENV, ...auth.env, RECONCILE_INTERVAL_SECONDS: '3600' });
  owner = await auth.as('owner-1');
  guest = await auth.as('guest-1');
});
afterAll(async () => w?.close());

const startCalls = (room: string) => calls(w.daily, 'POST', `/v1/rooms/${room}/recordings/start`);
const stopCalls = (room: string) => calls(w.daily, 'POST', `/v1/rooms/${room}/recordings/stop`);

async function dailyMeeting(name: string, trigger: string): Promise<any> {
  await createRoom(w.t, { name, platform: 'daily', recording_type: 'cloud', recording_trigger: trigger }, owner);
  const res = await w.t.request('POST', `/v1/rooms/${name}/meeting`, { headers: owner });
  expect(res.status).toBe(201);
  return res.body;
}

/** Resolves once the inbox holds no pending delivery of this room's provider events. */
async function drained(): Promise<void> {
  await w.t.server.container.webhooks.drain.drain();
}

describe('Daily recording start', () => {
  it('starts at the 2nd participant (automatic-2nd-participant): raw tracks, instanceId = uuidv5(meeting id), maxDuration of the meeting', async () => {
    const m = await dailyMeeting('rec-auto-2nd', 'automatic-2nd-participant');
    const room = m.provider_room_name;
    await w.daily.control.addParticipant({ room, userName: 'Ana' });
    await drained();
    expect(startCalls(room)).toHaveLength(0);

    const started = waitForJob(w.t.server.queue, 'recording.start', (j) => (j.data as { meetingId: string }).meetingId === m.id);
    await w.daily.control.addParticipant({ room, userName: 'Bo' });
    await drained();
    expect((await started).state).toBe('completed');

    const [call, ...more] = startCalls(room);
    expect(more).toHaveLength(0);
    const body = call!.json as Record<string, unknown>;
    expect(body.type).toBe('raw-tracks');
    expect(body.instanceId).toBe(uuidV5(m.id, RECORDING_INSTANCE_NAMESPACE));
    const meetingSeconds = (Date.parse(m.end_date) - Date.parse(m.start_date)) / 1000;
    expect(body.maxDuration).toBeGreaterThanOrEqual(meetingSeconds);

    const fakeRecording = w.daily.control.state().recordings.find((r: any) => r.room_name === room)!;
    const list = await w.t.request('GET', `/v1/meetings/${m.id}/recordings`, { headers: owner });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({
      status: 'pending',
      kind: 'tracks',
      provider_recording_id: fakeRecording.id,
      meeting_id: m.id,
    });

    // A third participant does not start another recording.
    await w.daily.control.addParticipant({ room, userName: 'Cy' });
    await drained();
    expect(startCalls(room)).toHaveLength(1);
  });

  it('starts at the first participant with the automatic trigger', async () => {
    const m = await dailyMeeting('rec-auto-1st', 'automatic');
    const started = waitForJob(w.t.server.queue, 'recording.start', (j) => (j.data as { meetingId: string }).meetingId === m.id);
    await w.daily.control.addParticipant({ room: m.provider_room_name });
    await drained();
    await started;
    expect(startCalls(m.provider_room_name)).toHaveLength(1);
  });

  it('prompt: only the owner starts and stops; the provider id is stored at start', async () => {
    const m = await dailyMeeting('rec-prompt', 'prompt');
    const room = m.provider_room_name;
    await w.daily.control.addParticipant({ room });
    await w.daily.control.addParticipant({ room });
    await drained();
    expect(startCalls(room)).toHaveLength(0);

    const refused = await w.t.request('POST', `/v1/meetings/${m.id}/recordings/start`, { headers: guest });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await w.t.request('POST', `/v1/meetings/${m.id}/recordings/start`)).status).toBe(401);

    const res = await w.t.request('POST', `/v1/meetings/${m.id}/recordings/start`, { headers: owner });
    expect(res.status).toBe(201);
    const providerId = w.daily.control.state().recordings.find((r: any) => r.room_name === room)!.id;
    expect(res.body).toMatchObject({ status: 'started', recording: { status: 'pending', provider_recording_id: providerId } });

    const again = await w.t.request('POST', `/v1/meetings/${m.id}/recordings/start`, { headers: owner });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('already_recording');

    expect((await w.t.request('POST', `/v1/meetings/${m.id}/recordings/stop`, { headers: guest })).status).toBe(403);
    const stop = await w.t.request('POST', `/v1/meetings/${m.id}/recordings/stop`, { headers: owner });
    expect(stop.status).toBe(202);
    const [stopCall] = stopCalls(room);
    expect((stopCall!.json as { instanceId: string }).instanceId).toBe(uuidV5(m.id, RECORDING_INSTANCE_NAMESPACE));
    // Stopping again (nothing records) is still fine.
    expect((await w.t.request('POST', `/v1/meetings/${m.id}/recordings/stop`, { headers: owner })).status).toBe(202);
  });

  it('refuses a start where the room does not record in the cloud (422) or the provider records by itself (409)', async () => {
    await createRoom(w.t, { name: 'rec-none', platform: 'daily' }, owner);
    const none = (await w.t.request('POST', '/v1/rooms/rec-none/meeting', { headers: owner })).body;
    const res = await w.t.request('POST', `/v1/meetings/${none.id}/recordings/start`, { headers: owner });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/recording_type/);

    await createRoom(w.t, { name: 'rec-whereby', platform: 'whereby', recording_type: 'cloud' }, owner);
    const wb = (await w.t.request('POST', '/v1/rooms/rec-whereby/meeting', { headers: owner })).body;
    const res2 = await w.t.request('POST', `/v1/meetings/${wb.id}/recordings/start`, { headers: owner });
    expect(res2.status).toBe(409);
    expect(res2.body.detail).toMatch(/serverSideRecording/);
  });
});
