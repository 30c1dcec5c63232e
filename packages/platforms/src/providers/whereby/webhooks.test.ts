import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VerifiedWebhook } from '../../core/adapter.js';
import { WebhookVerificationError, type WebhookFailureReason } from '../../core/errors.js';
import { parseWherebyWebhook, signWherebyWebhook, verifyWherebyWebhook } from './webhooks.js';

const SECRET = 'wb-dashboard-secret';
const T = 1_772_359_200; // 2026-03-01T10:00:00Z
const NOW = new Date(T * 1000);
const envelope = {
  id: 'd7c4df48b85318352b47d2df45872bf9be87595af379e2a8ad8f1ad28b2a482e',
  apiVersion: '1.0',
  createdAt: '2026-03-01T09:59:59.681Z',
  type: 'room.client.joined',
  data: {
    roleName: 'host',
    displayName: 'Zoë Ångström 山田',
    meetingId: '134',
    roomName: '/team-standup-af0b7b66',
    subdomain: 'acme',
    participantId: 'p-1',
    roomSessionId: 'rs-1',
    numClients: 8,
    numClientsByRoleName: { host: 1, visitor: 7 },
    metadata: '<custom-metadata>',
    externalId: 'user-1',
  },
};
const raw = Buffer.from(JSON.stringify(envelope), 'utf8');

function verify(body: Buffer, header: string | undefined, opts: { now?: Date; secrets?: string[] } = {}) {
  const headers = header === undefined ? {} : { 'whereby-signature': header };
  return verifyWherebyWebhook(body, headers, { now: opts.now ?? NOW, secrets: opts.secrets ?? [SECRET], toleranceSeconds: 300 });
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

describe('verifyWherebyWebhook', () => {
  it('accepts a valid signature and returns the envelope id, type and createdAt', () => {
    const verified = verify(raw, signWherebyWebhook(SECRET, T, raw));
    expect(verified).toEqual({
      eventId: envelope.id,
      type: 'room.client.joined',
      occurredAt: new Date(envelope.createdAt),
      body: envelope,
    });
  });

  it('accepts a non-ASCII display name in the raw body byte for byte', () => {
    expect(verify(raw, signWherebyWebhook(SECRET, T, raw)).body).toMatchObject({ data: { displayName: 'Zoë Ångström 山田' } });
  });

  it('rejects a tampered body', () => {
    const tampered = Buffer.from(raw.toString('utf8').replace('"numClients":8', '"numClients":9'));
    expect(reasonOf(() => verify(tampered, signWherebyWebhook(SECRET, T, raw)))).toBe('bad_signature');
  });

  it('rejects a signature made with the wrong secret', () => {
    expect(reasonOf(() => verify(raw, signWherebyWebhook('other-secret', T, raw)))).toBe('bad_signature');
  });

  it('rejects a request without the Whereby-Signature header', () => {
    expect(reasonOf(() => verify(raw, undefined))).toBe('missing_header');
  });

  it.each([
    ['garbage', 'not-a-signature'],
    ['no v1', `t=${T}`],
    ['no t', `v1=${'a'.repeat(64)}`],
    ['short v1', `t=${T},v1=abc123`],
    ['non-numeric t', `t=yesterday,v1=${'a'.repeat(64)}`],
    ['extra "="', `t=${T}=1,v1=${'a'.repeat(64)}`],
  ])('rejects a malformed header (%s)', (_name, header) => {
    expect(reasonOf(() => verify(raw, header))).toBe('malformed_header');
  });

  it('rejects a signature 6 min old', () => {
    expect(reasonOf(() => verify(raw, signWherebyWebhook(SECRET, T - 360, raw)))).toBe('timestamp_too_old');
  });

  it('rejects a signature dated 6 min in the future', () => {
    expect(reasonOf(() => verify(raw, signWherebyWebhook(SECRET, T + 360, raw)))).toBe('timestamp_too_new');
  });

  it('accepts a signature 4 min old or 4 min ahead (within ±300 s)', () => {
    expect(reasonOf(() => verify(raw, signWherebyWebhook(SECRET, T - 240, raw)))).toBe('no error');
    expect(reasonOf(() => verify(raw, signWherebyWebhook(SECRET, T + 240, raw)))).toBe('no error');
  });

  it('accepts a delivery signed with the second secret of a rotated list', () => {
    expect(verify(raw, signWherebyWebhook(SECRET, T, raw), { secrets: ['old-secret', SECRET] }).eventId).toBe(envelope.id);
  });

  it('falls back to compact JSON when the delivered body is pretty-printed', () => {
    const pretty = Buffer.from(JSON.stringify(envelope, null, 2), 'utf8');
    expect(verify(pretty, signWherebyWebhook(SECRET, T, raw)).eventId).toBe(envelope.id);
  });

  it('does not accept a signature over a Python-style ASCII-escaped body', () => {
    const escaped = raw.toString('utf8').replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(reasonOf(() => verify(raw, signWherebyWebhook(SECRET, T, escaped)))).toBe('bad_signature');
  });

  it('reads the header case-insensitively and accepts any of several v1 values', () => {
    const header = `t=${T},v1=${'0'.repeat(64)},${signWherebyWebhook(SECRET, T, raw).split(',')[1]}`;
    expect(verifyWherebyWebhook(raw, { 'Whereby-Signature': header }, { now: NOW, secrets: [SECRET], toleranceSeconds: 300 }).eventId).toBe(
      envelope.id,
    );
  });

  it('keeps an authentic body that is not an envelope, with a content-derived event id', () => {
    const body = Buffer.from('{"hello":"world"}');
    const verified = verify(body, signWherebyWebhook(SECRET, T, body));
    expect(verified.type).toBe('unknown');
    expect(verified.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(verified.occurredAt).toEqual(NOW);
  });

  it('round-trips any body and secret through sign and verify (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ unit: 'binary' }), (secret, text) => {
        const body = Buffer.from(text, 'utf8');
        expect(
          verifyWherebyWebhook(
            body,
            { 'whereby-signature': signWherebyWebhook(secret, T, body) },
            { now: NOW, secrets: [secret], toleranceSeconds: 300 },
          ).type,
        ).toBeTypeOf('string');
      }),
      { numRuns: 50 },
    );
  });
});

function webhook(type: string, data: unknown): VerifiedWebhook {
  return { eventId: 'evt-1', type, occurredAt: NOW, body: { id: 'evt-1', apiVersion: '1.0', createdAt: NOW.toISOString(), type, data } };
}

describe('parseWherebyWebhook', () => {
  const base = { eventId: 'evt-1', occurredAt: NOW, providerRoomName: '/team-standup-af0b7b66', providerMeetingId: '134' };

  it('maps room.client.joined to participant.joined with numClients, role and externalId', () => {
    expect(parseWherebyWebhook(webhook('room.client.joined', envelope.data))).toEqual([
      {
        ...base,
        providerType: 'room.client.joined',
        kind: 'participant.joined',
        sessionId: 'p-1',
        userId: 'user-1',
        userName: 'Zoë Ångström 山田',
        numClients: 8,
        role: 'host',
      },
    ]);
  });

  it('reads a numClients beyond a 32-bit integer as unknown (null), so the delivery is still applied', () => {
    for (const numClients of [2 ** 31, 2 ** 40]) {
      const data = { meetingId: 134, roomName: '/team-standup-af0b7b66', participantId: 'p-9', numClients };
      const [event] = parseWherebyWebhook(webhook('room.client.joined', data));
      expect(event).toMatchObject({ kind: 'participant.joined', numClients: null });
    }
    const [max] = parseWherebyWebhook(
      webhook('room.client.joined', { meetingId: 134, roomName: '/r', participantId: 'p-9', numClients: 2 ** 31 - 1 }),
    );
    expect(max).toMatchObject({ numClients: 2 ** 31 - 1 });
  });

  it('maps room.client.left to participant.left, with nulls for absent optional fields', () => {
    const data = { meetingId: 134, roomName: '/team-standup-af0b7b66', participantId: 'p-2', numClients: 0 };
    expect(parseWherebyWebhook(webhook('room.client.left', data))).toEqual([
      {
        ...base,
        providerType: 'room.client.left',
        kind: 'participant.left',
        sessionId: 'p-2',
        userId: null,
        userName: null,
        numClients: 0,
        role: null,
      },
    ]);
  });

  it("keeps a join without participantId (Whereby's own example) under an event-derived session id", () => {
    const { participantId: _p, ...data } = envelope.data;
    const [event] = parseWherebyWebhook(webhook('room.client.joined', data));
    expect(event).toMatchObject({ kind: 'participant.joined', sessionId: 'event:evt-1', numClients: 8 });
  });

  it('maps room.session.started to meeting.started, and room.session.ended to session.ended (someone may still be inside)', () => {
    const data = { meetingId: '134', roomName: '/team-standup-af0b7b66', roomSessionId: 'rs-9' };
    expect(parseWherebyWebhook(webhook('room.session.started', data))).toEqual([
      { ...base, providerType: 'room.session.started', kind: 'meeting.started', providerSessionId: 'rs-9' },
    ]);
    expect(parseWherebyWebhook(webhook('room.session.ended', { roomName: '/r' }))[0]).toMatchObject({
      kind: 'session.ended',
      providerSessionId: null,
      providerRoomName: '/r',
      providerMeetingId: null,
    });
  });

  it('maps recording.finished to a cloud recording.ready identified by its file name (as its bucket notice is), with its start time', () => {
    const data = {
      roomName: '/team-standup-af0b7b66',
      meetingId: '134',
      recordingId: 'rec-1',
      filename: 'team-standup-af0b7b66-2026-03-01T10:00:05Z.mp4',
      status: 'completed',
    };
    expect(parseWherebyWebhook(webhook('recording.finished', data))).toEqual([
      {
        ...base,
        providerType: 'recording.finished',
        kind: 'recording.ready',
        recordingId: 'team-standup-af0b7b66-2026-03-01T10:00:05Z.mp4',
        recordingType: 'cloud',
        key: null,
        filename: 'team-standup-af0b7b66-2026-03-01T10:00:05Z.mp4',
        tracks: [],
        startedAt: new Date('2026-03-01T10:00:05Z'),
        durationSeconds: null,
      },
    ]);
    expect(parseWherebyWebhook(webhook('recording.finished', { recordingId: 'r', filename: 'odd-name.mp4' }))[0]).toMatchObject({
      startedAt: null,
    });
  });

  it.each([
    ['an unknown type', webhook('transcription.finished', { roomName: '/r' })],
    ['a join whose numClients is not a number', webhook('room.client.joined', { participantId: 'p', numClients: 'eight' })],
    ['a recording without recordingId', webhook('recording.finished', { filename: 'x.mp4' })],
    ['a body that is not an envelope', { eventId: 'e', type: 'unknown', occurredAt: NOW, body: 'not json' }],
  ])('returns one unhandled event for %s', (_name, input) => {
    expect(parseWherebyWebhook(input as VerifiedWebhook).map((e) => e.kind)).toEqual(['unhandled']);
  });

  it('never throws, whatever the body (property)', () => {
    const types = fc.constantFrom(
      'room.client.joined',
      'room.client.left',
      'room.session.started',
      'room.session.ended',
      'recording.finished',
      'other',
    );
    fc.assert(
      fc.property(types, fc.jsonValue(), (type, data) => {
        expect(parseWherebyWebhook(webhook(type, data))).toHaveLength(1);
      }),
    );
  });
});
