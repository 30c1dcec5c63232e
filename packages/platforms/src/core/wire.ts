import { z } from 'zod';

/**
 * Zod building blocks shared by the providers' wire schemas. Providers add fields at any time, so
 * every object schema strips unknown keys (zod's default) instead of rejecting them.
 */

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** An absolute http(s) URL. */
export const HttpUrlWire = z.string().refine(isHttpUrl, { message: 'expected an http(s) URL' });

/** An ISO-8601 date-time string, turned into a Date. */
export const IsoDateWire = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'expected an ISO-8601 date' })
  .transform((s) => new Date(s));

/** A unix time in seconds, as a number or a numeric string (Daily sends both, often fractional). */
export const UnixSecondsWire = z
  .union([
    z.number(),
    z
      .string()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
  ])
  .refine((n) => Number.isFinite(n) && n >= 0, { message: 'expected a unix time' })
  .transform((n) => new Date(n * 1000));

/** A number that may arrive as a numeric string. */
export const NumberishWire = z.union([
  z.number(),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number),
]);

/** An identifier that may arrive as a string or a number; always returned as a string. */
export const IdWire = z.union([z.string(), z.number()]).transform(String);
