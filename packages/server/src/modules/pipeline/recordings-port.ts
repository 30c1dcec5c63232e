import type { Executor } from '../../db/client.js';
import type { RecordingService } from '../recordings/service.js';

/** One stored track of a recording, as the pipeline reads it. */
export interface PipelineTrack {
  /** Storage key of the track (`container.storage`). */
  key: string;
  /** Where the track's time 0 lies on the recording's timeline (0 for a composite). */
  startOffsetMs: number;
  participantSessionId?: string;
  participantUserId?: string;
  participantName?: string;
}

/** What the pipeline needs to know about a recording. */
export interface PipelineRecording {
  id: string;
  meetingId: string | null;
  roomId: string | null;
  kind: 'tracks' | 'composite';
  tracks: PipelineTrack[];
  /** The provider's duration (canonical when known). */
  durationMs: number | null;
  /** Its audio was purged (consent refused): it cannot be processed again. */
  audioDeleted: boolean;
}

/**
 * The recordings module as the pipeline sees it (implemented over its service where the services
 * are wired): reading a stored recording, and telling it that processing is over so that the
 * consent purge may run.
 */
export interface RecordingsPort {
  get(recordingId: string): Promise<PipelineRecording | null>;
  /** Processing of the recording ended (`done` or `error`), in the transaction that recorded it. */
  processingEnded(tx: Executor, recordingId: string): Promise<void>;
}

/** The port over the recordings module's service. */
export function recordingsPort(service: RecordingService): RecordingsPort {
  return {
    async get(recordingId) {
      const row = await service.get(recordingId);
      if (!row) return null;
      return {
        id: row.id,
        meetingId: row.meetingId,
        roomId: row.roomId,
        kind: row.kind,
        tracks: row.tracks.map((t) => ({
          key: t.key,
          startOffsetMs: t.startOffsetMs,
          participantSessionId: t.participantSessionId,
          participantUserId: t.participantUserId,
          participantName: t.participantName,
        })),
        durationMs: row.durationMs,
        audioDeleted: row.audioDeleted,
      };
    },
    processingEnded: (tx, recordingId) => service.processingEnded(tx, recordingId),
  };
}
