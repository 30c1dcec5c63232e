import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VerifiedWebhook } from '../../core/adapter.js';
import { WebhookVerificationError, type WebhookFailureReason } from '../../core/errors.js';
import { isDailyVerificationPing, parseDailyWebhook, signDailyWebhook, verifyDailyWebhook } from './webhooks.js';

const JOINED_AT = new Date(1772359199960);

const SECRET = Buffer.from('daily-test-hmac-key-32-bytes-long').toString('base64');
const OTHER = Buffer.from('another-key-that-is-not-the-one').toString('base64');
const TS = 1_772_359_200; // 2026-03-01T10:00:00Z
const NOW = new Date(TS * 1000);
const envelope = {
  version: '1.0.0',
  type: 'participant.joined',
  id: 'ptcpt-join-6497c79b-f326-4942-aef8-c36a29140ad1-1772359199961',
  payload: {
    room: 'team-standup-20260301095900-abc123',
    user_id: '6497c79b-f326-4942-aef8-c36a29140ad1',
    user_name: 'Zoë Ångström 山田',
    session_id: '0c0d2dda-f21d-4cf9-ab56-86bf3c407ffa',
    joined_at: 1772359199.96,
    will_eject_at: null,
    owner: false,
    permissions: { hasPresence: true, canSend: true, canReceive: { base: true }, canAdmin: false },
  },
  event_ts: 1772359199.961,
};
const raw = Buffer.from(JSON.stringify(envelope), 'utf8');

function headersFor(body: Buffer, ts: number | string = TS, secret = SECRET): Record<string, string> {
  return { 'x-webhook-signature': signDailyWebhook(secret, ts, body), 'x-webhook-timestamp': String(ts) };
}

function verify(body: Buffer, headers: Record<string, string | undefined>, secrets = [SECRET]) {
  return verifyDailyWebhook(body, headers, { now: NOW, secrets, toleranceSeconds: 300 });
}

function reasonOf(fn: () => unknown): WebhookFailureReason | 'no error' {
  try {
    fn();
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason;
  }
}

describe('verifyDailyWebhook', () => {
  it('accepts a valid signature and returns the envelope id, type and the time the participant joined (not event_ts)', () => {
    expect(verify(raw, headersFor(raw))).toEqual({
      eventId: envelope.id,
      type: 'participant.joined',
      occurredAt: JOINED_AT,
      body: envelope,
    });
  });

  it('keys recording events by their recording: two rooms finishing in the same second with the default instance id stay apart', () => {
    const ready = (recordingId: string, room: string) => {
      const body = Buffer.from(
        JSON.stringify({
          version: '1.0.0',
          type: 'recording.ready-to-download',
          id: 'rec-rtd-c3df927c-f738-4471-a2b7-066fa7e95a6b-1772359190',
          payload: { recording_id: recordingId, room_name: room, start_ts: 1772359100, duration: 90, type: 'raw-tracks' },
          event_ts: 1772359190,
        }),
      );
      return verify(body, headersFor(body));
    };
    const a = ready('rec-a', 'room-a');
    const b = ready('rec-b', 'room-b');
    // `recording:<id>:ready`: the key the poller gives the same recording (GET /recordings).
    expect(a.eventId).toBe('recording:rec-a:ready');
    expect(b.eventId).toBe('recording:rec-b:ready');
    expect(ready('rec-a', 'room-a').eventId).toBe(a.eventId);
  });

  it('accepts a non-ASCII user name in the raw body byte for byte', () => {
    expect(verify(raw, headersFor(raw)).body).toMatchObject({ payload: { user_name: 'Zoë Ångström 山田' } });
  });

  it('accepts a millisecond X-Webhook-Timestamp', () => {
    expect(verify(raw, headersFor(raw, TS * 1000 + 123)).eventId).toBe(envelope.id);
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(raw.toString('utf8').replace('"owner":false', '"owner":true'));
    expect(reasonOf(() => verify(tampered, headersFor(raw)))).toBe('bad_signature');
  });

  it('rejects a signature made with the wrong secret', () => {
    expect(reasonOf(() => verify(raw, headersFor(raw, TS, OTHER)))).toBe('bad_signature');
  });

  it('rejects a signature made with the secret used as text instead of base64-decoded', () => {
    const asText = Buffer.from(SECRET, 'utf8').toString('base64');
    expect(reasonOf(() => verify(raw, headersFor(raw, TS, asText)))).toBe('bad_signature');
  });

  it('rejects a timestamp that differs from the signed one', () => {
    expect(reasonOf(() => verify(raw, { ...headersFor(raw), 'x-webhook-timestamp': String(TS - 1) }))).toBe('bad_signature');
  });

  it.each([
    ['no headers', {}],
    ['no timestamp', { 'x-webhook-signature': 'abcd' }],
    ['no signature', { 'x-webhook-timestamp': String(TS) }],
  ])('rejects a request with %s as missing_header', (_name, headers) => {
    expect(reasonOf(() => verify(raw, headers))).toBe('missing_header');
  });

  it.each([
    ['a signature that is not base64', { 'x-webhook-signature': 'not base64!', 'x-webhook-timestamp': String(TS) }],
    ['a timestamp that is not a number', { 'x-webhook-signature': 'YWJjZA==', 'x-webhook-timestamp': 'now' }],
  ])('rejects %s as malformed_header', (_name, headers) => {
    expect(reasonOf(() => verify(raw, headers))).toBe('malformed_header');
  });

  it('rejects a signature 6 min old', () => {
    expect(reasonOf(() => verify(raw, headersFor(raw, TS - 360)))).toBe('timestamp_too_old');
  });

  it('rejects a signature dated 6 min in the future (also in ms)', () => {
    expect(reasonOf(() => verify(raw, headersFor(raw, TS + 360)))).toBe('timestamp_too_new');
    expect(reasonOf(() => verify(raw, headersFor(raw, (TS + 360) * 1000)))).toBe('timestamp_too_new');
  });

  it('accepts a delivery signed with the second secret of a rotated list', () => {
    expect(verify(raw, headersFor(raw), [OTHER, SECRET]).eventId).toBe(envelope.id);
  });

  it('reads the headers case-insensitively', () => {
    const h = headersFor(raw);
    const headers = { 'X-Webhook-Signature': h['x-webhook-signature'], 'X-Webhook-Timestamp': h['x-webhook-timestamp'] };
    expect(verify(raw, headers).eventId).toBe(envelope.id);
  });

  it("falls back to compact JSON, as Daily's docs snippet signs JSON.stringify(event)", () => {
    const pretty = Buffer.from(JSON.stringify(envelope, null, 2));
    expect(verify(pretty, headersFor(raw)).eventId).toBe(envelope.id);
  });

  it('verifies a signed ping and falls back to the header time for occurredAt', () => {
    const ping = Buffer.from('{"test":"test"}');
    expect(verify(ping, headersFor(ping))).toMatchObject({ type: 'unknown', occurredAt: NOW });
  });

  it('round-trips any body through sign and verify (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.string({ unit: 'binary' }), (key, text) => {
        const secret = Buffer.from(key).toString('base64');
        const body = Buffer.from(text, 'utf8');
        expect(
          verifyDailyWebhook(body, headersFor(body, TS, secret), { now: NOW, secrets: [secret], toleranceSeconds: 300 }).eventId,
        ).toBeTypeOf('string');
      }),
      { numRuns: 50 },
    );
  });
});

describe('isDailyVerificationPing', () => {
  it.each([
    ['{"test":"test"}', true],
    ['{ "test" : "test" }', true],
    ['{"test":"other"}', false],
    ['{"test":"test","type":"x"}', false],
    ['["test"]', false],
    ['null', false],
    ['not json', false],
  ])('%s → %s', (body, expected) => {
    expect(isDailyVerificationPing(Buffer.from(body))).toBe(expected);
  });
});

function webhook(type: string, payload: unknown, eventTs: unknown = 1772359199.5): VerifiedWebhook {
  return { eventId: 'evt-1', type, occurredAt: NOW, body: { version: '1.0.0', type, id: 'evt-1', payload, event_ts: eventTs } };
}

describe('parseDailyWebhook', () => {
  const base = { eventId: 'evt-1', occurredAt: NOW, providerMeetingId: null };

  it('maps participant.joined and participant.left with the session id and the room', () => {
    expect(parseDailyWebhook(webhook('participant.joined', envelope.payload))).toEqual([
      {
        ...base,
        occurredAt: JOINED_AT,
        providerType: 'participant.joined',
        providerRoomName: envelope.payload.room,
        kind: 'participant.joined',
        sessionId: envelope.payload.session_id,
        userId: envelope.payload.user_id,
        userName: 'Zoë Ångström 山田',
        numClients: null,
        role: null,
      },
    ]);
    const [left] = parseDailyWebhook(webhook('participant.left', { room: 'r', session_id: 's', user_id: null, duration: 11.4 }));
    expect(left).toMatchObject({ kind: 'participant.left', providerRoomName: 'r', sessionId: 's', userId: null, userName: null });
  });

  it('takes event times from the payload, not from event_ts (when the webhook was sent)', () => {
    const sentLate = 1772359300.5;
    const at = (type: string, payload: unknown) => parseDailyWebhook(webhook(type, payload, sentLate))[0]?.occurredAt;
    expect(at('participant.left', { room: 'r', session_id: 's', joined_at: 1772359100.25, duration: 30.5 })).toEqual(
      new Date(1772359130750),
    );
    expect(at('meeting.ended', { room: 'r', start_ts: 1772359000, end_ts: 1772359250.671 })).toEqual(new Date(1772359250671));
    expect(at('meeting.started', { room: 'r', start_ts: 1772359000.5 })).toEqual(new Date(1772359000500));
    // Without a payload time, the stored time of the delivery.
    expect(at('meeting.ended', { room: 'r' })).toEqual(NOW);
  });

  it('maps meeting.started and ended with meeting_id as the session id', () => {
    const payload = { start_ts: 1708526032.672, meeting_id: 'f2aa1ade', room: 'TrPmUX1DzjSwDaAFDfNj' };
    expect(parseDailyWebhook(webhook('meeting.started', payload))).toEqual([
      {
        ...base,
        occurredAt: new Date(1708526032672),
        providerType: 'meeting.started',
        providerRoomName: 'TrPmUX1DzjSwDaAFDfNj',
        kind: 'meeting.started',
        providerSessionId: 'f2aa1ade',
      },
    ]);
    expect(parseDailyWebhook(webhook('meeting.ended', { room: 'r' }))[0]).toMatchObject({ kind: 'meeting.ended', providerSessionId: null });
  });

  it('maps recording.started, whose room_name is optional', () => {
    const payload = {
      action: 'start-cloud-recording',
      recording_id: 'rec-1',
      instance_id: 'inst-1',
      start_ts: 1692124183,
      layout: { preset: 'default' },
    };
    expect(parseDailyWebhook(webhook('recording.started', payload))).toEqual([
      {
        ...base,
        occurredAt: new Date(1692124183000),
        providerType: 'recording.started',
        providerRoomName: null,
        kind: 'recording.started',
        recordingId: 'rec-1',
        instanceId: 'inst-1',
      },
    ]);
  });

  it('maps a raw-tracks recording.ready-to-download with its tracks', () => {
    const payload = {
      type: 'raw-tracks',
      recording_id: 'rec-2',
      room_name: 'daily-20251020193458',
      start_ts: 1760988935,
      status: 'finished',
      duration: 80,
      s3_key: 'acme/daily-20251020193458/1760988935484',
      tracks: [
        { type: 'audio', s3Key: 'acme/d/1760988935484-52f7-cam-audio-1760988935922', size: 831843 },
        { type: 'video', s3Key: 'acme/d/1760988935484-a37c-cam-video-1760988943901', size: null },
        { type: 'data', s3Key: 'ignored' },
      ],
    };
    expect(parseDailyWebhook(webhook('recording.ready-to-download', payload))).toEqual([
      {
        ...base,
        providerType: 'recording.ready-to-download',
        providerRoomName: 'daily-20251020193458',
        kind: 'recording.ready',
        recordingId: 'rec-2',
        recordingType: 'raw-tracks',
        key: 'acme/daily-20251020193458/1760988935484',
        filename: null,
        tracks: [
          { type: 'audio', key: 'acme/d/1760988935484-52f7-cam-audio-1760988935922', sizeBytes: 831843 },
          { type: 'video', key: 'acme/d/1760988935484-a37c-cam-video-1760988943901', sizeBytes: null },
        ],
        startedAt: new Date(1760988935_000),
        durationSeconds: 80,
      },
    ]);
  });

  it('maps a cloud recording with null tracks, float timestamps and an unknown type', () => {
    const [cloud] = parseDailyWebhook(
      webhook('recording.ready-to-download', {
        recording_id: 'r',
        room_name: 'x',
        start_ts: '1692124183.5',
        duration: 9.5,
        tracks: null,
        type: 'cloud',
      }),
    );
    expect(cloud).toMatchObject({
      recordingType: 'cloud',
      tracks: [],
      startedAt: new Date(1692124183_500),
      durationSeconds: 9.5,
      key: null,
    });
    expect(parseDailyWebhook(webhook('recording.ready-to-download', { recording_id: 'r', type: 'hologram' }))[0]).toMatchObject({
      recordingType: 'unknown',
      startedAt: null,
    });
  });

  it('maps recording.error with error_msg, accepting a string timestamp', () => {
    const payload = {
      action: 'cloud-recording-error',
      error_msg: 'cloud-recording-error: Error fetching STS credentials',
      instance_id: 'c3df',
      room_name: 'iM5w',
      timestamp: '1693402871',
    };
    expect(parseDailyWebhook(webhook('recording.error', payload, 1693402871.203))).toEqual([
      {
        ...base,
        occurredAt: new Date(1693402871000),
        providerType: 'recording.error',
        providerRoomName: 'iM5w',
        kind: 'recording.error',
        recordingId: null,
        instanceId: 'c3df',
        message: payload.error_msg,
      },
    ]);
    expect(parseDailyWebhook(webhook('recording.error', {}))[0]).toMatchObject({
      kind: 'recording.error',
      message: expect.stringContaining('without a message'),
    });
  });

  it('keeps the room of an unhandled event for the audit trail', () => {
    expect(parseDailyWebhook(webhook('transcript.started', { room_name: 'r1' }))).toEqual([
      { ...base, providerType: 'transcript.started', providerRoomName: 'r1', kind: 'unhandled' },
    ]);
    expect(parseDailyWebhook(webhook('waiting-participant.joined', { room: 'r2' }))[0]).toMatchObject({
      kind: 'unhandled',
      providerRoomName: 'r2',
    });
    expect(parseDailyWebhook(webhook('dialin.ready', { room: 7 }))[0]).toMatchObject({ kind: 'unhandled', providerRoomName: null });
  });

  it.each([
    ['a participant event without session_id', webhook('participant.joined', { room: 'r' })],
    ['a meeting event with a numeric room', webhook('meeting.started', { room: 5 })],
    ['recording.started with a numeric recording id', webhook('recording.started', { recording_id: 5 })],
    ['recording.ready-to-download without recording_id', webhook('recording.ready-to-download', { room_name: 'r' })],
    ['recording.error with a numeric message', webhook('recording.error', { error_msg: 5 })],
    ['an envelope without payload', { eventId: 'e', type: 'x', occurredAt: NOW, body: { type: 'x', id: 'e' } }],
  ])('returns one unhandled event for %s', (_name, input) => {
    expect(parseDailyWebhook(input as VerifiedWebhook).map((e) => e.kind)).toEqual(['unhandled']);
  });

  it('never throws, whatever the payload (property)', () => {
    const types = fc.constantFrom(
      'participant.joined',
      'participant.left',
      'meeting.started',
      'meeting.ended',
      'recording.started',
      'recording.ready-to-download',
      'recording.error',
      'other',
    );
    fc.assert(
      fc.property(types, fc.jsonValue(), fc.jsonValue(), (type, payload, ts) => {
        expect(parseDailyWebhook(webhook(type, payload, ts))).toHaveLength(1);
      }),
    );
  });
});
