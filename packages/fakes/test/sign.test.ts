import { describe, expect, it } from 'vitest';
import { dailySignatureHeaders, signDaily } from '../src/daily/sign.js';
import { signWhereby, wherebySignatureHeaders } from '../src/whereby/sign.js';
import { DAILY_VECTOR, WHEREBY_VECTOR } from './fixtures/signature-vectors.js';
import { verifyDailySignature, verifyWherebySignature } from './helpers/verify.js';

describe('Whereby signing', () => {
  it('matches the openssl vector, hashing the body as UTF-8 with the secret used as text', () => {
    expect(signWhereby(WHEREBY_VECTOR.secret, WHEREBY_VECTOR.timestamp, WHEREBY_VECTOR.body)).toBe(WHEREBY_VECTOR.header);
  });

  it('puts the timestamp in whole seconds into the header', () => {
    const headers = wherebySignatureHeaders(WHEREBY_VECTOR.secret, WHEREBY_VECTOR.timestamp * 1000 + 999, WHEREBY_VECTOR.body);
    expect(headers).toEqual({ 'whereby-signature': WHEREBY_VECTOR.header });
  });

  it('is accepted by the independent verifier and rejected with another secret', () => {
    const headers = { 'whereby-signature': WHEREBY_VECTOR.header };
    expect(verifyWherebySignature(headers, WHEREBY_VECTOR.body, WHEREBY_VECTOR.secret).valid).toBe(true);
    expect(verifyWherebySignature(headers, WHEREBY_VECTOR.body, 'other').valid).toBe(false);
  });
});

describe('Daily signing', () => {
  it('matches the openssl vector, keyed with the base64-decoded secret', () => {
    expect(signDaily(DAILY_VECTOR.secret, DAILY_VECTOR.timestamp, DAILY_VECTOR.body)).toBe(DAILY_VECTOR.signature);
  });

  it('sends the timestamp in seconds by default and in milliseconds on request', () => {
    const ms = Number(DAILY_VECTOR.timestamp) * 1000 + 250;
    expect(dailySignatureHeaders(DAILY_VECTOR.secret, ms, DAILY_VECTOR.body)).toEqual({
      'x-webhook-signature': DAILY_VECTOR.signature,
      'x-webhook-timestamp': DAILY_VECTOR.timestamp,
    });
    const inMs = dailySignatureHeaders(DAILY_VECTOR.secret, ms, DAILY_VECTOR.body, 'milliseconds');
    expect(inMs['x-webhook-timestamp']).toBe(String(ms));
    expect(verifyDailySignature(inMs, DAILY_VECTOR.body, DAILY_VECTOR.secret).valid).toBe(true);
  });

  it('is rejected by the independent verifier when the secret is used without base64-decoding', () => {
    const wrongKey = Buffer.from(DAILY_VECTOR.secret, 'utf8').toString('base64');
    const headers = { 'x-webhook-signature': DAILY_VECTOR.signature, 'x-webhook-timestamp': DAILY_VECTOR.timestamp };
    expect(verifyDailySignature(headers, DAILY_VECTOR.body, DAILY_VECTOR.secret).valid).toBe(true);
    expect(verifyDailySignature(headers, DAILY_VECTOR.body, wrongKey).valid).toBe(false);
  });
});
