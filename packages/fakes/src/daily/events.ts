import { floatSeconds, unixSeconds } from '../core/ids.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';

/** Daily webhook event types the fake emits. */
export type DailyEventType =
  | 'participant.joined'
  | 'participant.left'
  | 'meeting.started'
  | 'meeting.ended'
  | 'recording.started'
  | 'recording.ready-to-download'
  | 'recording.error';

/** The envelope of every Daily webhook (https://docs.daily.co/reference/rest-api/webhooks/events). */
export interface DailyEnvelope {
  readonly version: '1.0.0';
  readonly type: DailyEventType;
  readonly id: string;
  readonly payload: Record<string, unknown>;
  /** Unix seconds, fractional. */
  readonly event_ts: number;
}

const ID_PREFIX: Record<DailyEventType, string> = {
  'participant.joined': 'ptcpt-join',
  'participant.left': 'ptcpt-left',
  'meeting.started': 'met-sta',
  'meeting.ended': 'met-end',
  'recording.started': 'rec-sta',
  'recording.ready-to-download': 'rec-rtd',
  'recording.error': 'rec-err',
};

/**
 * Builds a Daily webhook. Ids follow Daily's examples: `<prefix>-<subject id>-<time>`, where the time is
 * milliseconds for participant events and seconds otherwise.
 */
export function dailyEvent(type: DailyEventType, subjectId: string, payload: Record<string, unknown>, nowMs: number): OutgoingWebhook {
  const time = type.startsWith('participant.') ? Math.floor(nowMs) : unixSeconds(nowMs);
  const envelope: DailyEnvelope = {
    version: '1.0.0',
    type,
    id: `${ID_PREFIX[type]}-${subjectId}-${time}`,
    payload,
    event_ts: floatSeconds(nowMs),
  };
  return { id: envelope.id, type, envelope };
}

/** Daily's unsigned verification ping, sent when a webhook is created. */
export function dailyVerificationPing(): OutgoingWebhook {
  return { id: 'verification', type: 'verification', envelope: { test: 'test' }, signed: false };
}
