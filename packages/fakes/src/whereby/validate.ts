/**
 * Validation of `POST /meetings` bodies, following Whereby's OpenAPI (https://github.com/whereby/docs/blob/main/.gitbook/assets/_api-reference-docs-openapi.json).
 * Messages imitate Joi's wording (`"endDate" is required`); only the 400 status is contractual.
 */

/** Validation outcome: the normalized value, or the message of the first problem. */
export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

/** `recording` as accepted by the fake (destination fields beyond `provider` are kept as given). */
export interface WherebyRecordingConfig {
  readonly type: 'none' | 'local' | 'cloud';
  readonly destination: { readonly provider: 's3' | 'whereby'; readonly fileFormat?: 'mkv' | 'mp4'; readonly [key: string]: unknown };
  readonly startTrigger: 'none' | 'prompt' | 'automatic' | 'automatic-2nd-participant';
}

/** A validated, normalized create-meeting request. */
export interface CreateMeetingInput {
  readonly endDateMs: number;
  readonly isLocked: boolean;
  readonly roomMode: 'normal' | 'group';
  readonly roomNamePrefix: string;
  readonly roomNamePattern: 'uuid' | 'human-short';
  readonly templateType?: 'viewerMode';
  readonly fields: readonly ('hostRoomUrl' | 'viewerRoomUrl')[];
  readonly recording?: WherebyRecordingConfig;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const PREFIX = /^[a-z0-9-]{0,39}$/;
const FIELDS = ['hostRoomUrl', 'viewerRoomUrl'] as const;
const RECORDING_TYPES = ['none', 'local', 'cloud'] as const;
const PROVIDERS = ['s3', 'whereby'] as const;
const TRIGGERS = ['none', 'prompt', 'automatic', 'automatic-2nd-participant'] as const;

class Invalid extends Error {}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], label: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Invalid(`"${label}" must be one of [${allowed.join(', ')}]`);
  }
  return value as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses an ISO-8601 date; a date-time without offset is UTC, as Whereby documents. */
export function parseIsoDate(value: unknown, label: string): number {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) throw new Invalid(`"${label}" must be in ISO 8601 date format`);
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(value) || !value.includes('T');
  const ms = Date.parse(hasZone ? value : `${value}Z`);
  if (Number.isNaN(ms)) throw new Invalid(`"${label}" must be in ISO 8601 date format`);
  return ms;
}

function optionalString(obj: Record<string, unknown>, key: string, label: string): void {
  if (obj[key] !== undefined && typeof obj[key] !== 'string') throw new Invalid(`"${label}.${key}" must be a string`);
}

function parseDestination(value: unknown): WherebyRecordingConfig['destination'] {
  if (value === undefined) throw new Invalid('"recording.destination" is required');
  if (!isObject(value)) throw new Invalid('"recording.destination" must be of type object');
  const provider = oneOf(value.provider, PROVIDERS, 'recording.destination.provider');
  for (const key of ['bucket', 'accessKeyId', 'accessKeySecret', 'oidcRoleArn']) optionalString(value, key, 'recording.destination');
  if (value.authenticationType !== undefined) {
    oneOf(value.authenticationType, ['accessKey', 'roleBased'], 'recording.destination.authenticationType');
  }
  if (value.fileFormat !== undefined) oneOf(value.fileFormat, ['mkv', 'mp4'], 'recording.destination.fileFormat');
  if (provider === 's3') {
    const roleBased = value.authenticationType === 'roleBased';
    const required = roleBased ? ['bucket', 'oidcRoleArn'] : ['bucket', 'accessKeyId', 'accessKeySecret'];
    for (const key of required) {
      if (typeof value[key] !== 'string' || value[key] === '') throw new Invalid(`"recording.destination.${key}" is required`);
    }
  }
  return { ...value, provider } as WherebyRecordingConfig['destination'];
}

function parseRecording(value: unknown): WherebyRecordingConfig | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw new Invalid('"recording" must be of type object');
  if (value.type === undefined) throw new Invalid('"recording.type" is required');
  const type = oneOf(value.type, RECORDING_TYPES, 'recording.type');
  const destination = parseDestination(value.destination);
  if (value.startTrigger === undefined) throw new Invalid('"recording.startTrigger" is required');
  const startTrigger = oneOf(value.startTrigger, TRIGGERS, 'recording.startTrigger');
  return { type, destination, startTrigger };
}

function parseFields(value: unknown): CreateMeetingInput['fields'] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Invalid('"fields" must be an array');
  return value.map((f, i) => oneOf(f, FIELDS, `fields[${i}]`));
}

function parsePrefix(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new Invalid('"roomNamePrefix" must be a string');
  // Whereby lower-cases the prefix and strips whitespace before applying the pattern.
  const prefix = value.replace(/\s+/g, '').toLowerCase();
  if (prefix.length > 39) throw new Invalid('"roomNamePrefix" length must be less than or equal to 39 characters long');
  if (!PREFIX.test(prefix)) {
    throw new Invalid(`"roomNamePrefix" with value "${value}" fails to match the required pattern: /^[a-z0-9-]{0,39}$/`);
  }
  return prefix;
}

function parseBody(body: Record<string, unknown>, nowMs: number): CreateMeetingInput {
  if (body.endDate === undefined) throw new Invalid('"endDate" is required');
  const endDateMs = parseIsoDate(body.endDate, 'endDate');
  if (endDateMs < nowMs) throw new Invalid('"endDate" must be greater than or equal to "now"');
  if (body.startDate !== undefined) parseIsoDate(body.startDate, 'startDate');
  if (body.isLocked !== undefined && typeof body.isLocked !== 'boolean') throw new Invalid('"isLocked" must be a boolean');
  const templateType = body.templateType === undefined ? undefined : oneOf(body.templateType, ['viewerMode'], 'templateType');
  return {
    endDateMs,
    isLocked: templateType === 'viewerMode' || body.isLocked === true,
    roomMode:
      templateType === 'viewerMode'
        ? 'group'
        : body.roomMode === undefined
          ? 'normal'
          : oneOf(body.roomMode, ['normal', 'group'], 'roomMode'),
    roomNamePrefix: parsePrefix(body.roomNamePrefix),
    roomNamePattern: body.roomNamePattern === undefined ? 'uuid' : oneOf(body.roomNamePattern, ['uuid', 'human-short'], 'roomNamePattern'),
    templateType,
    fields: parseFields(body.fields),
    recording: parseRecording(body.recording),
  };
}

/** Validates a create-meeting body. Unknown top-level fields are tolerated, as by the real API. */
export function validateCreateMeeting(body: unknown, nowMs: number): Validation<CreateMeetingInput> {
  if (!isObject(body)) return { ok: false, message: '"value" must be of type object' };
  try {
    return { ok: true, value: parseBody(body, nowMs) };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, message: err.message };
    throw err;
  }
}
