/** A page of items and the opaque cursor of the next page (null when there is none). */
export interface CursorPage<T> {
  readonly results: T[];
  readonly cursor: string | null;
}

/** Opaque-cursor pagination (Whereby style): the cursor encodes the offset of the next page. */
export function cursorPage<T>(items: readonly T[], cursor: string | undefined, limit: number): CursorPage<T> {
  const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) || 0 : 0;
  const results = items.slice(offset, offset + limit);
  const next = offset + limit;
  return { results, cursor: next < items.length ? Buffer.from(String(next), 'utf8').toString('base64url') : null };
}

/** Parses an integer query parameter within [min, max]; undefined when absent, NaN when invalid. */
export function intParam(value: unknown, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
  return n >= min && n <= max ? n : NaN;
}

/** A single string query parameter (the first one when repeated). */
export function stringParam(value: unknown): string | undefined {
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
  return typeof value === 'string' ? value : undefined;
}
