import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateMeetingInput, MeetingRef, RoomSettings } from '../src/core/adapter.js';
import { PlatformUnavailableError, ProviderError, UnsupportedCapabilityError, WebhookVerificationError } from '../src/core/errors.js';
import { PROVIDER_USER_ID_NAMESPACE, uuidV5 } from '../src/core/naming.js';
import { WherebyAdapter } from '../src/providers/whereby/adapter.js';
import type { WherebyConfig } from '../src/providers/whereby/config.js';
import { startFakeApi, testDeps, type FakeApi } from './helpers/fake-api.js';

const settings: RoomSettings = {
  isLocked: true,
  roomMode: 'group',
  roomSize: null,
  recordingType: 'none',
  recordingTrigger: 'automatic-2nd-participant',
};
const endDate = new Date('2026-03-01T18:00:00.000Z');
const input: CreateMeetingInput = { roomName: 'team-standup', settings, endDate };
const s3 = { bucket: 'rec-bucket/whereby', accessKeyId: 'AKIAEXAMPLE', accessKeySecret: 's3-secret-value' };

const createdReply = {
  meetingId: '9cf691bf-f2d5-4420-bda9-ee8607bb558b',
  roomName: '/team-standup-793e9ec1-c686-423d-9043-9b7a10c553fd',
  roomUrl: 'https://acme.whereby.com/team-standup-793e9ec1-c686-423d-9043-9b7a10c553fd',
  hostRoomUrl: 'https://acme.whereby.com/team-standup-793e9ec1-c686-423d-9043-9b7a10c553fd?roomKey=eFhcG',
  startDate: '2026-03-01T10:00:00Z',
  endDate: '2026-03-01T18:00:00Z',
};

const meeting: MeetingRef = {
  providerMeetingId: createdReply.meetingId,
  providerRoomName: createdReply.roomName,
  roomUrl: createdReply.roomUrl,
  hostRoomUrl: createdReply.hostRoomUrl,
  endDate,
};

let api: FakeApi;
let deps: ReturnType<typeof testDeps>;

function adapter(overrides: Partial<WherebyConfig> = {}): WherebyAdapter {
  const config: WherebyConfig = {
    apiKey: 'wb-api-key-123456',
    apiUrl: `${api.url}/v1`,
    webhookSecrets: [],
    s3: { bucket: null, accessKeyId: null, accessKeySecret: null },
    rateLimitPoints: 100,
    ...overrides,
  };
  return new WherebyAdapter(config, deps);
}

beforeEach(async () => {
  api = await startFakeApi();
  deps = testDeps();
});
afterEach(async () => {
  await api.close();
});

describe('Whereby createMeeting', () => {
  it('sends exactly the real POST /meetings body and keeps the leading "/" of roomName', async () => {
    api.on('POST', '/v1/meetings', { status: 201, body: createdReply });
    const created = await adapter().createMeeting(input);
    const [req] = api.calls('POST', '/v1/meetings');
    expect(req?.headers.authorization).toBe('Bearer wb-api-key-123456');
    expect(req?.json).toStrictEqual({
      isLocked: true,
      roomNamePrefix: 'team-standup-',
      roomNamePattern: 'uuid',
      roomMode: 'group',
      endDate: '2026-03-01T18:00:00.000Z',
      fields: ['hostRoomUrl'],
    });
    expect(created).toEqual({
      providerMeetingId: createdReply.meetingId,
      providerRoomName: createdReply.roomName,
      roomUrl: createdReply.roomUrl,
      hostRoomUrl: createdReply.hostRoomUrl,
      startDate: new Date('2026-03-01T10:00:00Z'),
      endDate: new Date('2026-03-01T18:00:00Z'),
    });
  });

  it('adds the S3 cloud-recording block with the room trigger for recordingType cloud', async () => {
    api.on('POST', '/v1/meetings', { status: 201, body: createdReply });
    await adapter({ s3 }).createMeeting({ ...input, settings: { ...settings, recordingType: 'cloud' } });
    const [req] = api.calls('POST', '/v1/meetings');
    expect((req?.json as Record<string, unknown>).recording).toStrictEqual({
      type: 'cloud',
      destination: {
        provider: 's3',
        bucket: 'rec-bucket/whereby',
        accessKeyId: 'AKIAEXAMPLE',
        accessKeySecret: 's3-secret-value',
        fileFormat: 'mp4',
      },
      startTrigger: 'automatic-2nd-participant',
    });
  });

  it('refuses cloud recording without S3 settings, naming the missing variables, before calling Whereby', async () => {
    const error = await adapter({ s3: { ...s3, accessKeySecret: null, bucket: null } })
      .createMeeting({ ...input, settings: { ...settings, recordingType: 'cloud' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformUnavailableError);
    expect((error as PlatformUnavailableError).variables).toEqual(['AWS_WHEREBY_S3_BUCKET', 'AWS_WHEREBY_ACCESS_KEY_SECRET']);
    expect((error as PlatformUnavailableError).status).toBe(409);
    expect(api.requests).toHaveLength(0);
  });

  it('derives the room name from the room URL when the reply omits it, and tolerates a missing host URL', async () => {
    const { roomName: _omit, hostRoomUrl: _h, startDate: _s, ...minimal } = createdReply;
    api.on('POST', '/v1/meetings', { status: 201, body: minimal });
    const created = await adapter().createMeeting(input);
    expect(created.providerRoomName).toBe(new URL(createdReply.roomUrl).pathname);
    expect(created.hostRoomUrl).toBeNull();
    expect(created.startDate).toBeNull();
  });

  it('does not retry a failed create (it is not idempotent)', async () => {
    api.on('POST', '/v1/meetings', { status: 502, body: { error: 'Bad gateway' } });
    await expect(adapter().createMeeting(input)).rejects.toBeInstanceOf(ProviderError);
    expect(api.requests).toHaveLength(1);
  });
});

describe('Whereby meeting operations', () => {
  it('deletes by meetingId and treats 404 as already deleted', async () => {
    api.on('DELETE', `/v1/meetings/${meeting.providerMeetingId}`, { status: 204 }, { status: 404, body: { error: 'Meeting not found' } });
    await adapter().deleteMeeting(meeting);
    await adapter().deleteMeeting(meeting);
    expect(api.calls('DELETE', `/v1/meetings/${meeting.providerMeetingId}`)).toHaveLength(2);
  });

  it('retries a delete on 5xx and then reports the failure', async () => {
    api.on('DELETE', `/v1/meetings/${meeting.providerMeetingId}`, { status: 500 });
    await expect(adapter().deleteMeeting(meeting)).rejects.toMatchObject({ providerStatus: 500 });
    expect(api.requests).toHaveLength(4);
  });

  it('reads sessions from insights with the leading-slash room name, following the cursor', async () => {
    api.on(
      'GET',
      '/v1/insights/room-sessions',
      {
        status: 200,
        body: {
          cursor: 'c2',
          results: [
            {
              roomSessionId: 'rs-1',
              roomName: meeting.providerRoomName,
              startedAt: '2026-03-01T10:01:00Z',
              endedAt: '2026-03-01T10:30:00Z',
              totalParticipantMinutes: 12,
            },
          ],
        },
      },
      { status: 200, body: { cursor: null, results: [{ roomSessionId: 'rs-2', startedAt: '2026-03-01T11:00:00Z', endedAt: null }] } },
    );
    const sessions = await adapter().getSessions(meeting);
    expect(sessions).toEqual([
      { sessionId: 'rs-1', startedAt: new Date('2026-03-01T10:01:00Z'), endedAt: new Date('2026-03-01T10:30:00Z') },
      { sessionId: 'rs-2', startedAt: new Date('2026-03-01T11:00:00Z'), endedAt: null },
    ]);
    const [first, second] = api.calls('GET', '/v1/insights/room-sessions');
    expect(first?.query.get('roomName')).toBe(meeting.providerRoomName);
    expect(first?.query.get('cursor')).toBeNull();
    expect(second?.query.get('cursor')).toBe('c2');
  });

  it('uploads the logo as multipart field "image" to the room name without "/"', async () => {
    const path = `/v1/rooms/${meeting.providerRoomName.slice(1)}/theme/logo`;
    api.on('PUT', path, { status: 204 });
    await adapter().uploadLogo(meeting, { data: new Uint8Array([137, 80, 78, 71]), contentType: 'image/png', filename: 'logo.png' });
    const [req] = api.calls('PUT', path);
    expect(req?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const body = req?.rawBody.toString('latin1') ?? '';
    expect(body).toContain('Content-Disposition: form-data; name="image"; filename="logo.png"');
    expect(body).toContain('Content-Type: image/png');
    expect(body).toContain('\x89PNG');
  });

  it('returns a hosted recording access link valid for 3600 s, converting expires from ms', async () => {
    api.on('GET', '/v1/recordings/rec-1/access-link', {
      status: 200,
      body: { accessLink: 'https://s3.example/rec-1.mp4?sig=x', expires: 1772362800000 },
    });
    const link = await adapter().getRecordingLink('rec-1');
    expect(link).toEqual({ url: 'https://s3.example/rec-1.mp4?sig=x', expiresAt: new Date(1772362800000) });
    expect(api.requests[0]?.query.get('validForSeconds')).toBe('3600');
  });

  it('maps a 403 on a self-hosted recording link to a ProviderError', async () => {
    api.on('GET', '/v1/recordings/rec-1/access-link', { status: 403, body: { error: 'Forbidden' } });
    await expect(adapter().getRecordingLink('rec-1')).rejects.toMatchObject({
      providerStatus: 403,
      providerCode: 'Forbidden',
      retryable: false,
    });
  });
});

describe('Whereby recording sources', () => {
  const filename = 'team-standup-793e9ec1-2026-03-01T10:00:00Z.mp4';

  it('reads a recording from our bucket when the S3 destination is configured, splitting "bucket/sub/folder"', async () => {
    expect(await adapter({ s3 }).getRecordingSource({ recordingId: 'rec-1', kind: 'composite', keys: [], filename })).toEqual({
      kind: 'bucket',
      bucket: 'rec-bucket',
      region: null,
      keys: [`whereby/${filename}`],
    });
    const flat = { ...s3, bucket: 'rec-bucket' };
    expect(await adapter({ s3: flat }).getRecordingSource({ recordingId: 'rec-1', kind: 'composite', keys: [], filename })).toMatchObject({
      bucket: 'rec-bucket',
      keys: [filename],
    });
    expect(api.requests).toHaveLength(0);
  });

  it('uses reported keys as they are without a file name, and fails clearly with neither', async () => {
    const keys = ['whereby/other.mp4'];
    expect(await adapter({ s3 }).getRecordingSource({ recordingId: 'rec-1', kind: 'composite', keys })).toMatchObject({ keys });
    await expect(adapter({ s3 }).getRecordingSource({ recordingId: 'rec-1', kind: 'composite', keys: [] })).rejects.toThrow(
      /no file name for recording rec-1/,
    );
  });

  it('hands out an access link when Whereby hosts the recordings (no complete S3 destination)', async () => {
    api.on('GET', '/v1/recordings/rec-1/access-link', {
      status: 200,
      body: { accessLink: 'https://s3.example/rec-1.mp4?sig=x', expires: 1772362800000 },
    });
    for (const config of [{}, { s3: { ...s3, accessKeySecret: null } }]) {
      expect(await adapter(config).getRecordingSource({ recordingId: 'rec-1', kind: 'composite', keys: [], filename })).toEqual({
        kind: 'link',
        url: 'https://s3.example/rec-1.mp4?sig=x',
        expiresAt: new Date(1772362800000),
      });
    }
  });
});

describe('Whereby room size', () => {
  it('asks for roomMode "group" for a room of more than 4, whatever its room_mode (normal holds 4)', async () => {
    api.on('POST', '/v1/meetings', { status: 201, body: createdReply });
    const normal = { ...settings, roomMode: 'normal' as const };
    await adapter().createMeeting({ ...input, settings: { ...normal, roomSize: 5 } });
    await adapter().createMeeting({ ...input, settings: { ...normal, roomSize: 4 } });
    await adapter().createMeeting({ ...input, settings: { ...normal, roomSize: null } });
    expect(api.calls('POST', '/v1/meetings').map((r) => (r.json as { roomMode: string }).roomMode)).toEqual(['group', 'normal', 'normal']);
  });
});

describe('Whereby joins and capabilities', () => {
  it('gives the owner the host URL and everyone else the room URL, without tokens, with the caller as embed parameters', async () => {
    const owner = await adapter().createJoin({ meeting, settings, user: { id: 'u1', name: 'Ana' }, isOwner: true });
    const visitor = await adapter().createJoin({ meeting, settings, user: null, isOwner: false });
    expect(owner).toEqual({ kind: 'url', url: `${meeting.hostRoomUrl}&externalId=u1&displayName=Ana`, token: null, expiresAt: endDate });
    expect(visitor).toEqual({ kind: 'url', url: meeting.roomUrl, token: null, expiresAt: endDate });
  });

  it('sends an id Whereby refuses as its stable UUIDv5, and strips what displayName may not contain', async () => {
    const subject = 'auth0|5f7c8ec7c33c6c004bbafe82';
    const join = await adapter().createJoin({ meeting, settings, user: { id: subject, name: 'Zoë <Admin>: $boss!;' }, isOwner: false });
    const url = new URL(join.kind === 'url' ? join.url : '');
    expect(`${url.origin}${url.pathname}`).toBe(meeting.roomUrl);
    expect(url.searchParams.get('externalId')).toBe(uuidV5(subject, PROVIDER_USER_ID_NAMESPACE));
    expect(url.searchParams.get('displayName')).toBe('Zoë Admin boss');
  });

  it('falls back to the room URL for an owner when the meeting has no host URL', async () => {
    const join = await adapter().createJoin({ meeting: { ...meeting, hostRoomUrl: null }, settings, user: null, isOwner: true });
    expect(join).toMatchObject({ kind: 'url', url: meeting.roomUrl });
  });

  it('throws UnsupportedCapabilityError for presence and server-side recording', async () => {
    await expect(adapter().getPresence()).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    await expect(adapter().startRecording()).rejects.toMatchObject({ capability: 'serverSideRecording' });
    expect(adapter().webhooks.isPing(Buffer.from('{"test":"test"}'), {})).toBe(false);
  });

  it('refuses webhooks when no secret is configured', () => {
    const error = (() => {
      try {
        adapter().webhooks.verify(Buffer.from('{}'), {}, new Date());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WebhookVerificationError);
    expect((error as WebhookVerificationError).reason).toBe('no_secret_configured');
    expect((error as Error).message).toContain('WHEREBY_WEBHOOK_SECRET');
  });
});
