import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateMeetingInput, MeetingRef, RoomSettings } from '../src/core/adapter.js';
import { ConfigError, PlatformUnavailableError, ProviderError, UnsupportedCapabilityError } from '../src/core/errors.js';
import { PROVIDER_USER_ID_NAMESPACE, uuidV5 } from '../src/core/naming.js';
import { DailyAdapter, NOT_HOSTING_RETRIES, parseDailyTrackKey } from '../src/providers/daily/adapter.js';
import type { DailyConfig } from '../src/providers/daily/config.js';
import { startFakeApi, testDeps, type FakeApi } from './helpers/fake-api.js';

const settings: RoomSettings = { isLocked: false, roomMode: 'group', roomSize: null, recordingType: 'none', recordingTrigger: 'none' };
const endDate = new Date('2026-03-01T18:00:00.000Z');
const END_S = 1772388000;
const input: CreateMeetingInput = { roomName: 'team-standup', settings, endDate };
const roomReply = {
  id: '5e3cf703-5547-47d6-a371-37b1f0b4427f',
  name: 'team-standup-20260301100000-abc123',
  api_created: true,
  privacy: 'public',
  url: 'https://acme.daily.co/team-standup-20260301100000-abc123',
  created_at: '2026-03-01T10:00:00.000Z',
  config: { exp: END_S },
};
const meeting: MeetingRef = {
  providerMeetingId: roomReply.id,
  providerRoomName: roomReply.name,
  roomUrl: roomReply.url,
  hostRoomUrl: null,
  endDate,
};
const startPath = `/v1/rooms/${roomReply.name}/recordings/start`;

let api: FakeApi;
let deps: ReturnType<typeof testDeps>;

function adapter(s3: Partial<DailyConfig['s3']> = {}): DailyAdapter {
  const config: DailyConfig = {
    apiKey: 'daily-api-key-123456',
    apiUrl: `${api.url}/v1`,
    webhookSecrets: [],
    subdomain: 'acme',
    s3: { bucket: null, region: 'us-west-2', roleArn: null, ...s3 },
    rateLimitPerSecond: 20,
    recordingPollSeconds: 15,
  };
  return new DailyAdapter(config, deps);
}

function sentRoom(): { name: string; privacy: string; properties: Record<string, unknown> } {
  return api.calls('POST', '/v1/rooms')[0]?.json as { name: string; privacy: string; properties: Record<string, unknown> };
}

beforeEach(async () => {
  api = await startFakeApi();
  deps = testDeps();
  api.on('POST', '/v1/rooms', { status: 200, body: roomReply });
});
afterEach(async () => {
  await api.close();
});

describe('Daily createMeeting', () => {
  it('sends exactly the real POST /rooms body for a public room without recording', async () => {
    const created = await adapter().createMeeting(input);
    const body = sentRoom();
    expect(body.name).toMatch(/^team-standup-20260301100000-[a-z0-9]{6}$/);
    expect(body).toStrictEqual({
      name: body.name,
      privacy: 'public',
      properties: {
        exp: END_S,
        eject_at_room_exp: true,
        enable_knocking: false,
        enable_chat: true,
        enable_screenshare: true,
        start_video_off: false,
        start_audio_off: false,
      },
    });
    expect(created).toEqual({
      providerMeetingId: roomReply.id,
      providerRoomName: roomReply.name,
      roomUrl: roomReply.url,
      hostRoomUrl: null,
      startDate: new Date(roomReply.created_at),
      endDate,
    });
  });

  it('makes a locked room private with knocking, caps participants and enables local recording', async () => {
    await adapter().createMeeting({ ...input, settings: { ...settings, isLocked: true, roomSize: 12, recordingType: 'local' } });
    const body = sentRoom();
    expect(body.privacy).toBe('private');
    expect(body.properties).toMatchObject({ enable_knocking: true, max_participants: 12, enable_recording: 'local' });
  });

  it('enables raw-tracks into the configured bucket for cloud recording', async () => {
    await adapter({ bucket: 'rec-bucket', roleArn: 'arn:aws:iam::123456789012:role/DailyS3' }).createMeeting({
      ...input,
      settings: { ...settings, recordingType: 'cloud' },
    });
    const { properties } = sentRoom();
    expect(properties.enable_recording).toBe('raw-tracks');
    expect(properties.recordings_bucket).toStrictEqual({
      bucket_name: 'rec-bucket',
      bucket_region: 'us-west-2',
      assume_role_arn: 'arn:aws:iam::123456789012:role/DailyS3',
      allow_api_access: true,
    });
  });

  it('refuses cloud recording without bucket and role, naming both variables', async () => {
    const error = await adapter()
      .createMeeting({ ...input, settings: { ...settings, recordingType: 'cloud' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect((error as PlatformUnavailableError).variables).toEqual(['AWS_DAILY_S3_BUCKET', 'AWS_DAILY_ROLE_ARN']);
    expect(api.requests).toHaveLength(0);
  });
});

describe('Daily joins', () => {
  it('mints a room-bound owner token expiring with the meeting and returns it next to the room URL, never in it', async () => {
    api.on('POST', '/v1/meeting-tokens', { status: 200, body: { token: 'tok-abc' } });
    const join = await adapter().createJoin({
      meeting,
      settings,
      user: { id: '6497c79b-f326-4942-aef8-c36a29140ad1', name: 'Zoë' },
      isOwner: true,
    });
    expect(api.calls('POST', '/v1/meeting-tokens')[0]?.json).toStrictEqual({
      properties: {
        room_name: roomReply.name,
        exp: END_S,
        is_owner: true,
        user_id: '6497c79b-f326-4942-aef8-c36a29140ad1',
        user_name: 'Zoë',
      },
    });
    expect(join).toEqual({ kind: 'url', url: roomReply.url, token: 'tok-abc', expiresAt: endDate });
  });

  it('omits user_id and user_name for an anonymous visitor, and sends a user id longer than 36 chars as its stable UUIDv5', async () => {
    api.on('POST', '/v1/meeting-tokens', { status: 200, body: { token: 'tok' } });
    const subject = 'google-oauth2|104739294857203948572039485';
    await adapter().createJoin({ meeting, settings, user: null, isOwner: false });
    await adapter().createJoin({ meeting, settings, user: { id: subject, name: null }, isOwner: false });
    const [anonymous, longId] = api.calls('POST', '/v1/meeting-tokens');
    expect(anonymous?.json).toStrictEqual({ properties: { room_name: roomReply.name, exp: END_S, is_owner: false } });
    expect(longId?.json).toStrictEqual({
      properties: { room_name: roomReply.name, exp: END_S, is_owner: false, user_id: uuidV5(subject, PROVIDER_USER_ID_NAMESPACE) },
    });
  });

  it('makes everyone but the owner knock in a locked room (knocking: true), the owner admits them', async () => {
    api.on('POST', '/v1/meeting-tokens', { status: 200, body: { token: 'tok' } });
    const locked = { ...settings, isLocked: true };
    await adapter().createJoin({ meeting, settings: locked, user: { id: 'guest-1', name: 'Guest' }, isOwner: false });
    await adapter().createJoin({ meeting, settings: locked, user: null, isOwner: false });
    await adapter().createJoin({ meeting, settings: locked, user: { id: 'owner-1', name: null }, isOwner: true });
    await adapter().createJoin({ meeting, settings, user: { id: 'guest-1', name: null }, isOwner: false });
    const [guest, anonymous, owner, unlocked] = api.calls('POST', '/v1/meeting-tokens').map((c) => c.json);
    expect(guest).toStrictEqual({
      properties: { room_name: roomReply.name, exp: END_S, is_owner: false, knocking: true, user_id: 'guest-1', user_name: 'Guest' },
    });
    expect(anonymous).toStrictEqual({ properties: { room_name: roomReply.name, exp: END_S, is_owner: false, knocking: true } });
    expect(owner).toStrictEqual({ properties: { room_name: roomReply.name, exp: END_S, is_owner: true, user_id: 'owner-1' } });
    expect(unlocked).toStrictEqual({ properties: { room_name: roomReply.name, exp: END_S, is_owner: false, user_id: 'guest-1' } });
  });

  it('retries token minting on 503 (minting has no side effects)', async () => {
    api.on('POST', '/v1/meeting-tokens', { status: 503 }, { status: 200, body: { token: 'tok' } });
    await adapter().createJoin({ meeting, settings, user: null, isOwner: false });
    expect(api.calls('POST', '/v1/meeting-tokens')).toHaveLength(2);
  });
});

describe('Daily presence, sessions and delete', () => {
  it('maps presence participants (id = session id)', async () => {
    api.on('GET', `/v1/rooms/${roomReply.name}/presence`, {
      status: 200,
      body: {
        total_count: 2,
        data: [
          {
            room: roomReply.name,
            id: 'sess-1',
            userId: 'u1',
            userName: 'Moishe',
            mtgSessionId: 'm1',
            joinTime: '2026-03-01T10:05:00.000Z',
            duration: 60,
          },
          { room: roomReply.name, id: 'sess-2', userId: null, userName: null, joinTime: '2026-03-01T10:06:00.000Z' },
        ],
      },
    });
    expect(await adapter().getPresence(meeting)).toEqual({
      participants: [
        { sessionId: 'sess-1', userId: 'u1', userName: 'Moishe', joinedAt: new Date('2026-03-01T10:05:00Z') },
        { sessionId: 'sess-2', userId: null, userName: null, joinedAt: new Date('2026-03-01T10:06:00Z') },
      ],
      total: 2,
    });
    expect(api.requests[0]?.query.get('limit')).toBe('100');
  });

  it('reports the total_count of a room larger than the page it read', async () => {
    api.on('GET', `/v1/rooms/${roomReply.name}/presence`, {
      status: 200,
      body: { total_count: 140, data: [{ id: 'sess-1', joinTime: '2026-03-01T10:05:00.000Z' }] },
    });
    expect(await adapter().getPresence(meeting)).toMatchObject({ total: 140, participants: [{ sessionId: 'sess-1' }] });
  });

  it('maps /meetings to sessions: ongoing ones have no end, finished ones end at start + duration', async () => {
    api.on('GET', '/v1/meetings', {
      status: 200,
      body: {
        total_count: 2,
        data: [
          { id: 'm2', room: roomReply.name, start_time: 1772359200, duration: 30, ongoing: true, max_participants: 2, participants: [] },
          { id: 'm1', room: roomReply.name, start_time: 1772355600.5, duration: 600, ongoing: false },
        ],
      },
    });
    expect(await adapter().getSessions(meeting)).toEqual([
      { sessionId: 'm2', startedAt: new Date(1772359200_000), endedAt: null },
      { sessionId: 'm1', startedAt: new Date(1772355600_500), endedAt: new Date(1772356200_500) },
    ]);
    expect(api.requests[0]?.query.get('room')).toBe(roomReply.name);
  });

  it('deletes the room by name and treats 404 as already deleted', async () => {
    api.on(
      'DELETE',
      `/v1/rooms/${roomReply.name}`,
      { status: 200, body: { deleted: true, name: roomReply.name } },
      { status: 404, body: { error: 'not-found', deleted: true } },
    );
    await adapter().deleteMeeting(meeting);
    await adapter().deleteMeeting(meeting);
    expect(api.calls('DELETE', `/v1/rooms/${roomReply.name}`)).toHaveLength(2);
  });
});

describe('Daily startRecording', () => {
  it('sends type, instanceId and maxDuration and returns the recording id', async () => {
    api.on('POST', startPath, { status: 200, body: { recordingId: 'rec-1' } });
    const result = await adapter().startRecording(meeting, { type: 'raw-tracks', instanceId: 'inst-1', maxDurationSeconds: 7200 });
    expect(result).toEqual({ recordingId: 'rec-1' });
    expect(api.calls('POST', startPath)[0]?.json).toStrictEqual({ type: 'raw-tracks', instanceId: 'inst-1', maxDuration: 7200 });
  });

  it('reads the id from "id" and returns null when the reply has none', async () => {
    api.on('POST', startPath, { status: 200, body: { id: 'rec-2' } }, { status: 200, body: { status: 'sent' } });
    expect(await adapter().startRecording(meeting, { type: 'cloud', instanceId: 'i' })).toEqual({ recordingId: 'rec-2' });
    expect(await adapter().startRecording(meeting, { type: 'cloud', instanceId: 'i' })).toEqual({ recordingId: null });
    expect(api.calls('POST', startPath)[1]?.json).toStrictEqual({ type: 'cloud', instanceId: 'i' });
  });

  it('treats "has an active stream" as already started', async () => {
    api.on('POST', startPath, { status: 400, body: { error: 'invalid-request-error', info: 'room team-standup has an active stream' } });
    expect(await adapter().startRecording(meeting, { type: 'cloud', instanceId: 'i' })).toEqual({ recordingId: null });
  });

  it('retries "does not seem to be hosting a call" with growing waits until the call exists', async () => {
    const notHosting = { status: 404, body: { error: 'not-found', info: 'room does not seem to be hosting a call currently' } };
    api.on('POST', startPath, notHosting, notHosting, { status: 200, body: { recordingId: 'rec-3' } });
    expect(await adapter().startRecording(meeting, { type: 'raw-tracks', instanceId: 'i' })).toEqual({ recordingId: 'rec-3' });
    expect(deps.waits).toEqual([1000, 2000]);
  });

  it('gives up on "does not seem to be hosting a call" after the bounded retries', async () => {
    api.on('POST', startPath, { status: 404, body: { error: 'not-found', info: 'does not seem to be hosting a call' } });
    await expect(adapter().startRecording(meeting, { type: 'cloud', instanceId: 'i' })).rejects.toBeInstanceOf(ProviderError);
    expect(api.calls('POST', startPath)).toHaveLength(NOT_HOSTING_RETRIES + 1);
  });

  it('retries 503 (no recording workers) in the transport', async () => {
    api.on('POST', startPath, { status: 503, body: { error: 'server-error' } }, { status: 200, body: { recordingId: 'rec-4' } });
    expect(await adapter().startRecording(meeting, { type: 'cloud', instanceId: 'i' })).toEqual({ recordingId: 'rec-4' });
  });

  it('does not retry other client errors', async () => {
    api.on('POST', startPath, { status: 400, body: { error: 'invalid-request-error', info: 'recording not enabled' } });
    await expect(adapter().startRecording(meeting, { type: 'cloud', instanceId: 'i' })).rejects.toMatchObject({
      providerDetail: 'recording not enabled',
    });
    expect(api.requests).toHaveLength(1);
  });
});

describe('Daily recording sources', () => {
  const s3 = { bucket: 'rec-bucket', region: 'eu-west-1', roleArn: 'arn:aws:iam::123456789012:role/DailyS3' };
  const trackKeys = ['acme/room/1760988935484-a-cam-audio-1760988935922', 'acme/room/1760988935484-b-cam-audio-1760988943823'];

  it('reads raw tracks from our bucket with the keys Daily reported, never through an access link', async () => {
    // `tracks` (participant and offset per key, parsed from the key) since the recordings branch.
    expect(await adapter(s3).getRecordingSource({ recordingId: 'rec-1', kind: 'tracks', keys: trackKeys })).toMatchObject({
      kind: 'bucket',
      bucket: 'rec-bucket',
      region: 'eu-west-1',
      keys: trackKeys,
      tracks: trackKeys.map(parseDailyTrackKey),
    });
    expect(api.requests).toHaveLength(0);
  });

  it('reads the track keys from GET /recordings/:id when the webhook listed none', async () => {
    api.on('GET', '/v1/recordings/rec-1', {
      status: 200,
      body: { id: 'rec-1', tracks: trackKeys.map((s3Key) => ({ type: 'audio', s3Key, size: 1 })) },
    });
    expect(await adapter(s3).getRecordingSource({ recordingId: 'rec-1', kind: 'tracks', keys: [] })).toMatchObject({ keys: trackKeys });
  });

  it('fails clearly when Daily reports no tracks, or when no bucket is configured', async () => {
    api.on('GET', '/v1/recordings/rec-1', { status: 200, body: { id: 'rec-1', tracks: null } });
    const noTracks = await adapter(s3)
      .getRecordingSource({ recordingId: 'rec-1', kind: 'tracks', keys: [] })
      .catch((e: unknown) => e);
    expect(noTracks).toBeInstanceOf(ProviderError);
    expect((noTracks as ProviderError).message).toContain('no tracks');
    const noBucket = await adapter()
      .getRecordingSource({ recordingId: 'rec-1', kind: 'tracks', keys: trackKeys })
      .catch((e: unknown) => e);
    expect(noBucket).toBeInstanceOf(ConfigError);
    expect((noBucket as ConfigError).variables).toEqual(['AWS_DAILY_S3_BUCKET']);
  });

  it('reads a composite from our bucket when one is configured', async () => {
    const source = await adapter(s3).getRecordingSource({ recordingId: 'rec-1', kind: 'composite', keys: ['acme/room/1692124183028'] });
    expect(source).toEqual({ kind: 'bucket', bucket: 'rec-bucket', region: 'eu-west-1', keys: ['acme/room/1692124183028'] });
  });

  it('hands out an access link for a composite Daily hosts (no bucket configured, or no key reported)', async () => {
    api.on('GET', '/v1/recordings/rec-1/access-link', {
      status: 200,
      body: { download_link: 'https://daily-recordings.s3.amazonaws.com/x.mp4?X-Amz=1', expires: 1772362800 },
    });
    const link = { kind: 'link', url: 'https://daily-recordings.s3.amazonaws.com/x.mp4?X-Amz=1', expiresAt: new Date(1772362800_000) };
    expect(await adapter().getRecordingSource({ recordingId: 'rec-1', kind: 'composite', keys: ['acme/room/1'] })).toEqual(link);
    expect(await adapter(s3).getRecordingSource({ recordingId: 'rec-1', kind: 'composite', keys: [] })).toEqual(link);
  });
});

describe('Daily recordings', () => {
  it('returns an access link valid for 3600 s', async () => {
    api.on('GET', '/v1/recordings/rec-1/access-link', {
      status: 200,
      body: { download_link: 'https://daily-recordings.s3.amazonaws.com/x.mp4?X-Amz=1', expires: 1772362800 },
    });
    expect(await adapter().getRecordingLink('rec-1')).toEqual({
      url: 'https://daily-recordings.s3.amazonaws.com/x.mp4?X-Amz=1',
      expiresAt: new Date(1772362800_000),
    });
    expect(api.requests[0]?.query.get('valid_for_secs')).toBe('3600');
  });

  it('rejects an access link whose download_link is an error string', async () => {
    api.on('GET', '/v1/recordings/rec-1/access-link', {
      status: 200,
      body: { download_link: 'Error: recording not found in bucket', expires: 1772362800 },
    });
    const error = await adapter()
      .getRecordingLink('rec-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).message).toContain('download_link');
  });

  it('reads one recording with its raw tracks', async () => {
    api.on('GET', '/v1/recordings/rec-1', {
      status: 200,
      body: {
        id: 'rec-1',
        room_name: roomReply.name,
        start_ts: 1548789650,
        status: 'finished',
        duration: 277,
        s3key: 'acme/room/1',
        mtgSessionId: null,
        tracks: [{ type: 'audio', s3Key: 'k1', size: 831843 }],
      },
    });
    const rec = await adapter().client.getRecording('rec-1');
    expect(rec).toMatchObject({
      id: 'rec-1',
      status: 'finished',
      duration: 277,
      start_ts: new Date(1548789650_000),
      tracks: [{ type: 'audio', s3Key: 'k1', size: 831843 }],
    });
  });

  it('pages through recordings with starting_after until a short page', async () => {
    const rec = (id: string) => ({ id, room_name: roomReply.name, start_ts: 1, status: 'finished' });
    api.on(
      'GET',
      '/v1/recordings',
      { status: 200, body: { total_count: 3, data: [rec('r3'), rec('r2')] } },
      { status: 200, body: { total_count: 3, data: [rec('r1')] } },
    );
    const ids: string[] = [];
    for await (const r of adapter().client.iterateRecordings({ roomName: roomReply.name, limit: 2 })) ids.push(r.id);
    expect(ids).toEqual(['r3', 'r2', 'r1']);
    const [first, second] = api.calls('GET', '/v1/recordings');
    expect(Object.fromEntries(first?.query ?? [])).toEqual({ room_name: roomReply.name, limit: '2' });
    expect(Object.fromEntries(second?.query ?? [])).toEqual({ room_name: roomReply.name, starting_after: 'r2', limit: '2' });
  });

  it("clamps the page size to Daily's maximum of 100", async () => {
    api.on('GET', '/v1/recordings', { status: 200, body: { data: [] } });
    const all = [];
    for await (const r of adapter().client.iterateRecordings({ limit: 500 })) all.push(r);
    expect(all).toEqual([]);
    expect(api.requests[0]?.query.get('limit')).toBe('100');
  });

  it('does not support logos and recognises only the exact {"test":"test"} ping', async () => {
    await expect(adapter().uploadLogo()).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    expect(adapter().webhooks.isPing(Buffer.from('{"test":"test"}'), {})).toBe(true);
    expect(adapter().webhooks.isPing(Buffer.from('{"test":"test","x":1}'), {})).toBe(false);
  });
});
