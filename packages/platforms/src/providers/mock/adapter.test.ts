import { describe, expect, it } from 'vitest';
import type { AdapterDeps, MeetingRef, RoomSettings } from '../../core/adapter.js';
import { UnsupportedCapabilityError, WebhookVerificationError } from '../../core/errors.js';
import { silentLogger } from '../../core/logger.js';
import { mockProvider } from './index.js';
import { MockAdapter } from './adapter.js';
import { MockProviderState } from './state.js';
import { signMockWebhook } from './webhooks.js';

const NOW = new Date('2026-03-01T10:00:00Z');
const deps: AdapterDeps = { clock: { now: () => NOW }, logger: silentLogger, baseUrl: 'http://meetbridge.test/' };
const settings: RoomSettings = { isLocked: false, roomMode: 'normal', roomSize: null, recordingType: 'none', recordingTrigger: 'none' };
const endDate = new Date('2026-03-01T18:00:00Z');
const SECRET = Buffer.from('mock-secret').toString('base64');

async function setup() {
  const state = new MockProviderState();
  const adapter = new MockAdapter({ webhookSecrets: [SECRET], state }, deps);
  const created = await adapter.createMeeting({ roomName: 'team', settings, endDate });
  const meeting: MeetingRef = { ...created };
  return { state, adapter, created, meeting };
}

describe('MockAdapter', () => {
  it('creates a room served by Meetbridge, with a host URL', async () => {
    const { created, state } = await setup();
    expect(created.providerRoomName).toMatch(/^team-20260301100000-[a-z0-9]{6}$/);
    expect(created.roomUrl).toBe(`http://meetbridge.test/mock/rooms/${created.providerRoomName}`);
    expect(created.hostRoomUrl).toBe(`${created.roomUrl}?role=host`);
    expect(created).toMatchObject({ startDate: NOW, endDate });
    expect(state.room(created.providerRoomName)?.providerMeetingId).toBe(created.providerMeetingId);
  });

  it('reports presence and sessions from its in-memory world, and empties a deleted room', async () => {
    const { adapter, state, meeting } = await setup();
    const p = state.join(meeting.providerRoomName, { userId: 'u1', userName: 'Ana' }, NOW);
    expect(await adapter.getPresence(meeting)).toEqual({ participants: [p], total: 1 });
    expect(await adapter.getSessions(meeting)).toHaveLength(1);
    await adapter.deleteMeeting(meeting);
    await adapter.deleteMeeting({ ...meeting, providerRoomName: 'gone' });
    expect(await adapter.getPresence(meeting)).toEqual({ participants: [], total: 0 });
    expect(await adapter.getPresence({ ...meeting, providerRoomName: 'gone' })).toEqual({ participants: [], total: 0 });
    expect(await adapter.getSessions({ ...meeting, providerRoomName: 'gone' })).toEqual([]);
  });

  it('gives owners the host URL and others the room URL', async () => {
    const { adapter, meeting } = await setup();
    expect(await adapter.createJoin({ meeting, settings, user: null, isOwner: true })).toMatchObject({
      kind: 'url',
      url: meeting.hostRoomUrl,
    });
    expect(await adapter.createJoin({ meeting: { ...meeting, hostRoomUrl: null }, settings, user: null, isOwner: true })).toEqual({
      kind: 'url',
      url: meeting.roomUrl,
      token: expect.any(String),
      expiresAt: endDate,
    });
  });

  it('starts a recording once per instance id and refuses deleted rooms', async () => {
    const { adapter, meeting } = await setup();
    const first = await adapter.startRecording(meeting, { type: 'cloud', instanceId: 'i1' });
    expect(await adapter.startRecording(meeting, { type: 'cloud', instanceId: 'i1' })).toEqual(first);
    expect(await adapter.startRecording(meeting, { type: 'cloud', instanceId: 'i2' })).not.toEqual(first);
    await adapter.deleteMeeting(meeting);
    await expect(adapter.startRecording(meeting, { type: 'cloud', instanceId: 'i3' })).rejects.toBeInstanceOf(UnsupportedCapabilityError);
  });

  it('does not support recording links, recording sources or logos and has no verification ping', async () => {
    const { adapter } = await setup();
    await expect(adapter.getRecordingLink()).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    await expect(adapter.getRecordingSource()).rejects.toMatchObject({ capability: 'recordingSource' });
    await expect(adapter.uploadLogo()).rejects.toBeInstanceOf(UnsupportedCapabilityError);
    expect(adapter.webhooks.isPing(Buffer.from('{"test":"test"}'), {})).toBe(false);
  });

  it('verifies and parses its signed webhooks, and refuses them without a secret', async () => {
    const { adapter } = await setup();
    const body = Buffer.from(
      JSON.stringify({ type: 'participant.joined', timestamp: NOW.toISOString(), data: { room_name: 'r', session_id: 's' } }),
    );
    const verified = adapter.webhooks.verify(body, signMockWebhook(SECRET, 'msg_1', NOW.getTime() / 1000, body), NOW);
    expect(adapter.webhooks.parse(verified)[0]).toMatchObject({ kind: 'participant.joined', sessionId: 's' });
    const bare = new MockAdapter({ webhookSecrets: [] }, deps);
    expect(() => bare.webhooks.verify(body, {}, NOW)).toThrow(WebhookVerificationError);
  });

  it('is exposed as a provider module that always loads', () => {
    const loaded = mockProvider.loadConfig({ MOCK_WEBHOOK_SECRET: `${SECRET}, other` });
    expect(loaded).toEqual({ ok: true, config: { webhookSecrets: [SECRET, 'other'] } });
    if (loaded.ok) expect(mockProvider.create(loaded.config, deps)).toBeInstanceOf(MockAdapter);
  });
});
