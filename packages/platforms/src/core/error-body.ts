import { z } from 'zod';

/**
 * Reading a provider's error replies. Every provider words its error bodies differently (Daily
 * `{error, info}`, Whereby `{error}` or `{error, data: {msLeft}}`, Twirp `{code, msg}`), so each
 * provider folder brings its own parser and the transport only calls it.
 */

/** The provider's own error code and free-text explanation, when its error reply has them. */
export interface ProviderErrorBody {
  code: string | null;
  detail: string | null;
}

/** Reads a provider's error reply body (any text, often not JSON). Must not throw. */
export type ErrorBodyParser = (text: string) => ProviderErrorBody;

/** The transport's default: it knows no provider's error format, so it reads nothing. */
export const noErrorBody: ErrorBodyParser = () => ({ code: null, detail: null });

/** A string field of an error body; any other value counts as absent instead of failing the parse. */
export const ErrorTextWire = z.string().nullish().catch(null);

/**
 * An `ErrorBodyParser` for JSON error bodies: the text is parsed, checked against `schema` and
 * handed to `read`; a body that is not JSON or does not match gives `{code: null, detail: null}`.
 */
export function jsonErrorParser<S extends z.ZodType>(schema: S, read: (body: z.output<S>) => ProviderErrorBody): ErrorBodyParser {
  return (text) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return noErrorBody(text);
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? read(parsed.data) : noErrorBody(text);
  };
}
