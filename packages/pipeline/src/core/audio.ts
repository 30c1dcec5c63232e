import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PipelineError } from './errors.js';
import type { Ffmpeg } from './ffmpeg.js';
import { DEFAULT_SAMPLE_RATE, type PreparedFormat } from './formats.js';
import { planPlacement } from './placement.js';
import { scanAudioPackets, type TimeSpan } from './probe.js';
import { splitForUpload, type AudioChunk } from './split.js';

/**
 * Audio preparation: each track decoded and placed on the meeting's timeline (16 kHz mono, what
 * speech recognizers want), and one mixed MP3 for playback. ffmpeg reads and writes files; Node
 * only builds the filter graphs, so memory stays flat however long the meeting is.
 */

/** One recorded track. */
export interface TrackInput {
  /** The recording (any format ffmpeg reads; typically WebM/Opus per participant). */
  file: string;
  /**
   * Where the file's time 0 lies on the meeting timeline, in ms. Negative: the file began before
   * the meeting's time 0 and that part is dropped. For Daily raw tracks, the track's start minus
   * the recording's start (the file's own `start_time` is honoured on top of this).
   */
  offsetMs: number;
}

/** Options of `placeTrack`. */
export interface PlaceTrackOptions {
  /** Output file. */
  out: string;
  /** Default: `flac` for an `out` ending in `.flac`, else `wav`. */
  format?: PreparedFormat;
  /** Default 16000 (Whisper's native rate). */
  sampleRate?: number;
  /** Holes in the packet timestamps longer than this are filled with silence. Default 0.1 s. */
  gapThresholdSec?: number;
  signal?: AbortSignal;
}

/** A track on the meeting timeline: silence until `startSec`, holes filled. */
export interface PlacedTrack {
  file: string;
  format: PreparedFormat;
  sampleRate: number;
  /** Where the track's first sound can be, on the meeting timeline (seconds). */
  startSec: number;
  /** The end of the file, on the meeting timeline (= its duration). */
  endSec: number;
  /** Holes that were filled with silence, in the source file's time. */
  gaps: TimeSpan[];
}

/** The format a file name asks for: `.flac` → flac, anything else → wav. */
function formatOf(file: string): PreparedFormat {
  return file.toLowerCase().endsWith('.flac') ? 'flac' : 'wav';
}

function encoderArgs(format: PreparedFormat): string[] {
  return format === 'flac' ? ['-c:a', 'flac', '-sample_fmt', 's16', '-f', 'flac'] : ['-c:a', 'pcm_s16le', '-f', 'wav'];
}

/**
 * (2a) Decodes `track` and writes it on the meeting timeline as 16 kHz mono FLAC (or WAV): silence
 * for its offset, and silence in every hole of its packet timestamps, so that a time in the
 * output is a time in the meeting. Rejects with `bad_audio` for a file without audio packets.
 */
export async function placeTrack(ff: Ffmpeg, track: TrackInput, options: PlaceTrackOptions): Promise<PlacedTrack> {
  const { out, format = formatOf(out), sampleRate = DEFAULT_SAMPLE_RATE, signal } = options;
  const timeline = await scanAudioPackets(ff, track.file, { gapThresholdSec: options.gapThresholdSec, signal });
  if (timeline.packets === 0) {
    throw new PipelineError({ code: 'bad_audio', permanent: true, message: `${track.file} has no audio packets.` });
  }
  const plan = planPlacement(timeline, track.offsetMs / 1000, { sampleRate });
  if (plan.runs.length === 0) {
    throw new PipelineError({
      code: 'bad_audio',
      permanent: true,
      message: `${track.file} ends before the meeting's time 0 (offset ${track.offsetMs} ms); nothing to place.`,
    });
  }
  await ff.ffmpeg(['-v', 'error', '-y', '-i', track.file, '-filter_complex', plan.graph, '-map', '[out]', ...encoderArgs(format), out], {
    signal,
    what: `placing ${track.file} on the meeting timeline`,
  });
  return { file: out, format, sampleRate, startSec: plan.startSec, endSec: plan.endSec, gaps: timeline.gaps };
}

/** Options of `mixTracks`. */
export interface MixOptions {
  /** Output MP3 file. */
  out: string;
  /** Default 32 (mono speech at 16 kHz; about 14 MB per hour). */
  bitrateKbps?: number;
  signal?: AbortSignal;
}

/** The mixed playback file. */
export interface MixedAudio {
  file: string;
  bitrateKbps: number;
}

/**
 * (2c) Mixes placed tracks (all on the same timeline) into one mono MP3 for playback. `amix` scales
 * each input by 1/N; the volume is restored and a limiter keeps overlapping speech from clipping.
 */
export async function mixTracks(ff: Ffmpeg, tracks: readonly Pick<PlacedTrack, 'file'>[], options: MixOptions): Promise<MixedAudio> {
  const { out, bitrateKbps = 32, signal } = options;
  if (tracks.length === 0) throw new PipelineError({ code: 'bad_audio', permanent: true, message: 'There are no tracks to mix.' });
  const inputs = tracks.flatMap((t) => ['-i', t.file]);
  const n = tracks.length;
  const filter =
    n === 1
      ? ['-map', '0:a']
      : [
          '-filter_complex',
          `${tracks.map((_, i) => `[${i}:a]`).join('')}amix=inputs=${n}:duration=longest:dropout_transition=0,volume=${n},alimiter=limit=0.9:level=0[mix]`,
          '-map',
          '[mix]',
        ];
  await ff.ffmpeg(
    [
      '-v',
      'error',
      '-y',
      ...inputs,
      ...filter,
      '-ac',
      '1',
      '-c:a',
      'libmp3lame',
      '-b:a',
      `${bitrateKbps}k`,
      '-compression_level',
      '7',
      out,
    ],
    { signal, what: `mixing ${n} track(s) into ${out}` },
  );
  return { file: out, bitrateKbps };
}

/** Runs `tasks` with at most `limit` running at once; rejects with the first failure. */
export async function runLimited<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  return results;
}

/** Options of `prepareAudio`. */
export interface PrepareAudioOptions {
  /** Folder for the outputs (created if missing): `track-<i>.<format>` and `mix.mp3`. */
  workDir: string;
  /**
   * Container of the placed tracks. Default `wav`: they are intermediates read three more times
   * (silences, chunks, mix), and WAV costs no encoding or decoding (measured: about 13 CPU seconds
   * less per hour of two tracks than FLAC) for 115 MB of disk per track-hour.
   */
  format?: PreparedFormat;
  sampleRate?: number;
  /** ffmpeg processes at once. Default 2. */
  concurrency?: number;
  /** Default 32. */
  mixBitrateKbps?: number;
  /**
   * Also cut each placed track into upload chunks for a backend (2b), while the mix is encoded:
   * pass the transcriber's `maxUploadBytes` and format. Default: no chunks (for example while no
   * backend is configured; `transcribeFile` splits later).
   */
  upload?: { maxBytes: number; format: PreparedFormat } | null;
  signal?: AbortSignal;
}

/** Everything audio preparation produced. */
export interface PreparedAudio {
  /** One per input track, in input order. */
  tracks: PlacedTrack[];
  mix: MixedAudio;
  /** With `upload`: each track's chunks, in track order (`transcribeChunks` sends them). Else null. */
  chunks: AudioChunk[][] | null;
  /** The meeting's length as the tracks cover it (the latest track end), in seconds. */
  durationSec: number;
}

/**
 * (2a + 2c, and 2b with `upload`) Places every track on the meeting timeline, then mixes them into
 * one MP3 while (with `upload`) the placed tracks are cut into upload chunks, `concurrency` ffmpeg
 * processes at a time. Outputs in `workDir`: `track-<i>.<format>`, `mix.mp3`, `track-<i>-chunk-<n>.*`.
 */
export async function prepareAudio(ff: Ffmpeg, tracks: readonly TrackInput[], options: PrepareAudioOptions): Promise<PreparedAudio> {
  const { workDir, format = 'wav', concurrency = 2, upload, signal } = options;
  await mkdir(workDir, { recursive: true });
  const placed = await runLimited(
    tracks.map(
      (track, i) => () =>
        placeTrack(ff, track, { out: join(workDir, `track-${i}.${format}`), format, sampleRate: options.sampleRate, signal }),
    ),
    concurrency,
  );
  let mix: MixedAudio | undefined;
  const chunks: AudioChunk[][] = [];
  const mixTask = async (): Promise<void> => {
    mix = await mixTracks(ff, placed, { out: join(workDir, 'mix.mp3'), bitrateKbps: options.mixBitrateKbps, signal });
  };
  const splitTasks = (upload ? placed : []).map((track, i) => async (): Promise<void> => {
    chunks[i] = await splitForUpload(ff, track.file, {
      maxBytes: upload?.maxBytes ?? 0,
      format: upload?.format,
      workDir,
      prefix: `track-${i}`,
      sampleRate: track.sampleRate,
      signal,
    });
  });
  // The mix is the longest single step, so it starts first and the splits share the other slot.
  await runLimited([mixTask, ...splitTasks], concurrency);
  return {
    tracks: placed,
    mix: mix as MixedAudio,
    chunks: upload ? chunks : null,
    durationSec: Math.max(0, ...placed.map((t) => t.endSec)),
  };
}
