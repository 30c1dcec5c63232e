import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = resolve(import.meta.dirname, '../../../..');
/** tsx's ESM loader, for `node --import` from any working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** A free loopback port (BASE_URL must be known before the server and the fakes start). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Runs a TypeScript entry point of the repository from source, in a scratch directory, and waits for `ready`. */
async function runFromSource(
  entry: string,
  args: string[],
  env: Record<string, string>,
  logFile: string,
  ready: () => Promise<boolean>,
): Promise<{ stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'meetbridge-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', TSX_LOADER, '--conditions=source', join(REPO, entry), ...args], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: join(dir, 'data'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (b: Buffer) => log.push(b.toString()));
  child.stderr?.on('data', (b: Buffer) => log.push(b.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited with code ${child.exitCode}:\n${log.join('')}`);
    if (await ready().catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} was not ready within 90 s:\n${log.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
      await writeFile(logFile, log.join(''));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Fixed credentials of `npm run dev:fakes` (packages/fakes/src/cli.ts), set explicitly here. */
export const FAKE_CREDENTIALS = {
  WHEREBY_API_KEY: 'whereby-e2e-api-key',
  WHEREBY_WEBHOOK_SECRET: 'whereby-e2e-webhook-secret',
  DAILY_API_KEY: 'daily-e2e-api-key',
  DAILY_WEBHOOK_SECRET: Buffer.from('meetbridge-e2e-daily-webhook-secret').toString('base64'),
} as const;

/** The OpenAI fake's key (transcription and chat), as `npm run dev:fakes` is told. */
const OPENAI_FAKE_API_KEY = 'openai-e2e-api-key';

/**
 * The Whereby, Daily and OpenAI fakes as `npm run dev:fakes` runs them, delivering webhooks to
 * `webhookBase`. Returns their origins and the variables that point Meetbridge at them (the OpenAI
 * fake as its transcription and summary backend).
 */
export async function startFakes(webhookBase: string, logFile: string) {
  const [wherebyPort, dailyPort, openaiPort] = [await freePort(), await freePort(), await freePort()];
  const wherebyOrigin = `http://127.0.0.1:${wherebyPort}`;
  const dailyOrigin = `http://127.0.0.1:${dailyPort}`;
  const openaiOrigin = `http://127.0.0.1:${openaiPort}`;
  const up = async (origin: string, path = '/_control/state') => (await fetch(`${origin}${path}`)).ok;
  const fakes = await runFromSource(
    'packages/fakes/src/cli.ts',
    [],
    {
      FAKE_WHEREBY_PORT: String(wherebyPort),
      FAKE_DAILY_PORT: String(dailyPort),
      FAKE_OPENAI_PORT: String(openaiPort),
      OPENAI_FAKE_API_KEY,
      FAKE_WEBHOOK_BASE_URL: webhookBase,
      ...FAKE_CREDENTIALS,
    },
    logFile,
    async () => (await up(wherebyOrigin)) && (await up(dailyOrigin)) && (await up(openaiOrigin, '/_control/faults')),
  );
  const env = {
    WHEREBY_API_URL: `${wherebyOrigin}/v1`,
    DAILY_API_URL: `${dailyOrigin}/v1`,
    ...FAKE_CREDENTIALS,
    TRANSCRIPTION_URL: openaiOrigin,
    TRANSCRIPTION_API_KEY: OPENAI_FAKE_API_KEY,
    TRANSCRIPTION_MODEL: 'whisper-1',
    LLM_URL: openaiOrigin,
    LLM_API_KEY: OPENAI_FAKE_API_KEY,
    LLM_MODEL: 'gpt-4o-mini',
  };
  return { wherebyOrigin, dailyOrigin, openaiOrigin, env, stop: () => fakes.stop() };
}

/**
 * Runs Meetbridge the way `npm run dev` does (its CLI from source) on `port`, with `env` over a bare
 * environment, a scratch DATA_DIR and working directory (no .env). The web app talks to it over HTTP
 * only, as in production; it serves the build in packages/web/dist. Resolves once /ready answers.
 */
export async function startMeetbridge(port: number, env: Record<string, string>, logFile: string): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  const server = await runFromSource(
    'packages/server/src/cli.ts',
    ['serve'],
    { HOST: '127.0.0.1', PORT: String(port), BASE_URL: url, LOG_LEVEL: 'warn', ...env },
    logFile,
    async () => (await fetch(`${url}/ready`)).ok,
  );
  return { url, stop: () => server.stop() };
}
