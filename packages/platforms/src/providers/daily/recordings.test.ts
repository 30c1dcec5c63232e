import { describe, expect, it } from 'vitest';
import { parseDailyListedRecording } from './recordings.js';

const item = {
  id: 'rec-1',
  room_name: 'standup',
  start_ts: 1760988935,
  status: 'finished',
  max_participants: 2,
  duration: 80,
  s3key: 'acme/standup/1760988935484',
  mtgSessionId: null,
};
const track = {
  type: 'audio',
  s3Key: 'acme/standup/1760988935484-52f7f48b-fbab-431f-9a50-87b9abfc8255-cam-audio-1760988935922',
  size: 831843,
};

describe('parseDailyListedRecording', () => {
  it('gives a raw-tracks recording (tracks, no type in the list) the key its webhook has', () => {
    expect(parseDailyListedRecording({ ...item, tracks: [track] })).toEqual({
      kind: 'recording.ready',
      eventId: 'recording:rec-1:ready',
      providerType: 'recording.polled',
      occurredAt: new Date((1760988935 + 80) * 1000),
      providerRoomName: 'standup',
      providerMeetingId: null,
      recordingId: 'rec-1',
      recordingType: 'raw-tracks',
      key: 'acme/standup/1760988935484',
      filename: null,
      tracks: [{ type: 'audio', key: track.s3Key, sizeBytes: 831843 }],
      startedAt: new Date(1760988935 * 1000),
      durationSeconds: 80,
    });
  });

  it('infers cloud from an s3key without tracks', () => {
    expect(parseDailyListedRecording(item)?.recordingType).toBe('cloud');
  });

  it.each([
    ['in progress', { ...item, status: 'in-progress', duration: undefined }],
    ['canceled', { ...item, status: 'canceled' }],
    ['empty (duration 0)', { ...item, duration: 0 }],
    ['without a key or tracks (likely failed)', { ...item, s3key: null, tracks: null }],
    ['not a recording', { hello: 'world' }],
  ])('skips a recording that is %s', (_what, raw) => {
    expect(parseDailyListedRecording(raw)).toBeNull();
  });
});
