import { spawn as nodeSpawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { PipelineError, throwIfAborted } from './errors.js';
import type { LoggerLike } from './logger.js';
import { silentLogger } from './logger.js';

/**
 * Runs ffmpeg and ffprobe as child processes. Audio never passes through Node: the tools read and
 * write files, and we only read their text output line by line (stderr for silencedetect, stdout
 * for ffprobe), so memory does not grow with the length of a recording. `spawn` is injectable so
 * the error handling can be tested without the binaries.
 */

/** The parts of a `ChildProcess` the runner uses. */
export interface ChildProcessLike {
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  kill(signal?: NodeJS.Signals | number): boolean;
  once(event: 'error', listener: (error: Error) => void): this;
  once(event: 'close', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
}

/** Starts a process; `node:child_process`'s `spawn` fits. */
export type SpawnLike = (command: string, args: readonly string[], options: { stdio: ['ignore', 'pipe', 'pipe'] }) => ChildProcessLike;

/** Options of `createFfmpeg`. */
export interface FfmpegOptions {
  /** The ffmpeg binary (the server passes `FFMPEG_PATH`). Default: the `@ffmpeg-installer/ffmpeg` binary. */
  ffmpegPath?: string | null;
  /** The ffprobe binary (`FFPROBE_PATH`). Default: the `@ffprobe-installer/ffprobe` binary. */
  ffprobePath?: string | null;
  /** Default: `node:child_process` spawn. */
  spawn?: SpawnLike;
  /** Default: silent. Commands are logged at debug level. */
  logger?: LoggerLike;
}

/** Options of one run. */
export interface RunOptions {
  /** Kills the process (SIGKILL) and rejects with code `aborted` when it fires. */
  signal?: AbortSignal;
  /** Receives every stderr line (silencedetect reports there). The tail is kept for errors either way. */
  onStderrLine?: (line: string) => void;
  /** Receives every stdout line; when absent, stdout is collected and returned (up to 8 MB). */
  onStdoutLine?: (line: string) => void;
  /** What the command does, for error messages, e.g. `placing track a.webm on the timeline`. */
  what?: string;
}

/** What a successful run printed. */
export interface RunResult {
  /** Collected stdout, or '' when `onStdoutLine` consumed it. */
  stdout: string;
  /** The last lines of stderr. */
  stderrTail: string;
}

/** Maximum stdout collected without `onStdoutLine`: ffprobe's JSON is a few KB. */
const MAX_STDOUT_BYTES = 8 * 1024 * 1024;
/** Lines of stderr kept for error messages. */
const TAIL_LINES = 12;
/** ffmpeg messages that mean the input itself is unusable, so retrying cannot help. */
const BAD_INPUT =
  /Invalid data found when processing input|does not contain any stream|Output file #\d+ does not contain any stream|matches no streams|could not find codec parameters|EBML header parsing failed|moov atom not found|No such file or directory/i;

/** Calls `onLine` for each `\n`- or `\r`-terminated line of `stream`; the last partial line at end. */
function readLines(stream: Readable, onLine: (line: string) => void): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const parts = (pending + chunk).split(/\r\n|\r|\n/);
    pending = parts.pop() ?? '';
    for (const line of parts) onLine(line);
  });
  stream.on('end', () => {
    if (pending !== '') onLine(pending);
    pending = '';
  });
}

/** What a run printed: the stderr tail, collected stdout, and whether stdout went over the limit. */
interface Output {
  readonly tail: string[];
  readonly stdout: string[];
  overflow: boolean;
}

/** Reads the child's stderr (tail kept, lines forwarded) and stdout (forwarded, or collected up to a limit) into `output`. */
function collectOutput(child: ChildProcessLike, options: RunOptions, output: Output): void {
  let stdoutBytes = 0;
  if (child.stderr) {
    readLines(child.stderr, (line) => {
      output.tail.push(line);
      if (output.tail.length > TAIL_LINES) output.tail.shift();
      options.onStderrLine?.(line);
    });
  }
  if (child.stdout) {
    readLines(child.stdout, (line) => {
      if (options.onStdoutLine) return options.onStdoutLine(line);
      stdoutBytes += line.length + 1;
      if (stdoutBytes > MAX_STDOUT_BYTES) output.overflow = true;
      else output.stdout.push(line);
    });
  }
}

/** Resolves an installer package's `.path` lazily, so an explicit path works on any platform. */
function installerPath(pkg: '@ffmpeg-installer/ffmpeg' | '@ffprobe-installer/ffprobe', variable: string): string {
  try {
    const mod = createRequire(import.meta.url)(pkg) as { path: string };
    return mod.path;
  } catch (cause) {
    // The installers throw strings ("Unsupported platform/architecture: ...").
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new PipelineError({
      code: 'config',
      permanent: true,
      message: `No binary from ${pkg} on this machine (${detail}); install one and set ${variable} to its path.`,
      cause,
    });
  }
}

/** The ffmpeg and ffprobe runner. Create it with `createFfmpeg`. */
export class Ffmpeg {
  private readonly spawn: SpawnLike;
  private readonly logger: LoggerLike;

  constructor(
    readonly ffmpegPath: string,
    readonly ffprobePath: string,
    options: Pick<FfmpegOptions, 'spawn' | 'logger'> = {},
  ) {
    this.spawn = options.spawn ?? ((command, args, opts) => nodeSpawn(command, [...args], opts));
    this.logger = options.logger ?? silentLogger;
  }

  /** Runs ffmpeg with `-hide_banner -nostdin -nostats` before `args`. Rejects with a `PipelineError`. */
  ffmpeg(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    return this.run('ffmpeg', this.ffmpegPath, ['-hide_banner', '-nostdin', '-nostats', ...args], options);
  }

  /** Runs ffprobe with `-hide_banner` before `args`. Rejects with a `PipelineError`. */
  ffprobe(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
    return this.run('ffprobe', this.ffprobePath, ['-hide_banner', ...args], options);
  }

  private run(tool: 'ffmpeg' | 'ffprobe', binary: string, args: string[], options: RunOptions): Promise<RunResult> {
    const what = options.what ?? `running ${tool}`;
    try {
      throwIfAborted(options.signal, what);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    this.logger.debug({ tool, args }, 'starting');
    return new Promise<RunResult>((resolve, reject) => {
      let settled = false;
      let aborted = false;
      let child: ChildProcessLike;
      const output: Output = { tail: [], stdout: [], overflow: false };
      const finish = (error: PipelineError | null): void => {
        if (settled) return;
        settled = true;
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve({ stdout: output.stdout.join('\n'), stderrTail: output.tail.join('\n') });
      };
      const onAbort = (): void => {
        aborted = true;
        child.kill('SIGKILL');
      };
      try {
        child = this.spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (cause) {
        finish(this.spawnError(tool, binary, what, cause));
        return;
      }
      collectOutput(child, options, output);
      child.once('error', (cause) => finish(this.spawnError(tool, binary, what, cause)));
      child.once('close', (code, signal) => {
        if (aborted) {
          finish(
            new PipelineError({ code: 'aborted', permanent: false, message: `${what} was cancelled.`, cause: options.signal?.reason }),
          );
        } else if (code === 0 && !output.overflow) {
          finish(null);
        } else {
          finish(this.exitError(tool, what, code, signal, output.overflow, output.tail.join('\n')));
        }
      });
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private spawnError(tool: string, binary: string, what: string, cause: unknown): PipelineError {
    const code = (cause as { code?: unknown } | null)?.code;
    const variable = tool === 'ffmpeg' ? 'FFMPEG_PATH' : 'FFPROBE_PATH';
    return new PipelineError({
      code: 'config',
      permanent: true,
      message: `${what} failed: ${tool} could not be started at ${binary} (${typeof code === 'string' ? code : String(cause)}); check ${variable}.`,
      cause,
    });
  }

  private exitError(
    tool: string,
    what: string,
    code: number | null,
    signal: NodeJS.Signals | null,
    overflow: boolean,
    stderrTail: string,
  ): PipelineError {
    const last = stderrTail.trim().split('\n').slice(-3).join(' | ');
    if (overflow) {
      return new PipelineError({
        code: 'ffmpeg_failed',
        permanent: true,
        message: `${what} failed: ${tool} printed more than 8 MB.`,
        stderrTail,
      });
    }
    if (code === null) {
      // Killed from outside (out of memory, a shutdown): the same input may well work next time.
      return new PipelineError({
        code: 'ffmpeg_failed',
        permanent: false,
        message: `${what} failed: ${tool} was killed by ${signal ?? 'a signal'}.`,
        stderrTail,
      });
    }
    const badInput = BAD_INPUT.test(stderrTail);
    return new PipelineError({
      code: badInput ? 'bad_audio' : 'ffmpeg_failed',
      // A tool that exits with an error on a given input fails the same way next time.
      permanent: true,
      message: `${what} failed: ${tool} exited with code ${code}${last ? `: ${last}` : ''}`,
      stderrTail,
    });
  }
}

/**
 * Creates the runner. Paths given as `null`/`undefined` fall back to the binaries shipped by the
 * npm installer packages; nothing is downloaded.
 */
export function createFfmpeg(options: FfmpegOptions = {}): Ffmpeg {
  const ffmpegPath = options.ffmpegPath || installerPath('@ffmpeg-installer/ffmpeg', 'FFMPEG_PATH');
  const ffprobePath = options.ffprobePath || installerPath('@ffprobe-installer/ffprobe', 'FFPROBE_PATH');
  return new Ffmpeg(ffmpegPath, ffprobePath, options);
}
