import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attributeComposite,
  isPermanent,
  mergeTrackSegments,
  prepareAudio,
  speakerName,
  transcribeFile,
  type AttributedSegment,
  type FileTranscript,
  type Summary,
} from '@meetbridge/pipeline';
import type { Clock, LoggerLike } from '@meetbridge/platforms';
import type { ParticipantSessionRow, PreparedWork, StoredSegment, TranscriptRow, TranscriptStage } from '../../db/schema/index.js';
import { PermanentJobError, type JobInfo } from '../../jobs/define.js';
import type { JobSender } from '../../jobs/types.js';
import { ObjectNotFoundError, type Storage } from '../../storage/index.js';
import type { ParticipantService } from '../participants/service.js';
import type { PipelineBackends } from './backends.js';
import type { RecordingsPort, PipelineRecording } from './recordings-port.js';
import type { TranscriptRepo } from './repo.js';
import type { TranscriptFinisher } from './finisher.js';
import { audioKeyOf, workKeyOf } from './keys.js';

/**
 * The stages as job handlers: prepare (tracks on the meeting timeline, the mixed MP3), transcribe
 * (each track, split for the backend's upload limit; speakers attributed), summarize (optional).
 * Each stage reads what the previous one stored, so each is retried on its own. A stage's job
 * carries the transcript's `run`: a job left over from before a reprocess changes nothing.
 */

/** The payload of every stage job. */
export interface StagePayload {
  transcriptId: string;
  run: number;
}

export interface StageDeps {
  repo: TranscriptRepo;
  recordings: RecordingsPort;
  participants: ParticipantService;
  storage: Storage;
  backends: PipelineBackends;
  finisher: TranscriptFinisher;
  jobs: JobSender;
  clock: Clock;
  logger: LoggerLike;
}

/** Runs `fn` with local paths of every key (nested `withLocalFile`: S3 downloads live as long as `fn`). */
async function withLocalFiles<T>(
  storage: Storage,
  keys: readonly string[],
  fn: (paths: string[]) => Promise<T>,
  got: string[] = [],
): Promise<T> {
  const next = keys[got.length];
  if (next === undefined) return fn(got);
  return storage.withLocalFile(next, (path) => withLocalFiles(storage, keys, fn, [...got, path]));
}

/** A temporary folder for one stage, always removed. */
async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'meetbridge-pipeline-'));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Speaker names of a tracks recording: the participant session's name, the provider's user name, `Speaker N`. */
export function trackSpeakers(recording: PipelineRecording, sessions: readonly ParticipantSessionRow[]): (string | null)[] {
  if (recording.kind === 'composite') return recording.tracks.map(() => null);
  return recording.tracks.map((track, i) => {
    const session =
      sessions.find((s) => track.participantSessionId && s.providerSessionId === track.participantSessionId) ??
      sessions.find((s) => track.participantUserId && s.userId === track.participantUserId);
    return speakerName([session?.userName, track.participantName], i);
  });
}

function toStored(segment: AttributedSegment): StoredSegment {
  const stored: StoredSegment = { speaker: segment.speaker, start: segment.start, end: segment.end, text: segment.text };
  if (segment.words.length > 0) stored.words = segment.words.map((w) => ({ word: w.word, start: w.start, end: w.end }));
  return stored;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}

export class PipelineStages {
  constructor(private readonly deps: StageDeps) {}

  /** Loads the transcript for a stage job; undefined when the job is stale (another run, another stage). */
  private async current(p: StagePayload, statuses: readonly string[]): Promise<TranscriptRow | undefined> {
    const row = await this.deps.repo.byId(p.transcriptId);
    if (!row || row.run !== p.run || !statuses.includes(row.status)) return undefined;
    return row;
  }

  /**
   * Runs one stage and decides what a failure means: permanent (bad audio, a backend's 4xx, a
   * missing source) or out of retries → the transcript is `error` with the reason at once;
   * transient → the reason is shown while the job is retried with backoff.
   */
  private async guarded(stage: TranscriptStage, t: TranscriptRow, job: JobInfo, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      const permanent = isPermanent(error) || error instanceof PermanentJobError || error instanceof ObjectNotFoundError;
      const last = job.retryCount >= job.retryLimit;
      const log = { err: error, transcriptId: t.id, stage, attempt: job.retryCount + 1 };
      if (!permanent && !last) {
        this.deps.logger.warn(log, 'pipeline stage failed; retried');
        await this.deps.repo.updateRun(t.id, t.run, { error: `Attempt ${job.retryCount + 1} failed, retrying: ${messageOf(error)}` });
        throw error;
      }
      this.deps.logger.error(log, permanent ? 'pipeline stage failed permanently' : 'pipeline stage failed; no retries left');
      if (stage === 'summarize') {
        await this.deps.finisher.done(t, { summaryError: messageOf(error) });
      } else {
        await this.deps.finisher.fail(t, stage, messageOf(error));
      }
      throw new PermanentJobError(messageOf(error), { cause: error });
    }
  }

  /** `pipeline.prepare`: every track placed on the timeline (16 kHz mono FLAC) and one mixed MP3, stored. */
  async prepare(p: StagePayload, job: JobInfo): Promise<void> {
    const t = await this.current(p, ['queued', 'preparing']);
    if (!t) return;
    await this.guarded('prepare', t, job, async () => {
      await this.deps.repo.updateRun(t.id, t.run, { status: 'preparing', stage: 'prepare', progress: 0 });
      const recording = await this.deps.recordings.get(t.recordingId);
      if (!recording || recording.tracks.length === 0) throw new PermanentJobError('The recording has no stored tracks to process.');
      if (recording.audioDeleted)
        throw new PermanentJobError("The recording's audio was deleted (consent refused); it cannot be processed.");
      const sessions = recording.meetingId ? await this.deps.participants.sessions(recording.meetingId) : [];
      const speakers = trackSpeakers(recording, sessions);
      const { work, durationSec } = await inTempDir((dir) =>
        withLocalFiles(
          this.deps.storage,
          recording.tracks.map((track) => track.key),
          async (files) => {
            const prepared = await prepareAudio(
              this.deps.backends.ffmpeg,
              files.map((file, i) => ({ file, offsetMs: recording.tracks[i]?.startOffsetMs ?? 0 })),
              { workDir: dir, format: 'flac' },
            );
            await this.deps.storage.put(audioKeyOf(t.id), createReadStream(prepared.mix.file), { contentType: 'audio/mpeg' });
            const tracks: PreparedWork['tracks'] = [];
            for (const [i, placed] of prepared.tracks.entries()) {
              const key = workKeyOf(t.id, t.run, i);
              await this.deps.storage.put(key, createReadStream(placed.file), { contentType: 'audio/flac' });
              tracks.push({ key, speaker: speakers[i] ?? null });
            }
            return { work: { tracks }, durationSec: prepared.durationSec };
          },
        ),
      );
      const duration = recording.durationMs !== null ? recording.durationMs / 1000 : durationSec;
      await this.toTranscribe(t, { work, duration, audioKey: audioKeyOf(t.id), audioDeleted: false });
    });
  }

  /** Moves to transcription, or to `awaiting_backend` when no transcription backend is configured. */
  private async toTranscribe(t: TranscriptRow, values: Partial<TranscriptRow> = {}): Promise<void> {
    const loaded = this.deps.backends.transcriber();
    await this.deps.repo.transaction(async (tx) => {
      if (!loaded.ok) {
        await this.deps.repo.updateRun(
          t.id,
          t.run,
          { ...values, status: 'awaiting_backend', stage: 'transcribe', progress: 0, error: loaded.message },
          tx,
        );
        return;
      }
      const row = await this.deps.repo.updateRun(
        t.id,
        t.run,
        { ...values, status: 'transcribing', stage: 'transcribe', progress: 0, error: null },
        tx,
      );
      if (row)
        await this.deps.jobs.send('pipeline.transcribe', { transcriptId: t.id, run: t.run }, { tx, singletonKey: `${t.id}:${t.run}` });
    });
    if (loaded.ok) return;
    this.deps.logger.warn({ transcriptId: t.id }, loaded.message);
    // Waiting for a backend counts as processed for consent: a refused consent's purge may run now.
    await this.deps.recordings
      .processingEnded(t.recordingId)
      .catch((err: unknown) => this.deps.logger.warn({ err }, 'consent check failed'));
  }

  /** `pipeline.transcribe`: each placed track transcribed (split at silences to fit), speakers attributed. */
  async transcribe(p: StagePayload, job: JobInfo): Promise<void> {
    const t = await this.current(p, ['transcribing', 'awaiting_backend']);
    if (!t) return;
    const loaded = this.deps.backends.transcriber();
    if (!loaded.ok) return this.toTranscribe(t);
    const transcriber = loaded.backend;
    await this.guarded('transcribe', t, job, async () => {
      const work = t.work;
      if (!work || work.tracks.length === 0)
        throw new PermanentJobError('Nothing was prepared for transcription; reprocess the transcript.');
      const writes: Promise<unknown>[] = [];
      const results: { speaker: string | null; transcript: FileTranscript }[] = [];
      await inTempDir(async (dir) => {
        for (const [i, track] of work.tracks.entries()) {
          const result = await this.deps.storage.withLocalFile(track.key, (file) =>
            transcribeFile(this.deps.backends.ffmpeg, transcriber, file, {
              workDir: join(dir, `track-${i}`),
              onProgress: (done, total) => {
                const progress = (i + done / Math.max(1, total)) / work.tracks.length;
                writes.push(this.deps.repo.updateRun(t.id, t.run, { progress }).catch(() => undefined));
              },
            }),
          );
          results.push({ speaker: track.speaker, transcript: result });
        }
      });
      await Promise.all(writes);
      const segments =
        t.kind === 'tracks'
          ? mergeTrackSegments(results.map((r, i) => ({ speaker: r.speaker ?? `Speaker ${i + 1}`, segments: r.transcript.segments })))
          : attributeComposite(
              results.flatMap((r) => r.transcript.segments),
              { diarized: transcriber.capabilities.diarization },
            );
      const language = results.find((r) => r.transcript.language)?.transcript.language ?? null;
      const values = { segments: segments.map(toStored), language, progress: 1, error: null };
      if (!this.deps.backends.summarizer().ok) {
        await this.deps.finisher.done(t, values);
        return;
      }
      await this.deps.repo.transaction(async (tx) => {
        const row = await this.deps.repo.updateRun(t.id, t.run, { ...values, status: 'summarizing', stage: 'summarize', progress: 0 }, tx);
        if (row)
          await this.deps.jobs.send('pipeline.summarize', { transcriptId: t.id, run: t.run }, { tx, singletonKey: `${t.id}:${t.run}` });
      });
    });
  }

  /** `pipeline.summarize`: title, summary, topics and action items (skipped without a summary backend). */
  async summarize(p: StagePayload, job: JobInfo): Promise<void> {
    const t = await this.current(p, ['summarizing']);
    if (!t) return;
    const loaded = this.deps.backends.summarizer();
    if (!loaded.ok) return this.deps.finisher.done(t, {});
    await this.guarded('summarize', t, job, async () => {
      const lines = t.segments.map((s) => ({ speaker: s.speaker, start: s.start, text: s.text }));
      const summary: Summary | null = lines.length > 0 ? await loaded.backend.summarize({ lines, language: t.language }) : null;
      await this.deps.finisher.done(
        t,
        summary
          ? { title: summary.title, summary: summary.summary, topics: summary.topics, actionItems: summary.actionItems, summaryError: null }
          : {},
      );
    });
  }

  /**
   * `pipeline.resume` (periodic, and at the boot of every process): when this process has a
   * transcription backend, transcripts waiting for one continue.
   */
  async resumeAwaiting(): Promise<number> {
    if (!this.deps.backends.transcriber().ok) return 0;
    const waiting = await this.deps.repo.awaitingBackend(100);
    for (const t of waiting) {
      if (t.audioDeleted) {
        await this.deps.finisher.fail(
          t,
          'transcribe',
          'The audio was deleted (a participant declined consent) before a transcription backend was configured.',
        );
      } else if (t.work) await this.toTranscribe(t);
      else await this.restartPrepare(t);
    }
    if (waiting.length) this.deps.logger.info({ count: waiting.length }, 'transcripts resumed: a transcription backend is configured');
    return waiting.length;
  }

  private async restartPrepare(t: TranscriptRow): Promise<void> {
    await this.deps.repo.transaction(async (tx) => {
      const row = await this.deps.repo.updateRun(t.id, t.run, { status: 'queued', stage: 'prepare', progress: 0, error: null }, tx);
      if (row) await this.deps.jobs.send('pipeline.prepare', { transcriptId: t.id, run: t.run }, { tx, singletonKey: `${t.id}:${t.run}` });
    });
  }
}
