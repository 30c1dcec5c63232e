import { describe, expect, it } from 'vitest';
import { dailySignatureScheme } from '../providers/daily/webhooks.js';
import { mockSignatureScheme } from '../providers/mock/webhooks.js';
import { wherebySignatureScheme } from '../providers/whereby/webhooks.js';
import type { HeaderBag } from './adapter.js';
import { WebhookVerificationError, type WebhookFailureReason } from './errors.js';
import { computeSignature, readHeader, signWithScheme, verifyWithScheme, type SignatureScheme } from './signature.js';

/** A scheme of our own, so the skeleton is tested apart from any provider's quirks. */
const toy: SignatureScheme<'x-sig' | 'x-ts' | 'x-id'> = {
  provider: 'Toy',
  secretVariable: 'TOY_SECRET',
  format: 'x-sig: <hex>[ <hex>…]',
  signatureHeaders: ['x-sig'],
  encoding: 'hex',
  compactJson: false,
  read(headers) {
    const [sig, timestamp, id] = ['x-sig', 'x-ts', 'x-id'].map((name) => readHeader(headers, name));
    if (!sig || !timestamp) throw new WebhookVerificationError('missing_header', 'x-sig and x-ts are required');
    return { timestamp, id: id ?? null, signatures: sig.split(' ') };
  },
  write: (fields, signature) => ({ 'x-sig': signature, 'x-ts': fields.timestamp, 'x-id': fields.id ?? '' }),
  prefix: (fields) => `${fields.id}:${fields.timestamp}:`,
  key: (secret) => Buffer.from(secret, 'utf8'),
};

const T = 1_772_359_200;
const now = new Date(T * 1000);
const body = Buffer.from('{"a": 1}');
const signed = (fields = { timestamp: String(T), id: 'evt-1' }, secret = 'current', bytes: Uint8Array = body) =>
  signWithScheme(toy, secret, fields, bytes);

function reasonOf(headers: HeaderBag, options: { secrets?: string[]; at?: Date; toleranceSeconds?: number; raw?: Buffer } = {}) {
  try {
    verifyWithScheme(toy, options.raw ?? body, headers, {
      now: options.at ?? now,
      secrets: options.secrets ?? ['current'],
      toleranceSeconds: options.toleranceSeconds,
    });
    return 'no error';
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookVerificationError);
    return (error as WebhookVerificationError).reason satisfies WebhookFailureReason;
  }
}

describe('signWithScheme / verifyWithScheme', () => {
  it('verifies its own signature and returns the signed time and id', () => {
    expect(verifyWithScheme(toy, body, signed(), { now, secrets: ['current'] })).toEqual({ signedAt: now, id: 'evt-1' });
  });

  it('signs with the very function verification recomputes', () => {
    const raw = computeSignature(toy, 'current', { timestamp: String(T), id: 'evt-1' }, body);
    expect(signed()['x-sig']).toBe(raw.toString('hex'));
  });

  it('accepts the second secret of a rotated list and any of several candidate signatures', () => {
    expect(reasonOf(signed(undefined, 'next'), { secrets: ['current', 'next'] })).toBe('no error');
    const both = { ...signed(), 'x-sig': `${'00'.repeat(32)} ${signed()['x-sig']}` };
    expect(reasonOf(both)).toBe('no error');
  });

  it('checks in order: secrets, headers, timestamp, then the HMAC', () => {
    expect(reasonOf({}, { secrets: [] })).toBe('no_secret_configured');
    expect(reasonOf({})).toBe('missing_header');
    expect(reasonOf({ ...signed(), 'x-sig': 'zz' })).toBe('malformed_header');
    expect(reasonOf({ ...signed(), 'x-sig': 'abcd' })).toBe('malformed_header');
    expect(reasonOf(signed({ timestamp: 'yesterday', id: 'evt-1' }))).toBe('malformed_header');
    expect(reasonOf(signed({ timestamp: String(T - 301), id: 'evt-1' }))).toBe('timestamp_too_old');
    expect(reasonOf(signed({ timestamp: String(T + 301), id: 'evt-1' }))).toBe('timestamp_too_new');
    expect(reasonOf({ ...signed(), 'x-id': 'evt-2' })).toBe('bad_signature');
    expect(reasonOf(signed(), { secrets: ['other'] })).toBe('bad_signature');
  });

  it('applies a custom tolerance on both sides, and accepts millisecond timestamps', () => {
    expect(reasonOf(signed({ timestamp: String(T - 61), id: 'evt-1' }), { toleranceSeconds: 60 })).toBe('timestamp_too_old');
    expect(reasonOf(signed({ timestamp: String(T + 59), id: 'evt-1' }), { toleranceSeconds: 60 })).toBe('no error');
    expect(reasonOf(signed({ timestamp: String(T * 1000 + 5), id: 'evt-1' }))).toBe('no error');
  });

  it('tries the compact JSON form only when the scheme says so', () => {
    const pretty = Buffer.from('{\n  "a": 1\n}');
    const overCompact = signed(undefined, 'current', Buffer.from('{"a":1}'));
    expect(reasonOf(overCompact, { raw: pretty })).toBe('bad_signature');
    const lenient = { ...toy, compactJson: true };
    expect(verifyWithScheme(lenient, pretty, overCompact, { now, secrets: ['current'] }).signedAt).toEqual(now);
  });
});

describe.each([
  ['Daily', dailySignatureScheme],
  ['Whereby', wherebySignatureScheme],
  ['mock', mockSignatureScheme],
] as const)('%s scheme', (_name, scheme: SignatureScheme) => {
  it('reads back what it writes, and names lower-case signature headers that it sets', () => {
    const fields = { timestamp: String(T), id: 'msg_1' };
    const headers = signWithScheme(scheme, 'c2VjcmV0LWtleQ==', fields, body);
    expect(verifyWithScheme(scheme, body, headers, { now, secrets: ['c2VjcmV0LWtleQ=='] }).signedAt).toEqual(now);
    for (const name of scheme.signatureHeaders) {
      expect(name).toBe(name.toLowerCase());
      expect(Object.keys(headers)).toContain(name);
    }
  });
});
