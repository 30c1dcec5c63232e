import { mkdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { DEFAULT_SAMPLE_RATE, type PreparedFormat } from './formats.js';
import { maxChunkSeconds, planChunks, speechSpans, type ChunkPlanOptions } from './chunks.js';
import { PipelineError } from './errors.js';
import type { Ffmpeg } from './ffmpeg.js';
import { probeAudio, type TimeSpan } from './probe.js';

/**
 * (2b) Splitting long audio at silences into files that fit a backend's upload limit. Each chunk
 * records where it starts, so segment times from the backend map back to the meeting timeline.
 */

/** Options of `detectSilences`. */
export interface SilenceOptions {
  /** Below this level counts as silence. Default -45 dB. */
  noiseDb?: number;
  /** Shortest silence reported. Default 0.5 s. */
  minSilenceSec?: number;
  signal?: AbortSignal;
}

/** Default silence threshold. */
export const DEFAULT_NOISE_DB = -45;
/** Default shortest silence. */
export const DEFAULT_MIN_SILENCE_SEC = 0.5;

/** Silences in `file` (ffmpeg `silencedetect`, read line by line) and the file's duration. */
export async function detectSilences(
  ff: Ffmpeg,
  file: string,
  options: SilenceOptions = {},
): Promise<{ silences: TimeSpan[]; durationSec: number }> {
  const { noiseDb = DEFAULT_NOISE_DB, minSilenceSec = DEFAULT_MIN_SILENCE_SEC, signal } = options;
  const { durationSec } = await probeAudio(ff, file, { signal });
  const silences: TimeSpan[] = [];
  let open: number | null = null;
  await ff.ffmpeg(['-v', 'info', '-i', file, '-af', `silencedetect=n=${noiseDb}dB:d=${minSilenceSec}`, '-f', 'null', '-'], {
    signal,
    what: `finding silences in ${file}`,
    onStderrLine: (line) => {
      const start = /silence_start: (-?[\d.]+)/.exec(line);
      if (start) open = Math.max(0, Number(start[1]));
      const end = /silence_end: (-?[\d.]+)/.exec(line);
      if (end && open !== null) {
        silences.push({ startSec: open, endSec: Number(end[1]) });
        open = null;
      }
    },
  });
  // A silence still open at the end of the file runs to its end.
  if (open !== null && open < durationSec) silences.push({ startSec: open, endSec: durationSec });
  return { silences, durationSec };
}

/** One file to upload and where it sits on the source's timeline. */
export interface AudioChunk {
  file: string;
  format: PreparedFormat;
  /** Start of the chunk in the source file, in seconds: add it to the backend's segment times. */
  startSec: number;
  endSec: number;
  bytes: number;
}

/** Options of `splitForUpload`. */
export interface SplitOptions extends SilenceOptions, Omit<ChunkPlanOptions, 'maxChunkSec'> {
  /** The backend's upload limit in bytes (`capabilities.maxUploadBytes`). */
  maxBytes: number;
  /** Chunk container. Default `flac`. */
  format?: PreparedFormat;
  /** Where chunk files go (created if missing). */
  workDir: string;
  /** File name prefix of the chunks. Default: the source's name without extension. */
  prefix?: string;
  /** Sample rate of the chunks. Default 16000. */
  sampleRate?: number;
}

/**
 * Cuts `file` at silences into 16 kHz mono chunks that each fit `maxBytes`, skipping stretches
 * without speech. Returns [] when the file is silent throughout. One ffmpeg process decodes the
 * source once and writes every chunk (`asplit` + sample-exact `atrim` per chunk).
 */
export async function splitForUpload(ff: Ffmpeg, file: string, options: SplitOptions): Promise<AudioChunk[]> {
  const { maxBytes, format = 'flac', workDir, sampleRate = DEFAULT_SAMPLE_RATE, signal } = options;
  const maxChunkSec = maxChunkSeconds(maxBytes, format, sampleRate);
  const { silences, durationSec } = await detectSilences(ff, file, options);
  const spans = planChunks(speechSpans(silences, durationSec), durationSec, { ...options, maxChunkSec });
  if (spans.length === 0) return [];
  await mkdir(workDir, { recursive: true });
  const prefix = options.prefix ?? basename(file, extname(file));
  const files = spans.map((_, i) => join(workDir, `${prefix}-chunk-${i}.${format}`));
  const head = `[0:a]aformat=channel_layouts=mono,aresample=${sampleRate}`;
  const graph = [
    spans.length > 1 ? `${head},asplit=${spans.length}${spans.map((_, i) => `[a${i}]`).join('')}` : `${head}[a0]`,
    ...spans.map((s, i) => `[a${i}]atrim=start=${s.startSec.toFixed(6)}:end=${s.endSec.toFixed(6)},asetpts=PTS-STARTPTS[c${i}]`),
  ].join(';');
  const codec = format === 'flac' ? ['-c:a', 'flac', '-sample_fmt', 's16', '-f', 'flac'] : ['-c:a', 'pcm_s16le', '-f', 'wav'];
  const outputs = files.flatMap((out, i) => ['-map', `[c${i}]`, ...codec, out]);
  await ff.ffmpeg(['-v', 'error', '-y', '-i', file, '-filter_complex', graph, ...outputs], {
    signal,
    what: `cutting ${file} into ${spans.length} chunk(s)`,
  });
  return Promise.all(
    spans.map(async (span, i) => {
      const chunkFile = files[i] as string;
      const { size } = await stat(chunkFile);
      if (size > maxBytes) {
        // maxChunkSeconds assumes the worst case, so this means that assumption is wrong.
        throw new PipelineError({
          code: 'ffmpeg_failed',
          permanent: true,
          message: `Chunk ${chunkFile} is ${size} bytes, over the ${maxBytes}-byte limit it was planned for.`,
        });
      }
      return { file: chunkFile, format, startSec: span.startSec, endSec: span.endSec, bytes: size };
    }),
  );
}
