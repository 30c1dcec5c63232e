import { PipelineError, probeAudio, type AudioProbe, type Ffmpeg } from '@meetbridge/pipeline';
import type { Clock, LoggerLike } from '@meetbridge/platforms';
import type { StoredTrack } from '../../db/schema/index.js';
import { PermanentJobError } from '../../jobs/define.js';
import { ObjectNotFoundError, type Storage } from '../../storage/index.js';
import type { RecordingRepo } from './repo.js';

export interface RecordingValidatorDeps {
  repo: RecordingRepo;
  storage: Storage;
  ffmpeg: Ffmpeg;
  clock: Clock;
  logger: LoggerLike;
}

/**
 * Checks every stored object of a recording with ffprobe: it must hold an audio stream, whose
 * duration is read (from the container, the stream, or the last packet for WebM without one).
 * All good → `stored`, with each track's duration and the recording's (the end of its latest
 * track). Anything else → `invalid` with the reason. Returns the final status.
 */
export class RecordingValidator {
  constructor(private readonly deps: RecordingValidatorDeps) {}

  async validate(recordingId: string): Promise<string | null> {
    const row = await this.deps.repo.byId(recordingId);
    if (!row) return null;
    if (row.status !== 'pending' && row.status !== 'downloading') return row.status;
    if (row.tracks.length === 0) return this.invalid(recordingId, 'nothing was stored for this recording');
    const tracks: StoredTrack[] = [];
    for (const [i, track] of row.tracks.entries()) {
      let probe: AudioProbe;
      try {
        probe = await this.deps.storage.withLocalFile(track.key, (path) => probeAudio(this.deps.ffmpeg, path));
      } catch (error) {
        if (error instanceof ObjectNotFoundError) throw new PermanentJobError(`stored object ${track.key} is missing`, { cause: error });
        if (error instanceof PipelineError && error.permanent && error.code !== 'config') {
          return this.invalid(recordingId, `${label(row.tracks.length, i)} is not a readable media file (${firstLine(error.message)})`);
        }
        throw error; // ffprobe missing, or storage unreachable: retried
      }
      if (!probe.hasAudio)
        return this.invalid(recordingId, `${label(row.tracks.length, i)} has no audio stream (format ${probe.formatName})`);
      tracks.push({ ...track, durationMs: Math.round(probe.durationSec * 1000) });
    }
    const durationMs = Math.max(...tracks.map((t) => t.startOffsetMs + (t.durationMs ?? 0)));
    await this.deps.repo.update(recordingId, { status: 'stored', tracks, durationMs, error: null }, this.deps.clock.now());
    this.deps.logger.info({ recordingId, tracks: tracks.length, durationMs }, 'recording stored and validated');
    return 'stored';
  }

  private async invalid(recordingId: string, reason: string): Promise<string> {
    await this.deps.repo.update(recordingId, { status: 'invalid', error: reason }, this.deps.clock.now());
    this.deps.logger.warn({ recordingId, reason }, 'recording is invalid');
    return 'invalid';
  }
}

function label(count: number, index: number): string {
  return count === 1 ? 'the recording' : `track ${index + 1} of ${count}`;
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.slice(0, 200);
}
