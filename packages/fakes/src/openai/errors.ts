import type { FastifyReply } from 'fastify';

/**
 * OpenAI's error envelope, `{error: {message, type, param, code}}`, as documented at
 * https://platform.openai.com/docs/guides/error-codes and returned by every endpoint.
 */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Builds an error body. */
export function openAiError(
  message: string,
  type = 'invalid_request_error',
  param: string | null = null,
  code: string | null = null,
): OpenAiErrorBody {
  return { error: { message, type, param, code } };
}

/** Sends an OpenAI error reply. */
export function sendOpenAiError(reply: FastifyReply, status: number, body: OpenAiErrorBody): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send(body);
}

/** The body OpenAI sends for an injected status (faults without their own body). */
export function errorBodyFor(status: number): OpenAiErrorBody {
  if (status === 401) return openAiError('Incorrect API key provided.', 'invalid_request_error', null, 'invalid_api_key');
  if (status === 404)
    return openAiError('The model does not exist or you do not have access to it.', 'invalid_request_error', null, 'model_not_found');
  if (status === 429)
    return openAiError('Rate limit reached for requests. Please try again later.', 'requests', null, 'rate_limit_exceeded');
  if (status === 503) return openAiError('The engine is currently overloaded, please try again later.', 'server_error');
  if (status >= 500) return openAiError('The server had an error while processing your request. Sorry about that!', 'server_error');
  return openAiError('Invalid request.', 'invalid_request_error');
}

/** OpenAI's request size limit for audio uploads (25 MiB), as its 413 message states it. */
export const MAX_AUDIO_BYTES = 26_214_400;

/** The 413 OpenAI answers for a larger upload: note the `server_error` type and null code. */
export function tooLarge(bytes: number): OpenAiErrorBody {
  return openAiError(`Maximum content size limit (${MAX_AUDIO_BYTES}) exceeded (${bytes} bytes read)`, 'server_error');
}
