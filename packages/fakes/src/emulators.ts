import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * S3 and SQS emulators as real child processes (our storage boundary is exercised over HTTP, as in
 * production): s3rver for S3 (objects on disk) and fauxqs 1.9.x for SQS (the 1.x line runs on Node 20).
 * Neither needs an account; s3rver accepts the access key `S3RVER` / secret `S3RVER`.
 */
export const EMULATOR_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' };

const require = createRequire(import.meta.url);

/** The installed directory of a package (works for packages whose `exports` hide package.json). */
function packageDir(name: string): string {
  const dir = (require.resolve.paths(name) ?? []).map((base) => join(base, name)).find((d) => existsSync(join(d, 'package.json')));
  if (!dir) throw new Error(`${name} is not installed: run npm ci`);
  return dir;
}

export interface Emulator {
  endpoint: string;
  stop(): Promise<void>;
}

function waitForListening(child: ChildProcess, pattern: RegExp, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 15 s:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}

function stopper(child: ChildProcess, cleanup: () => Promise<void> = async () => {}): () => Promise<void> {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await cleanup();
  };
}

/** Starts s3rver on a free loopback port with the given buckets; objects live in a temp directory. */
export async function startS3(buckets: string[]): Promise<Emulator & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'meetbridge-s3-'));
  const bin = join(packageDir('s3rver'), 'bin', 's3rver.js');
  const args = [bin, '-d', dir, '-a', '127.0.0.1', '-p', '0', '--silent'];
  for (const bucket of buckets) args.push('--configure-bucket', bucket);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const address = await waitForListening(child, /listening on (\S+:\d+)/, 's3rver');
  return { endpoint: `http://${address}`, dir, stop: stopper(child, () => rm(dir, { recursive: true, force: true })) };
}

/** Starts fauxqs (SQS) on a free loopback port. */
export async function startSqs(): Promise<Emulator> {
  const cli = join(packageDir('fauxqs'), 'dist', 'cli.js');
  const child = spawn(process.execPath, [cli], {
    env: { ...process.env, FAUXQS_PORT: '0', FAUXQS_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const address = await waitForListening(child, /Server listening at (http:\/\/127\.0\.0\.1:\d+)/, 'fauxqs');
  return { endpoint: address, stop: stopper(child) };
}

/** Sets the emulators' credentials for the AWS SDK's default chain in this test process. */
export function useEmulatorCredentials(): void {
  Object.assign(process.env, EMULATOR_CREDENTIALS);
}
