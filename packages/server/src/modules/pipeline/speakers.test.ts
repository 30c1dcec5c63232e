import { describe, expect, it } from 'vitest';
import type { ParticipantSessionRow } from '../../db/schema/index.js';
import type { PipelineRecording } from './recordings-port.js';
import { trackSpeakers } from './stages.js';

const session = (providerSessionId: string, userId: string | null, userName: string | null): ParticipantSessionRow => ({
  id: providerSessionId,
  meetingId: 'm',
  providerSessionId,
  userId,
  userName,
  joinedAt: new Date(0),
  leftAt: null,
});

const recording = (kind: 'tracks' | 'composite', tracks: PipelineRecording['tracks']): PipelineRecording => ({
  id: 'r',
  meetingId: 'm',
  roomId: 'room',
  kind,
  tracks,
  durationMs: null,
  audioDeleted: false,
});

describe('trackSpeakers', () => {
  it("names a track from its participant session, else the provider's user name, else Speaker N", () => {
    const sessions = [session('s-ann', 'u-ann', 'Ann Lee'), session('s-cy', 'u-cy', null), session('s-dee', 'u-dee', 'Dee')];
    const names = trackSpeakers(
      recording('tracks', [
        { key: 'a', startOffsetMs: 0, participantSessionId: 's-ann', participantName: 'ann-from-provider' },
        { key: 'b', startOffsetMs: 0, participantName: 'bob-from-provider' },
        { key: 'c', startOffsetMs: 0, participantSessionId: 's-cy' },
        { key: 'd', startOffsetMs: 0, participantUserId: 'u-dee' },
      ]),
      sessions,
    );
    expect(names).toEqual(['Ann Lee', 'bob-from-provider', 'Speaker 3', 'Dee']);
  });

  it('leaves composite recordings to attribution (diarization)', () => {
    expect(trackSpeakers(recording('composite', [{ key: 'x', startOffsetMs: 0 }]), [session('s', 'u', 'Ann')])).toEqual([null]);
  });
});
