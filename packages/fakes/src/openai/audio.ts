import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * What the transcription fake hears: it decodes the upload with ffmpeg (`silencedetect`) and treats
 * every stretch of sound between silences as one utterance, with its true start and end. The fake
 * needs no speech recognizer and its answers follow from the audio, so tests can check times.
 */

/** One utterance found in the audio, in seconds. */
export interface HeardSpan {
  start: number;
  end: number;
}

/** The result of listening to a file. */
export interface Heard {
  /** Decoded duration in seconds. */
  duration: number;
  spans: HeardSpan[];
}

/** Default ffmpeg: the binary shipped by `@ffmpeg-installer/ffmpeg`. */
export function defaultFfmpegPath(): string {
  return (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
}

/** Silence detection settings of the fake. */
export interface ListenOptions {
  ffmpegPath: string;
  /** Default -45 dB. */
  noiseDb?: number;
  /** Default 0.2 s. */
  minSilenceSec?: number;
}

/** Decodes `file`; rejects when ffmpeg cannot (the fake then answers 400 like OpenAI). */
export function listen(file: string, options: ListenOptions): Promise<Heard> {
  const { noiseDb = -45, minSilenceSec = 0.2 } = options;
  const args = ['-hide_banner', '-nostdin', '-nostats', '-i', file, '-vn', '-af', `silencedetect=n=${noiseDb}dB:d=${minSilenceSec}`];
  args.push('-f', 'null', '-progress', 'pipe:1', '-');
  return new Promise((resolve, reject) => {
    const child = spawn(options.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) return reject(new Error(stderr.trim().split('\n').slice(-2).join(' ')));
      const times = [...stdout.matchAll(/out_time_us=(\d+)/g)].map((m) => Number(m[1]) / 1e6);
      const duration = Math.max(0, ...times);
      resolve({ duration, spans: spansOf(stderr, duration) });
    });
  });
}

/** Turns silencedetect's lines into the sound between silences. */
function spansOf(stderr: string, duration: number): HeardSpan[] {
  const spans: HeardSpan[] = [];
  let cursor = 0;
  let silenceOpen = false;
  for (const line of stderr.split(/\r?\n/)) {
    const start = /silence_start: (-?[\d.]+)/.exec(line);
    if (start) {
      const at = Math.max(0, Number(start[1]));
      if (at > cursor) spans.push({ start: cursor, end: at });
      silenceOpen = true;
    }
    const end = /silence_end: (-?[\d.]+)/.exec(line);
    if (end) {
      cursor = Number(end[1]);
      silenceOpen = false;
    }
  }
  if (!silenceOpen && duration > cursor) spans.push({ start: cursor, end: duration });
  // Clicks shorter than 50 ms are not utterances.
  return spans.filter((s) => s.end - s.start >= 0.05).map((s) => ({ start: round(s.start), end: round(s.end) }));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
