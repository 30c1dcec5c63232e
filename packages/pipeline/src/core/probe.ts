import { z } from 'zod';
import { PipelineError } from './errors.js';
import type { Ffmpeg } from './ffmpeg.js';

/** A stretch of time in seconds, `startSec` < `endSec`. */
export interface TimeSpan {
  startSec: number;
  endSec: number;
}

/** What `probeAudio` learned about a file. */
export interface AudioProbe {
  /** ffprobe's `format_name` (`matroska,webm`, `flac`, `wav`, `mp3`...). */
  formatName: string;
  /** Duration in seconds; 0 for a file without audio. */
  durationSec: number;
  /**
   * Where the duration came from: the container header, the audio stream, or (for a WebM written
   * to a pipe, which has none) the end of the last audio packet.
   */
  durationSource: 'container' | 'stream' | 'packets' | 'none';
  hasAudio: boolean;
  /** The first audio stream, or null. */
  audio: { codec: string; sampleRate: number; channels: number; startTimeSec: number } | null;
}

/** The audio packets' timeline of a file, from `scanAudioPackets`. */
export interface PacketTimeline {
  /** Timestamp of the first packet (can be slightly negative: Opus pre-skip). */
  firstSec: number;
  /** End of the last packet (its timestamp plus its duration). */
  endSec: number;
  packets: number;
  /** Holes in the timestamps longer than the threshold: frames a muted microphone never sent. */
  gaps: TimeSpan[];
}

/** Holes shorter than this are jitter, left to `aresample=async=1` (its `min_hard_comp` default). */
export const DEFAULT_GAP_THRESHOLD_SEC = 0.1;

const numeric = z.union([z.string(), z.number()]).optional();
const ProbeWire = z.object({
  streams: z
    .array(
      z.object({
        codec_type: z.string().optional(),
        codec_name: z.string().optional(),
        sample_rate: numeric,
        channels: z.number().optional(),
        start_time: numeric,
        duration: numeric,
      }),
    )
    .default([]),
  format: z.object({ format_name: z.string().default('unknown'), duration: numeric }).default({ format_name: 'unknown' }),
});

/** A finite number from ffprobe's string fields ("N/A" and absent → null). */
function num(value: string | number | undefined): number | null {
  if (value === undefined || value === 'N/A') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/**
 * Probes `file`: container, first audio stream, duration. When neither the container nor the stream
 * states a duration (WebM from MediaRecorder or a pipe), reads the packet timestamps instead.
 */
export async function probeAudio(ff: Ffmpeg, file: string, options: { signal?: AbortSignal } = {}): Promise<AudioProbe> {
  const { stdout } = await ff.ffprobe(
    [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_entries',
      'format=format_name,duration:stream=codec_type,codec_name,sample_rate,channels,start_time,duration',
      file,
    ],
    { signal: options.signal, what: `probing ${file}` },
  );
  let parsed: z.infer<typeof ProbeWire>;
  try {
    parsed = ProbeWire.parse(JSON.parse(stdout));
  } catch (cause) {
    throw new PipelineError({ code: 'ffmpeg_failed', permanent: true, message: `ffprobe printed unexpected output for ${file}.`, cause });
  }
  const stream = parsed.streams.find((s) => s.codec_type === 'audio');
  const audio = stream
    ? {
        codec: stream.codec_name ?? 'unknown',
        sampleRate: num(stream.sample_rate) ?? 0,
        channels: stream.channels ?? 0,
        startTimeSec: num(stream.start_time) ?? 0,
      }
    : null;
  const base = { formatName: parsed.format.format_name, hasAudio: audio !== null, audio };
  if (!stream) return { ...base, durationSec: 0, durationSource: 'none' };
  const container = num(parsed.format.duration);
  if (container !== null && container > 0) return { ...base, durationSec: container, durationSource: 'container' };
  const own = num(stream.duration);
  if (own !== null && own > 0) return { ...base, durationSec: own, durationSource: 'stream' };
  const timeline = await scanAudioPackets(ff, file, { signal: options.signal });
  return { ...base, durationSec: Math.max(0, timeline.endSec), durationSource: timeline.packets > 0 ? 'packets' : 'none' };
}

/**
 * Reads the timestamps of every audio packet of `file` (ffprobe, no decoding; about 2 s for an hour
 * of Opus) and returns where the audio starts and ends and where packets are missing. Lines are
 * consumed as they arrive, so memory does not depend on the file's length.
 */
export async function scanAudioPackets(
  ff: Ffmpeg,
  file: string,
  options: { gapThresholdSec?: number; signal?: AbortSignal } = {},
): Promise<PacketTimeline> {
  const threshold = options.gapThresholdSec ?? DEFAULT_GAP_THRESHOLD_SEC;
  const gaps: TimeSpan[] = [];
  let firstSec: number | null = null;
  let endSec = 0;
  let packets = 0;
  const onStdoutLine = (line: string): void => {
    const [ptsText, durationText] = line.split(',');
    const pts = num(ptsText);
    if (pts === null) return;
    const duration = num(durationText) ?? 0;
    packets += 1;
    if (firstSec === null) {
      firstSec = pts;
      endSec = pts + duration;
      return;
    }
    if (pts - endSec > threshold) gaps.push({ startSec: endSec, endSec: pts });
    endSec = Math.max(endSec, pts + duration);
  };
  await ff.ffprobe(['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'packet=pts_time,duration_time', '-of', 'csv=p=0', file], {
    signal: options.signal,
    onStdoutLine,
    what: `reading the packet timestamps of ${file}`,
  });
  return { firstSec: firstSec ?? 0, endSec, packets, gaps };
}
