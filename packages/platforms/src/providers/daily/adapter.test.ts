import { describe, expect, it } from 'vitest';
import type { RoomSettings } from '../../core/adapter.js';
import { buildCreateRoomBody, DAILY_ROOM_NAME_MAX, parseDailyTrackKey } from './adapter.js';

const settings: RoomSettings = { isLocked: false, roomMode: 'normal', roomSize: null, recordingType: 'none', recordingTrigger: 'none' };
const s3 = { bucket: null, region: 'us-west-2', roleArn: null };
const now = new Date('2026-03-01T23:59:58.999Z');

describe('buildCreateRoomBody', () => {
  it("names the room {room}-{UTC stamp}-{random} in Daily's charset", () => {
    const { name } = buildCreateRoomBody({ roomName: 'Team Room!', settings, endDate: now }, now, s3);
    expect(name).toMatch(/^Team-Room--20260301235958-[a-z0-9]{6}$/);
  });

  it('keeps a long room name within 128 chars', () => {
    const { name } = buildCreateRoomBody({ roomName: 'r'.repeat(300), settings, endDate: now }, now, s3);
    expect(name).toHaveLength(DAILY_ROOM_NAME_MAX);
  });

  it('never sends enable_recording for recordingType none (not even false)', () => {
    const body = buildCreateRoomBody({ roomName: 'r', settings, endDate: now }, now, s3);
    expect('enable_recording' in body.properties).toBe(false);
    expect('max_participants' in body.properties).toBe(false);
    expect(body.properties.exp).toBe(Math.floor(now.getTime() / 1000));
  });

  it('names only the missing variable when the bucket is set but the role is not', () => {
    expect(() =>
      buildCreateRoomBody({ roomName: 'r', settings: { ...settings, recordingType: 'cloud' }, endDate: now }, now, { ...s3, bucket: 'b' }),
    ).toThrow(expect.objectContaining({ variables: ['AWS_DAILY_ROLE_ARN'] }));
  });
});

describe('parseDailyTrackKey', () => {
  it('reads the participant session, media and offset of a raw-track key', () => {
    const key = 'monadical/daily-20251020193458/1760988935484-52f7f48b-fbab-431f-9a50-87b9abfc8255-cam-audio-1760988935922';
    expect(parseDailyTrackKey(key)).toEqual({
      key,
      media: 'audio',
      participantSessionId: '52f7f48b-fbab-431f-9a50-87b9abfc8255',
      startOffsetMs: 438,
    });
    expect(parseDailyTrackKey('d/r/1760988935484-abc-screen-video-1760988936000')).toMatchObject({
      media: 'video',
      participantSessionId: 'abc',
    });
  });

  it('knows nothing about a key in another shape (a composite)', () => {
    expect(parseDailyTrackKey('d/room/1692124183028')).toEqual({
      key: 'd/room/1692124183028',
      media: null,
      participantSessionId: null,
      startOffsetMs: null,
    });
  });
});
