import { floatSeconds, unixSeconds } from '../core/ids.js';
import type { OutgoingWebhook } from '../core/webhook-types.js';

/** Daily webhook event types the fake emits. */
export type DailyEventType =
  | 'participant.joined'
  | 'participant.left'
  | 'waiting-participant.joined'
  | 'waiting-participant.left'
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
  'waiting-participant.joined': 'wptcpt-join',
  'waiting-participant.left': 'wptcpt-left',
  'meeting.started': 'met-sta',
  'meeting.ended': 'met-end',
  'recording.started': 'rec-sta',
  'recording.ready-to-download': 'rec-rtd',
  'recording.error': 'rec-err',
};

/**
 * Builds a Daily webhook. Ids follow Daily's examples: `<prefix>-<subject id>-<time>`, where the
 * subject is the user id for participant events (`ptcpt-join-<user_id>-<ms>`), the meeting id for
 * meeting events and the instance id for recording events (`rec-rtd-<instance_id>-<unix s>`), and the
 * time is milliseconds for participant events and seconds otherwise
 * (https://docs.daily.co/reference/rest-api/webhooks/events/participant-joined,
 * https://docs.daily.co/reference/rest-api/webhooks/events/recording-ready-to-download). So two rooms
 * whose recordings finish in the same second with the default instance id send the same id.
 * `event_ts` documents "when the webhook itself was sent", so it is stamped when the webhook is sent,
 * not when the event happened (https://docs.daily.co/reference/rest-api/webhooks/events/meeting-ended).
 */
export function dailyEvent(type: DailyEventType, subjectId: string, payload: Record<string, unknown>, nowMs: number): OutgoingWebhook {
  const time = type.includes('participant.') ? Math.floor(nowMs) : unixSeconds(nowMs);
  const id = `${ID_PREFIX[type]}-${subjectId}-${time}`;
  const render = (sentAtMs: number): DailyEnvelope => ({ version: '1.0.0', type, id, payload, event_ts: floatSeconds(sentAtMs) });
  return { id, type, envelope: render(nowMs), render };
}

/** Daily's unsigned verification ping, sent when a webhook is created. */
export function dailyVerificationPing(): OutgoingWebhook {
  return { id: 'verification', type: 'verification', envelope: { test: 'test' }, signed: false };
}
