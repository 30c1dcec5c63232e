import { spawn } from 'node:child_process';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFfmpegConfig } from '../../src/core/config.js';
import { createFfmpeg, type Ffmpeg } from '../../src/core/ffmpeg.js';
import type { TimeSpan } from '../../src/core/probe.js';

/** The runner the tests use: FFMPEG_PATH / FFPROBE_PATH when set, else the installer binaries. */
export const ff: Ffmpeg = createFfmpeg(loadFfmpegConfig(process.env));

/** A temporary folder, removed by the returned `cleanup`. */
export async function tempDir(prefix = 'pipeline-test-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** An ffmpeg `enable` expression true inside any of `spans` (evaluated per frame: hence 5 ms frames). */
function within(spans: readonly TimeSpan[]): string {
  return spans.map((s) => `between(t,${s.startSec},${s.endSec})`).join('+') || '0';
}

/** Output arguments per container. */
function codecArgs(out: string): string[] {
  if (out.endsWith('.webm')) return ['-c:a', 'libopus', '-b:a', '32k'];
  if (out.endsWith('.flac')) return ['-c:a', 'flac'];
  if (out.endsWith('.mp3')) return ['-c:a', 'libmp3lame', '-b:a', '48k'];
  return ['-c:a', 'pcm_s16le'];
}

export interface ToneOptions {
  /** Total length of the file in seconds. */
  durationSec: number;
  /** Where the tone sounds ("speech"); silence (digital zero) elsewhere. Default: the whole file. */
  speech?: readonly TimeSpan[];
  /** Stretches with no packets at all in the file (a muted microphone in a WebM), in file time. */
  missing?: readonly TimeSpan[];
  frequency?: number;
  sampleRate?: number;
  channels?: 1 | 2;
}

/**
 * Writes a test recording: a sine tone during `speech`, digital silence elsewhere, and no packets
 * at all during `missing` (the timestamps jump over them, as in a WebM from a muted participant).
 */
export async function writeTone(out: string, options: ToneOptions): Promise<string> {
  const { durationSec, frequency = 440, sampleRate = 48000, channels = 1 } = options;
  const filters: string[] = [];
  if (options.speech) filters.push(`volume=volume=0:enable='not(${within(options.speech)})'`);
  if (options.missing?.length) filters.push(`aselect='not(${within(options.missing)})'`);
  const args = [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${frequency}:sample_rate=${sampleRate}:duration=${durationSec}:samples_per_frame=${sampleRate / 200}`,
  ];
  if (filters.length) args.push('-af', filters.join(','));
  await ff.ffmpeg([...args, '-ac', String(channels), ...codecArgs(out), out]);
  return out;
}

/** Like `writeTone` to stereo WebM/Opus, but written through a pipe (as MediaRecorder streams it), so the file states no duration. */
export async function writePipedWebm(out: string, options: ToneOptions): Promise<string> {
  const { durationSec, frequency = 440 } = options;
  const handle = await open(out, 'w');
  try {
    const args = [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${frequency}:sample_rate=48000:duration=${durationSec}:samples_per_frame=240`,
    ];
    if (options.speech) args.push('-af', `volume=volume=0:enable='not(${within(options.speech)})'`);
    const child = spawn(ff.ffmpegPath, [...args, '-ac', '2', '-c:a', 'libopus', '-f', 'webm', 'pipe:1'], {
      stdio: ['ignore', handle.fd, 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    if (code !== 0) throw new Error(`ffmpeg failed writing ${out}: ${stderr}`);
  } finally {
    await handle.close();
  }
  return out;
}

/** Silence periods ffmpeg's silencedetect finds in `file` (an independent check of our outputs). */
export async function silencesOf(file: string, noiseDb = -50, minSec = 0.3): Promise<TimeSpan[]> {
  const spans: TimeSpan[] = [];
  let start: number | null = null;
  await ff.ffmpeg(['-i', file, '-af', `silencedetect=n=${noiseDb}dB:d=${minSec}`, '-f', 'null', '-'], {
    onStderrLine: (line) => {
      const s = /silence_start: (-?[\d.]+)/.exec(line);
      if (s) start = Number(s[1]);
      const e = /silence_end: (-?[\d.]+)/.exec(line);
      if (e && start !== null) {
        spans.push({ startSec: start, endSec: Number(e[1]) });
        start = null;
      }
    },
  });
  if (start !== null) spans.push({ startSec: start, endSec: Infinity });
  return spans;
}
