import { describe, expect, it } from 'vitest';
import { parseRecordingFilename, wherebyNoticeReader } from './notices.js';

const record = (key: string, over: Record<string, unknown> = {}) => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  eventTime: '2026-03-01T10:31:00.000Z',
  eventName: 'ObjectCreated:Put',
  s3: { bucket: { name: 'rec' }, object: { key, size: 1234 } },
  ...over,
});

describe('wherebyNoticeReader', () => {
  const reader = wherebyNoticeReader('rec/whereby');

  it('reads a URL-encoded recording key under the destination folder as the recording of its room, keyed by file name', () => {
    const event = reader.parse(record('whereby/team-standup-af0b-2026-03-01T10%3A00%3A05Z.mp4'));
    expect(event).toEqual({
      kind: 'recording.ready',
      eventId: 'recording:team-standup-af0b-2026-03-01T10:00:05Z.mp4:ready',
      providerType: 'ObjectCreated:Put',
      occurredAt: new Date('2026-03-01T10:31:00.000Z'),
      providerRoomName: '/team-standup-af0b',
      providerMeetingId: null,
      recordingId: 'team-standup-af0b-2026-03-01T10:00:05Z.mp4',
      recordingType: 'cloud',
      key: 'whereby/team-standup-af0b-2026-03-01T10:00:05Z.mp4',
      filename: 'team-standup-af0b-2026-03-01T10:00:05Z.mp4',
      tracks: [],
      startedAt: new Date('2026-03-01T10:00:05Z'),
      durationSeconds: null,
    });
  });

  it.each([
    [
      'another bucket',
      record('whereby/r-2026-03-01T10:00:05Z.mp4', {
        s3: { bucket: { name: 'other' }, object: { key: 'whereby/r-2026-03-01T10:00:05Z.mp4' } },
      }),
    ],
    ['another folder', record('elsewhere/r-2026-03-01T10:00:05Z.mp4')],
    ['a deeper folder', record('whereby/x/r-2026-03-01T10:00:05Z.mp4')],
    ['a file that is not a recording', record('whereby/notes.txt')],
    ['a removal', record('whereby/r-2026-03-01T10:00:05Z.mp4', { eventName: 'ObjectRemoved:Delete' })],
    ['a key that does not decode', record('whereby/r-%E0%A4%A-2026-03-01T10:00:05Z.mp4')],
    ['S3 test event', { Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: 'rec' }],
    ['not an object', 'Records'],
  ])('reads nothing from %s', (_what, input) => {
    expect(reader.parse(input)).toBeNull();
  });

  it('reads nothing without a configured destination', () => {
    expect(wherebyNoticeReader(null).parse(record('r-2026-03-01T10:00:05Z.mp4'))).toBeNull();
  });

  it('accepts a destination that is the bucket alone, and a space sent as +', () => {
    expect(wherebyNoticeReader('rec').parse(record('my+room-2026-03-01T10%3A00%3A05Z.mkv'))).toMatchObject({
      providerRoomName: '/my room',
      key: 'my room-2026-03-01T10:00:05Z.mkv',
    });
  });
});

describe('parseRecordingFilename', () => {
  it('splits at the ISO time (the room part has dashes), with or without milliseconds', () => {
    expect(parseRecordingFilename('a-b-c-2026-03-01T10:00:05Z.mp4')).toEqual({
      providerRoomName: '/a-b-c',
      startedAt: new Date('2026-03-01T10:00:05Z'),
    });
    expect(parseRecordingFilename('a-2026-03-01T10:00:05.250Z.mkv')?.startedAt).toEqual(new Date('2026-03-01T10:00:05.250Z'));
    expect(parseRecordingFilename('a-2026-03-01.mp4')).toBeNull();
  });
});
