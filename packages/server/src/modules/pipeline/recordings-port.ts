import { RECORDING_FINAL_STATES, type ConsentHooks, type ConsentService } from '../recordings/consent.js';
import type { RecordingService } from '../recordings/service.js';
import { audioKeyOf } from './keys.js';
import type { TranscriptService } from './service.js';

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
 * The recordings module as the pipeline sees it (implemented over its services where the services
 * are wired): reading a stored recording, and telling it that processing is over so that the
 * consent purge may run.
 */
export interface RecordingsPort {
  get(recordingId: string): Promise<PipelineRecording | null>;
  /** Processing of the recording ended (`done` or `error`); called after that was committed. */
  processingEnded(recordingId: string): Promise<void>;
}

/** The port over the recordings module's services. */
export function recordingsPort(service: RecordingService, consent: Pick<ConsentService, 'afterProcessing'>): RecordingsPort {
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
    processingEnded: (recordingId) => consent.afterProcessing(recordingId),
  };
}

/** Transcript statuses after which the pipeline no longer needs the recording's audio. */
const PROCESSING_OVER: readonly string[] = ['done', 'error', 'awaiting_backend'];

/**
 * The recordings module's consent hooks, answered by the pipeline: a stored recording's audio is
 * needed until its transcript is `done` or `error`, or waits for a backend (`awaiting_backend`: a
 * declined participant's audio is not kept for a backend that may never be configured; such a
 * transcript then ends in `error`). The purge also deletes the mixed MP3 and any work files; once it
 * succeeded, the transcript says `audio_deleted` and `/audio` answers 410.
 */
export function pipelineConsentHooks(transcripts: TranscriptService): ConsentHooks {
  return {
    async isProcessingDone(row) {
      if (row.status !== 'stored') return RECORDING_FINAL_STATES.includes(row.status);
      const t = await transcripts.ofRecording(row.id);
      return !t || PROCESSING_OVER.includes(t.status);
    },
    async derivedAudioKeys(row) {
      const t = await transcripts.ofRecording(row.id);
      return t ? [audioKeyOf(t.id), ...(t.work?.tracks.map((track) => track.key) ?? [])] : [];
    },
    audioDeleted: (row) => transcripts.markAudioDeleted(row.id),
  };
}
