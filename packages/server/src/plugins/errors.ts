import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { MeetbridgeError, ProviderError, RateLimitedError } from '@meetbridge/platforms';
import { isDatabaseUnavailable } from '../db/client.js';
import { ServiceUnavailableError, TooManyRequestsError, ValidationError, type FieldError } from '../lib/errors.js';

/** Seconds a caller is asked to wait (`Retry-After`) when our database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** An RFC 9457 problem details body. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  408: 'Request Timeout',
  410: 'Gone',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** Problem codes of the 4xx answers Fastify and Node produce themselves (body limits, bad URLs, headers). */
const FRAMEWORK_CODES: Record<number, string> = {
  408: 'request_timeout',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

/** Builds a problem details body. */
export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): Problem {
  return { type: `urn:meetbridge:problem:${code}`, title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

/** Sends a problem details response. */
export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.code(body.status).type('application/problem+json').send(body);
}

function fromValidation(error: FastifyError & { validation: { instancePath: string; message?: string }[] }): Problem {
  const where = error.validationContext ?? 'body';
  const errors = error.validation.map((v) => ({
    field: [where, ...v.instancePath.split('/').filter(Boolean)].join('.'),
    message: v.message ?? 'is invalid',
  }));
  const detail = `The request ${where} is invalid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`;
  return problem(400, 'validation_error', detail, { errors });
}

/** Maps any thrown error to problem details; 5xx detail is generic and logged, never leaked. */
export function toProblem(error: unknown): Problem {
  if (hasZodFastifySchemaValidationErrors(error)) return fromValidation(error as never);
  if (error instanceof ValidationError) return problem(400, error.code, error.message, { errors: error.errors });
  if (error instanceof RateLimitedError) return rateLimitedProblem(error);
  if (error instanceof ProviderError) {
    return problem(502, error.code, `The ${error.provider} API failed during ${error.operation}; nothing was created. Try again later.`, {
      provider: error.provider,
      operation: error.operation,
      provider_status: error.providerStatus,
      provider_code: error.providerCode,
    });
  }
  if (error instanceof ServiceUnavailableError) return problem(503, error.code, error.message);
  if (isDatabaseUnavailable(error)) {
    return problem(503, 'database_unavailable', `The database is unavailable right now; retry in ${DATABASE_RETRY_AFTER_SECONDS} s.`, {
      retry_after: DATABASE_RETRY_AFTER_SECONDS,
    });
  }
  if (error instanceof MeetbridgeError && error.status < 500) return problem(error.status, error.code, error.message);
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = FRAMEWORK_CODES[fe.statusCode] ?? 'bad_request';
    return problem(fe.statusCode, code, fe.message ?? 'Bad request.');
  }
  if (fe.statusCode === 503) return problem(503, 'unavailable', 'The service is temporarily unavailable; retry shortly.');
  return problem(500, 'internal_error', 'An unexpected error occurred. It has been logged.');
}

/** One error handler for the whole app, plus problem-details 404s. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error, request, reply) => {
      const body = toProblem(error);
      if (error instanceof RateLimitedError) void reply.header('retry-after', String(Math.ceil(error.retryAfterMs / 1000)));
      else if (error instanceof TooManyRequestsError) void reply.header('retry-after', String(error.retryAfterSeconds));
      else if (body.status === 503) void reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      if (body.type === 'urn:meetbridge:problem:database_unavailable') request.log.warn({ err: error }, 'database unavailable');
      else if (body.status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ status: body.status, code: body.type }, 'request refused');
      return sendProblem(reply, body);
    });
    app.setNotFoundHandler((request, reply) =>
      sendProblem(reply, problem(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}. See /docs for the API.`)),
    );
  },
  { name: 'errors' },
);

/** A provider's rate limit kept a call from finishing in time: 503, and when to retry (also sent as `Retry-After`). */
function rateLimitedProblem(error: RateLimitedError): Problem {
  const retryAfter = Math.ceil(error.retryAfterMs / 1000);
  return problem(503, error.code, `The ${error.provider} API is rate limited right now; retry in ${retryAfter} s.`, {
    provider: error.provider,
    operation: error.operation,
    retry_after: retryAfter,
  });
}

/**
 * Fastify's `clientErrorHandler`: Node refused the request before Fastify saw it (malformed HTTP,
 * headers over the limit, a timeout). Answers problem+json like every other error and closes the socket.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const detail =
    status === 431
      ? 'The request headers (or the URL) are larger than the server accepts.'
      : status === 408
        ? 'The request took too long to arrive.'
        : 'The request is not valid HTTP.';
  const body = JSON.stringify(problem(status, FRAMEWORK_CODES[status] ?? 'bad_request', detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${TITLES[status]}\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** Fastify's `frameworkErrors`: a URL it cannot decode (400) or a path parameter over its limit (414). */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ code: error.code, status: error.statusCode }, 'request refused by the router');
  void sendProblem(reply, toProblem(error));
}
