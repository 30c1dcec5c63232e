import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  calls,
  createRoom,
  hoursAfter,
  jwtAuth,
  S3_ENV,
  startProviderFakes,
  utcStamp,
  type JwtAuth,
  type ProviderFakes,
} from './helpers/provider-fakes.js';
import { startTestServer, TestClock, type TestServer } from './helpers/server.js';

/**
 * Meetbridge against the Whereby and Daily fakes over real HTTP: the provider requests match
 * the providers' documentation field for field, the host URL goes to owners only, and Daily joins carry tokens.
 */

const clock = new TestClock(new Date(Math.floor(Date.now() / 1000) * 1000));
let fakes: ProviderFakes;
let auth: JwtAuth;
let t: TestServer;
let alice: Record<string, string>;
let bob: Record<string, string>;

beforeAll(async () => {
  fakes = await startProviderFakes();
  auth = await jwtAuth();
  t = await startTestServer(
    {
      ...auth.env,
      ...fakes.wherebyEnv,
      ...fakes.dailyEnv,
      ...S3_ENV,
      DAILY_MIGRATION_ENABLED: 'true',
      MEETING_DURATION_HOURS: '2',
      RUN_WORKERS: 'false',
    },
    { clock },
  );
  alice = await auth.as('alice');
  bob = await auth.as('bob');
});
afterAll(async () => {
  await t?.close();
  await fakes?.close();
});
beforeEach(() => fakes.reset());

async function meetingFor(room: { name: string }, headers = alice): Promise<any> {
  const res = await t.request('POST', `/v1/rooms/${room.name}/meeting`, { headers });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('the provider request of a new meeting (the documented request bodies, field for field)', () => {
  it('sends Whereby exactly isLocked, roomNamePrefix, roomNamePattern "uuid", roomMode, endDate and fields ["hostRoomUrl"] when the room does not record', async () => {
    const room = await createRoom(t, { name: 'wb-plain', platform: 'whereby', is_locked: true, room_mode: 'group' }, alice);
    const meeting = await meetingFor(room);
    const [req] = calls(fakes.whereby, 'POST', '/v1/meetings');
    expect(req?.headers.authorization).toBe(`Bearer ${fakes.whereby.apiKey}`);
    expect(req?.json).toStrictEqual({
      isLocked: true,
      roomNamePrefix: 'wb-plain-',
      roomNamePattern: 'uuid',
      roomMode: 'group',
      endDate: hoursAfter(clock.now(), 2),
      fields: ['hostRoomUrl'],
    });
    const created = fakes.whereby.control.state().meetings[0]!;
    expect(meeting).toMatchObject({
      platform: 'whereby',
      provider_meeting_id: created.meetingId,
      provider_room_name: created.roomName,
      room_url: created.roomUrl,
      host_room_url: created.hostRoomUrl,
      end_date: hoursAfter(clock.now(), 2),
    });
    expect(meeting.provider_room_name).toMatch(/^\/wb-plain-[0-9a-f-]{36}$/);
  });

  it('adds the S3 recording destination (access key, mp4) with the room trigger when a Whereby room records to the cloud', async () => {
    const room = await createRoom(
      t,
      { name: 'wb-cloud', platform: 'whereby', recording_type: 'cloud', recording_trigger: 'automatic' },
      alice,
    );
    await meetingFor(room);
    expect(calls(fakes.whereby, 'POST', '/v1/meetings')[0]?.json).toStrictEqual({
      isLocked: false,
      roomNamePrefix: 'wb-cloud-',
      roomNamePattern: 'uuid',
      roomMode: 'normal',
      endDate: hoursAfter(clock.now(), 2),
      fields: ['hostRoomUrl'],
      recording: {
        type: 'cloud',
        destination: {
          provider: 's3',
          bucket: S3_ENV.AWS_WHEREBY_S3_BUCKET,
          accessKeyId: S3_ENV.AWS_WHEREBY_ACCESS_KEY_ID,
          accessKeySecret: S3_ENV.AWS_WHEREBY_ACCESS_KEY_SECRET,
          fileFormat: 'mp4',
        },
        startTrigger: 'automatic',
      },
    });
  });

  it('sends Daily a unique name, privacy, exp with eject_at_room_exp and max_participants, and no enable_recording when the room does not record', async () => {
    const room = await createRoom(t, { name: 'dy-plain', platform: 'daily', room_size: 6 }, alice);
    const meeting = await meetingFor(room);
    const [req] = calls(fakes.daily, 'POST', '/v1/rooms');
    const body = req?.json as { name: string };
    expect(req?.headers.authorization).toBe(`Bearer ${fakes.daily.apiKey}`);
    expect(body.name).toMatch(new RegExp(`^dy-plain-${utcStamp(clock.now())}-[a-z0-9]{6}$`));
    expect(body).toStrictEqual({
      name: body.name,
      privacy: 'public',
      properties: {
        exp: Math.floor(clock.now().getTime() / 1000) + 2 * 3600,
        eject_at_room_exp: true,
        enable_knocking: false,
        max_participants: 6,
        enable_chat: true,
        enable_screenshare: true,
        start_video_off: false,
        start_audio_off: false,
      },
    });
    expect(meeting).toMatchObject({
      platform: 'daily',
      provider_room_name: body.name,
      room_url: `https://${fakes.daily.domain}.daily.co/${body.name}`,
      host_room_url: null,
    });
  });

  it('sends Daily enable_recording "raw-tracks" with recordings_bucket, private with knocking, when a locked Daily room records to the cloud', async () => {
    const room = await createRoom(t, { name: 'dy-cloud', platform: 'daily', is_locked: true, recording_type: 'cloud' }, alice);
    await meetingFor(room);
    const body = calls(fakes.daily, 'POST', '/v1/rooms')[0]?.json as { name: string; privacy: string; properties: Record<string, unknown> };
    expect(body.privacy).toBe('private');
    expect(body.properties).toStrictEqual({
      exp: Math.floor(clock.now().getTime() / 1000) + 2 * 3600,
      eject_at_room_exp: true,
      enable_knocking: true,
      enable_chat: true,
      enable_screenshare: true,
      start_video_off: false,
      start_audio_off: false,
      enable_recording: 'raw-tracks',
      recordings_bucket: {
        bucket_name: S3_ENV.AWS_DAILY_S3_BUCKET,
        bucket_region: S3_ENV.AWS_DAILY_S3_REGION,
        assume_role_arn: S3_ENV.AWS_DAILY_ROLE_ARN,
        allow_api_access: true,
      },
    });
  });
});

describe('host URL and joins', () => {
  it('gives the Whereby host URL to the room owner only, never to another user or an anonymous caller', async () => {
    const room = await createRoom(t, { name: 'wb-hosted', platform: 'whereby' }, alice);
    const meeting = await meetingFor(room);
    const hostUrl = fakes.whereby.control.state().meetings[0]!.hostRoomUrl;
    expect(meeting.host_room_url).toBe(hostUrl);
    expect(hostUrl).toContain('roomKey=');
    const asBob = await t.request('POST', `/v1/rooms/${room.name}/meeting`, { headers: bob });
    expect(asBob.status).toBe(200);
    expect(asBob.body).toMatchObject({ id: meeting.id, host_room_url: null });
    expect((await t.request('POST', `/v1/rooms/${room.name}/meeting`)).body).toMatchObject({ id: meeting.id, host_room_url: null });
    expect((await t.request('GET', `/v1/meetings/${meeting.id}`, { headers: bob })).body.host_room_url).toBeNull();
    expect((await t.request('GET', `/v1/meetings/${meeting.id}`)).body.host_room_url).toBeNull();
    expect((await t.request('GET', `/v1/meetings/${meeting.id}`, { headers: alice })).body.host_room_url).toBe(hostUrl);
  });

  it('joins the Whereby owner through the host URL and everyone else through the room URL, without tokens', async () => {
    const room = await createRoom(t, { name: 'wb-join', platform: 'whereby' }, alice);
    const meeting = await meetingFor(room);
    const join = (headers: Record<string, string> = {}) =>
      t.request('POST', `/v1/rooms/${room.name}/meetings/${meeting.id}/join`, { headers });
    const [owner, other, anonymous] = [await join(alice), await join(bob), await join()];
    // Signed-in callers carry who they are as embed parameters (Whereby echoes them in webhooks).
    expect(owner.body).toMatchObject({
      url: `${meeting.host_room_url}&externalId=alice&displayName=alice+name`,
      token: null,
      is_owner: true,
      platform: 'whereby',
    });
    expect(other.body).toMatchObject({ url: `${meeting.room_url}?externalId=bob&displayName=bob+name`, token: null, is_owner: false });
    expect(anonymous.body).toMatchObject({ url: meeting.room_url, token: null, is_owner: false });
  });

  it('joins Daily callers with a room-bound token next to the room URL: an owner token for the owner, a user token for others, no user id when anonymous', async () => {
    const room = await createRoom(t, { name: 'dy-join', platform: 'daily' }, alice);
    const meeting = await meetingFor(room);
    const join = async (headers: Record<string, string> = {}) => {
      const res = await t.request('POST', `/v1/rooms/${room.name}/meetings/${meeting.id}/join`, { headers });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.url).toBe(meeting.room_url);
      const issued = fakes.daily.control.tokens().find((tk) => tk.token === res.body.token);
      expect(issued, 'token issued by the Daily fake').toBeDefined();
      return { body: res.body, properties: issued!.properties };
    };
    const exp = Math.floor(new Date(meeting.end_date).getTime() / 1000);
    const owner = await join(alice);
    expect(owner.body).toMatchObject({ is_owner: true, platform: 'daily', expires_at: meeting.end_date });
    expect(owner.properties).toStrictEqual({
      room_name: meeting.provider_room_name,
      exp,
      is_owner: true,
      user_id: 'alice',
      user_name: 'alice name',
    });
    const other = await join(bob);
    expect(other.body.is_owner).toBe(false);
    expect(other.properties).toStrictEqual({
      room_name: meeting.provider_room_name,
      exp,
      is_owner: false,
      user_id: 'bob',
      user_name: 'bob name',
    });
    const anonymous = await join();
    expect(anonymous.properties).toStrictEqual({ room_name: meeting.provider_room_name, exp, is_owner: false });
    expect(anonymous.properties).not.toHaveProperty('user_id');
  });
});
