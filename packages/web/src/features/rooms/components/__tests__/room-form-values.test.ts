import { describe, expect, it } from 'vitest';
import { createBody, newRoomValues, parseRoomSize, roomValues, updateBody } from '@/features/rooms/components/room-form-values';
import type { PlatformInfo, Room } from '@/lib/api/types';

const capabilities = {
  host_url: true,
  join_tokens: false,
  presence: true,
  sessions: true,
  delete_meeting: true,
  server_side_recording: false,
  raw_tracks: false,
  recording_links: false,
  recording_source: false,
  logo: false,
  webhook_admin: false,
  extend_meeting: false,
  recording_notices: false,
  recording_polling: false,
  planned_room_names: false,
};
const platforms: PlatformInfo[] = [
  { name: 'mock', display_name: 'Mock', is_default: false, capabilities },
  { name: 'whereby', display_name: 'Whereby', is_default: true, capabilities },
];
const room: Room = {
  id: '4b1e0c1e-0000-4000-8000-000000000000',
  name: 'standup',
  user_id: 'local',
  platform: 'daily',
  is_locked: false,
  room_mode: 'normal',
  room_size: null,
  recording_type: 'none',
  recording_trigger: 'automatic-2nd-participant',
  skip_consent: false,
  webhook_url: null,
  webhook_secret_set: false,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('room form values', () => {
  it('starts a new room on the default platform with the API defaults', () => {
    const values = newRoomValues(platforms);
    expect(values).toMatchObject({ platform: 'whereby', room_mode: 'normal', recording_type: 'none', room_size: '' });
    expect(createBody({ ...values, name: ' standup ' }, 8)).toMatchObject({ name: 'standup', platform: 'whereby', room_size: 8 });
  });

  it('leaves a platform that cannot be chosen here unselected, and sends only what changed', () => {
    const values = roomValues(room, platforms);
    expect(values.platform).toBeNull();
    expect(updateBody(room, values, null)).toEqual({});
    expect(updateBody(room, { ...values, is_locked: true, room_size: '10' }, 10)).toEqual({ is_locked: true, room_size: 10 });
    expect(updateBody(room, { ...values, platform: 'mock' }, null)).toEqual({ platform: 'mock' });
  });

  it('sends the webhook URL, and the write-only secret only when typed or removed', () => {
    const secret = `whsec_${'A'.repeat(43)}=`;
    expect(createBody({ ...newRoomValues(platforms), name: 'a' }, null)).toMatchObject({ webhook_url: null });
    expect(createBody({ ...newRoomValues(platforms), name: 'a' }, null)).not.toHaveProperty('webhook_secret');
    expect(
      createBody({ ...newRoomValues(platforms), name: 'a', webhook_url: ' https://hooks.example/x ', webhook_secret: secret }, null),
    ).toMatchObject({
      webhook_url: 'https://hooks.example/x',
      webhook_secret: secret,
    });
    const withHook: Room = { ...room, webhook_url: 'https://hooks.example/x', webhook_secret_set: true };
    const values = roomValues(withHook, platforms);
    expect(values).toMatchObject({ webhook_url: 'https://hooks.example/x', webhook_secret: '' });
    expect(updateBody(withHook, values, null)).toEqual({});
    expect(updateBody(withHook, { ...values, webhook_secret: secret }, null)).toEqual({ webhook_secret: secret });
    expect(updateBody(withHook, { ...values, remove_webhook_secret: true }, null)).toEqual({ webhook_secret: null });
    expect(updateBody(withHook, { ...values, webhook_url: '' }, null)).toEqual({ webhook_url: null });
  });

  it('reads the room size as a whole number or the provider default', () => {
    expect(parseRoomSize('')).toEqual({ ok: true, value: null });
    expect(parseRoomSize(' 12 ')).toEqual({ ok: true, value: 12 });
    expect(parseRoomSize('1.5')).toMatchObject({ ok: false });
    expect(parseRoomSize('twelve')).toMatchObject({ ok: false });
  });
});
