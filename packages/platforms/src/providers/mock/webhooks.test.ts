import { describe, expect, it } from 'vitest';
import type { VerifiedWebhook } from '../../core/adapter.js';
import type { WebhookVerificationError } from '../../core/errors.js';
import { parseMockWebhook, signMockWebhook, verifyMockWebhook } from './webhooks.js';

const SECRET = `whsec_${Buffer.from('mock-secret-key').toString('base64')}`;
const TS = 1_772_359_200;
const NOW = new Date(TS * 1000);
const body = Buffer.from(
  JSON.stringify({
    type: 'participant.joined',
    timestamp: NOW.toISOString(),
    data: { room_name: 'r1', session_id: 's1', user_name: 'Zoë' },
  }),
);

function reason(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return (error as WebhookVerificationError).reason;
  }
}

describe('mock webhooks (Standard Webhooks)', () => {
  it('verifies its own signature and reads the type', () => {
    const headers = signMockWebhook(SECRET, 'msg_1', TS, body);
    expect(verifyMockWebhook(body, headers, { now: NOW, secrets: [SECRET], toleranceSeconds: 300 })).toMatchObject({
      eventId: 'msg_1',
      type: 'participant.joined',
      occurredAt: NOW,
    });
  });

  it('accepts a bare base64 secret and the second of a rotated list', () => {
    const bare = Buffer.from('mock-secret-key').toString('base64');
    const headers = signMockWebhook(bare, 'msg_1', TS, body);
    expect(verifyMockWebhook(body, headers, { now: NOW, secrets: ['d3Jvbmc=', SECRET], toleranceSeconds: 300 }).eventId).toBe('msg_1');
  });

  it('rejects missing headers, a tampered body, and a stale timestamp', () => {
    const headers = signMockWebhook(SECRET, 'msg_1', TS, body);
    expect(reason(() => verifyMockWebhook(body, {}, { now: NOW, secrets: [SECRET], toleranceSeconds: 300 }))).toBe('missing_header');
    expect(
      reason(() => verifyMockWebhook(Buffer.from(`${body.toString()} `), headers, { now: NOW, secrets: [SECRET], toleranceSeconds: 300 })),
    ).toBe('bad_signature');
    expect(
      reason(() => verifyMockWebhook(body, headers, { now: new Date((TS + 360) * 1000), secrets: [SECRET], toleranceSeconds: 300 })),
    ).toBe('timestamp_too_old');
  });

  it('keeps an authentic non-JSON body with an unknown type', () => {
    const raw = Buffer.from('hello');
    expect(
      verifyMockWebhook(raw, signMockWebhook(SECRET, 'msg_2', TS, raw), { now: NOW, secrets: [SECRET], toleranceSeconds: 300 }),
    ).toMatchObject({
      type: 'unknown',
      body: undefined,
    });
  });
});

function hook(type: string, data: Record<string, unknown>): VerifiedWebhook {
  return { eventId: 'e1', type, occurredAt: NOW, body: { type, timestamp: NOW.toISOString(), data } };
}

describe('parseMockWebhook', () => {
  it('maps participant, meeting and recording-error events', () => {
    expect(parseMockWebhook(hook('participant.left', { room_name: 'r1', session_id: 's1', meeting_id: 'm1' }))[0]).toMatchObject({
      kind: 'participant.left',
      sessionId: 's1',
      userId: null,
      providerRoomName: 'r1',
      providerMeetingId: 'm1',
    });
    expect(parseMockWebhook(hook('meeting.ended', { room_name: 'r1' }))[0]).toMatchObject({
      kind: 'meeting.ended',
      providerSessionId: null,
    });
    expect(parseMockWebhook(hook('recording.error', { recording_id: 'rec' }))[0]).toMatchObject({
      kind: 'recording.error',
      recordingId: 'rec',
      message: 'unknown error',
    });
  });

  it('returns unhandled for unknown types, participant events without a session, and non-envelopes', () => {
    expect(parseMockWebhook(hook('other', {}))[0]?.kind).toBe('unhandled');
    expect(parseMockWebhook(hook('participant.joined', {}))[0]?.kind).toBe('unhandled');
    expect(parseMockWebhook({ eventId: 'e', type: 'x', occurredAt: NOW, body: 42 })[0]).toMatchObject({
      kind: 'unhandled',
      providerRoomName: null,
    });
  });
});
