import { describe, expect, it } from 'vitest';
import type { RecordingReadyEvent } from './events.js';
import { recordingRefOf, splitBucketPath } from './recording.js';

const ready: RecordingReadyEvent = {
  eventId: 'e1',
  providerType: 'recording.ready-to-download',
  occurredAt: new Date('2026-03-01T10:00:00Z'),
  providerRoomName: 'r',
  providerMeetingId: null,
  kind: 'recording.ready',
  recordingId: 'rec-1',
  recordingType: 'cloud',
  key: null,
  filename: null,
  tracks: [],
  startedAt: null,
  durationSeconds: null,
};

describe('recordingRefOf', () => {
  it('lists one key per track for a raw-tracks recording', () => {
    const tracks = [
      { type: 'audio' as const, key: 'acme/r/1-a-cam-audio-2', sizeBytes: 10 },
      { type: 'video' as const, key: 'acme/r/1-a-cam-video-2', sizeBytes: null },
    ];
    expect(recordingRefOf({ ...ready, recordingType: 'raw-tracks', key: 'acme/r/1', tracks })).toEqual({
      recordingId: 'rec-1',
      kind: 'tracks',
      keys: ['acme/r/1-a-cam-audio-2', 'acme/r/1-a-cam-video-2'],
      filename: null,
    });
  });

  it('keeps a raw-tracks recording whose tracks were not reported as tracks with no keys', () => {
    expect(recordingRefOf({ ...ready, recordingType: 'raw-tracks', key: 'acme/r/1' })).toMatchObject({ kind: 'tracks', keys: [] });
  });

  it('gives a composite its one key, or none, and keeps the file name', () => {
    expect(recordingRefOf({ ...ready, key: 'acme/r/1692124183028' })).toMatchObject({ kind: 'composite', keys: ['acme/r/1692124183028'] });
    expect(recordingRefOf({ ...ready, filename: 'team-2026-03-01T10:00:00Z.mp4' })).toEqual({
      recordingId: 'rec-1',
      kind: 'composite',
      keys: [],
      filename: 'team-2026-03-01T10:00:00Z.mp4',
    });
  });
});

describe('splitBucketPath', () => {
  it.each([
    ['recordings', { bucket: 'recordings', prefix: '' }],
    ['recordings/whereby', { bucket: 'recordings', prefix: 'whereby/' }],
    ['recordings/a/b/', { bucket: 'recordings', prefix: 'a/b/' }],
    ['/recordings//a', { bucket: 'recordings', prefix: 'a/' }],
  ])('%s → %j', (path, expected) => {
    expect(splitBucketPath(path)).toEqual(expected);
  });
});
