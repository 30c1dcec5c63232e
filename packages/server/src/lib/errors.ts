import { MeetbridgeError } from '@meetbridge/platforms';

/** One invalid field of a request: `field` is a JSON pointer-ish path (`body.name`). */
export interface FieldError {
  field: string;
  message: string;
}

/** The request is malformed; `errors` names each invalid field. HTTP 400. */
export class ValidationError extends MeetbridgeError {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super('validation_error', 400, message);
  }
}

/** HTTP 401: credentials are missing or invalid. */
export class UnauthorizedError extends MeetbridgeError {
  constructor(message: string) {
    super('unauthorized', 401, message);
  }
}

/** HTTP 403: the caller is known but may not do this. */
export class ForbiddenError extends MeetbridgeError {
  constructor(message: string) {
    super('forbidden', 403, message);
  }
}

/** HTTP 404. */
export class NotFoundError extends MeetbridgeError {
  constructor(message: string) {
    super('not_found', 404, message);
  }
}

/** HTTP 409: the request conflicts with the current state. */
export class ConflictError extends MeetbridgeError {
  constructor(message: string) {
    super('conflict', 409, message);
  }
}

/** HTTP 410: the resource existed and was deleted on purpose (it will not come back). */
export class GoneError extends MeetbridgeError {
  constructor(message: string) {
    super('gone', 410, message);
  }
}

/** HTTP 503: our own dependency (the database) is down; the caller should retry. */
export class ServiceUnavailableError extends MeetbridgeError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', 503, message, options);
  }
}

/** HTTP 429: this caller asked too often; `retryAfterSeconds` is sent as `Retry-After`. */
export class TooManyRequestsError extends MeetbridgeError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too_many_requests', 429, message);
  }
}
