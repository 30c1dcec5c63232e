import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PipelineError } from './errors.js';
import { Ffmpeg, type ChildProcessLike, type SpawnLike } from './ffmpeg.js';

/** A scripted child process: writes `stdout`/`stderr`, then closes with `code`/`signal` unless told to hang. */
class FakeChild extends EventEmitter {
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly kills: (NodeJS.Signals | number | undefined)[] = [];
  kill(signal?: NodeJS.Signals | number): boolean {
    this.kills.push(signal);
    this.stdout.end();
    this.stderr.end();
    setImmediate(() => this.emit('close', null, typeof signal === 'string' ? signal : 'SIGKILL'));
    return true;
  }
}

interface Script {
  stdout?: string;
  stderr?: string;
  code?: number | null;
  signal?: NodeJS.Signals | null;
  hang?: boolean;
  error?: NodeJS.ErrnoException;
}

function fakeSpawn(script: Script): { spawn: SpawnLike; calls: { command: string; args: readonly string[] }[]; child: FakeChild } {
  const calls: { command: string; args: readonly string[] }[] = [];
  const child = new FakeChild();
  const spawn: SpawnLike = (command, args) => {
    calls.push({ command, args });
    setImmediate(() => {
      if (script.error) {
        child.emit('error', script.error);
        return;
      }
      child.stdout.end(script.stdout ?? '');
      child.stderr.end(script.stderr ?? '');
      if (!script.hang) setImmediate(() => child.emit('close', script.code === undefined ? 0 : script.code, script.signal ?? null));
    });
    return child as unknown as ChildProcessLike;
  };
  return { spawn, calls, child };
}

async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

describe('Ffmpeg runner', () => {
  it('runs the given binary with the house flags first and returns stdout', async () => {
    const { spawn, calls } = fakeSpawn({ stdout: '{"a":1}\n{"b":2}' });
    const result = await new Ffmpeg('/opt/ff', '/opt/fp', { spawn }).ffmpeg(['-i', 'x.wav', 'y.flac']);
    expect(calls).toEqual([{ command: '/opt/ff', args: ['-hide_banner', '-nostdin', '-nostats', '-i', 'x.wav', 'y.flac'] }]);
    expect(result.stdout).toBe('{"a":1}\n{"b":2}');
  });

  it('streams stderr lines (split on \\n and \\r) to onStderrLine instead of buffering them', async () => {
    const { spawn } = fakeSpawn({ stderr: 'one\rtwo\nthree\r\nfour' });
    const lines: string[] = [];
    await new Ffmpeg('ff', 'fp', { spawn }).ffprobe(['x'], { onStderrLine: (l) => lines.push(l) });
    expect(lines).toEqual(['one', 'two', 'three', 'four']);
  });

  it('classifies undecodable input as permanent bad_audio and quotes the stderr tail', async () => {
    const stderr = Array.from({ length: 30 }, (_, i) => `noise ${i}`).join('\n') + '\nin.webm: Invalid data found when processing input';
    const { spawn } = fakeSpawn({ stderr, code: 1 });
    const error = await failure(new Ffmpeg('ff', 'fp', { spawn }).ffmpeg(['-i', 'in.webm'], { what: 'placing in.webm' }));
    expect(error.code).toBe('bad_audio');
    expect(error.permanent).toBe(true);
    expect(error.message).toMatch(/^placing in\.webm failed: ffmpeg exited with code 1: .*Invalid data found/);
    expect(error.stderrTail?.split('\n')).toHaveLength(12);
    expect(error.stderrTail).toContain('Invalid data found');
  });

  it('treats any other non-zero exit as a permanent ffmpeg_failed', async () => {
    const { spawn } = fakeSpawn({ stderr: 'Error initializing complex filters.', code: 234 });
    const error = await failure(new Ffmpeg('ff', 'fp', { spawn }).ffmpeg([]));
    expect([error.code, error.permanent]).toEqual(['ffmpeg_failed', true]);
  });

  it('treats a process killed from outside as transient', async () => {
    const { spawn } = fakeSpawn({ code: null, signal: 'SIGKILL' });
    const error = await failure(new Ffmpeg('ff', 'fp', { spawn }).ffmpeg([]));
    expect([error.code, error.permanent]).toEqual(['ffmpeg_failed', false]);
    expect(error.message).toContain('killed by SIGKILL');
  });

  it('names the path variable when the binary cannot be started', async () => {
    const enoent = Object.assign(new Error('spawn /nope ENOENT'), { code: 'ENOENT' });
    const { spawn } = fakeSpawn({ error: enoent });
    const error = await failure(new Ffmpeg('ff', '/nope', { spawn }).ffprobe([]));
    expect([error.code, error.permanent]).toEqual(['config', true]);
    expect(error.message).toContain('ffprobe could not be started at /nope (ENOENT); check FFPROBE_PATH');
  });

  it('kills the process with SIGKILL and rejects as aborted when the signal fires', async () => {
    const { spawn, child } = fakeSpawn({ hang: true });
    const controller = new AbortController();
    const running = new Ffmpeg('ff', 'fp', { spawn }).ffmpeg([], { signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('shutdown'));
    const error = await failure(running);
    expect(child.kills).toEqual(['SIGKILL']);
    expect([error.code, error.permanent]).toEqual(['aborted', false]);
  });

  it('does not start at all when the signal has already fired', async () => {
    const { spawn, calls } = fakeSpawn({});
    const error = await failure(new Ffmpeg('ff', 'fp', { spawn }).ffmpeg([], { signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
    expect(calls).toHaveLength(0);
  });
});
