import type { EnvRecord } from './adapter.js';
import { ConfigError } from './errors.js';

/**
 * Small readers shared by the providers' `config.ts`: they treat blank values as unset and throw a
 * `ConfigError` that names the variable, the problem and an example. They never echo a value,
 * because the variable may hold a secret.
 */

/** The trimmed value of `name`, or `null` when it is unset or blank. */
export function readOptional(env: EnvRecord, name: string): string | null {
  const value = env[name]?.trim();
  return value ? value : null;
}

/** An http(s) URL from `name`, or `fallback` when unset; trailing slashes are dropped. */
export function readUrl(env: EnvRecord, name: string, fallback: string): string {
  const value = readOptional(env, name) ?? fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new ConfigError(`${name} is not a valid URL; use an absolute http(s) URL such as ${fallback}.`, [name], { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`${name} must be an http(s) URL such as ${fallback}.`, [name]);
  }
  return value.replace(/\/+$/, '');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True when `value` is standard, padded base64 of at least one byte. */
export function isBase64(value: string): boolean {
  return value.length > 0 && BASE64.test(value);
}

/** Names of the variables in `names` that are unset or blank. */
export function missingVars(env: EnvRecord, names: readonly string[]): string[] {
  return names.filter((name) => readOptional(env, name) === null);
}

/** A positive whole number from `name`, or `fallback` when unset; anything else throws `ConfigError`. */
export function readPositiveInt(env: EnvRecord, name: string, fallback: number): number {
  const value = readOptional(env, name);
  if (value === null) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new ConfigError(`${name} must be a positive whole number, e.g. ${fallback}.`, [name]);
  }
  return Number(value);
}
