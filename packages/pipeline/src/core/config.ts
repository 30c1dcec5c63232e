import { PipelineError } from './errors.js';

/**
 * Small environment readers shared by the backends' `config.ts`. Only these functions (and the
 * backends' loaders built on them) look at an environment record, and only when the server calls
 * them with one: nothing in this package reads `process.env` at import.
 */

/** Environment variables as the server passes them (`process.env` fits). */
export type EnvRecord = Readonly<Record<string, string | undefined>>;

/** A backend's configuration, or the names of the required variables that are unset. */
export type ConfigResult<T> = { ok: true; config: T } | { ok: false; missing: string[] };

/** The trimmed value of `name`, or `null` when it is unset or blank. */
export function readOptional(env: EnvRecord, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

/** Names of the variables in `names` that are unset or blank. */
export function missingVars(env: EnvRecord, names: readonly string[]): string[] {
  return names.filter((name) => readOptional(env, name) === null);
}

/** Where ffmpeg and ffprobe are; `null` means the binaries of the npm installer packages. */
export interface FfmpegConfig {
  ffmpegPath: string | null;
  ffprobePath: string | null;
}

/** Every variable the ffmpeg runner reads, with its description. */
export const ffmpegEnvVars = {
  FFMPEG_PATH: 'Path of the ffmpeg binary. Default: the one shipped by the @ffmpeg-installer/ffmpeg package.',
  FFPROBE_PATH: 'Path of the ffprobe binary. Default: the one shipped by the @ffprobe-installer/ffprobe package.',
} as const;

/** Reads `FFMPEG_PATH` and `FFPROBE_PATH`; pass the result to `createFfmpeg`. */
export function loadFfmpegConfig(env: EnvRecord): FfmpegConfig {
  return { ffmpegPath: readOptional(env, 'FFMPEG_PATH'), ffprobePath: readOptional(env, 'FFPROBE_PATH') };
}

function invalid(message: string): PipelineError {
  return new PipelineError({ code: 'config', permanent: true, message });
}

/**
 * The base URL of an OpenAI-compatible API from `name`, or `null` when unset: an absolute http(s)
 * URL with trailing slashes and a trailing `/v1` dropped (we append `/v1/...` ourselves, and people
 * paste either form). Throws a `config` `PipelineError` naming the variable for anything else.
 */
export function readBaseUrl(env: EnvRecord, name: string, example: string): string | null {
  const value = readOptional(env, name);
  if (value === null) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`${name} is not a valid URL; use an absolute http(s) URL such as ${example}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(`${name} must be an http(s) URL such as ${example}.`);
  return value.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/** A positive number from `name`, or `fallback` when unset; throws a `config` error naming it otherwise. */
export function readPositive(env: EnvRecord, name: string, fallback: number): number {
  const raw = readOptional(env, name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw invalid(`${name} must be a positive number, e.g. ${fallback}.`);
  return value;
}

/** A boolean from `name` (`true`/`false`, `1`/`0`, `yes`/`no`), or `fallback` when unset. */
export function readBoolean(env: EnvRecord, name: string, fallback: boolean): boolean {
  const raw = readOptional(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw invalid(`${name} must be true or false.`);
}
