import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bearerAuth, signedJwtAuth, type AuthRequest } from '../src/core/auth.js';
import { ErrorTextWire, jsonErrorParser } from '../src/core/error-body.js';
import { ProviderError, RateLimitedError, type CallPriority } from '../src/core/errors.js';
import { HttpClient, type HttpClientOptions } from '../src/core/http.js';
import type { RateBudgetSpec } from '../src/core/rate-budget.js';
import { fixedClock, recordingSleep, startFakeApi, type FakeApi } from './helpers/fake-api.js';

const API_KEY = 'sk_live_0123456789abcdefSECRET';
const WEBHOOK_SECRET = 'whsecret-do-not-leak-42';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJyIjoicm9vbSJ9.c2lnbmF0dXJlLXBhcnQ';
const Thing = z.object({ id: z.string(), size: z.number() });
/** The fake provider words its errors `{error, info}`. */
const parseAcmeError = jsonErrorParser(z.object({ error: ErrorTextWire, info: ErrorTextWire }), (b) => ({
  code: b.error ?? null,
  detail: b.info ?? null,
}));

let api: FakeApi;
let waits: number[];
let client: HttpClient;

function makeClient(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  const recorder = recordingSleep();
  waits = recorder.waits;
  return new HttpClient({
    provider: 'acme',
    baseUrl: `${api.url}/v1/`,
    auth: bearerAuth(API_KEY),
    parseError: parseAcmeError,
    redact: [WEBHOOK_SECRET],
    sleep: recorder.sleep,
    random: () => 0.5,
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeEach(async () => {
  api = await startFakeApi();
  client = makeClient();
});
afterEach(async () => {
  await api.close();
});

describe('HttpClient requests', () => {
  it('sends the bearer key, a JSON body and the query, and parses the reply ignoring unknown fields', async () => {
    api.on('POST', '/v1/things', { status: 201, body: { id: 't1', size: 3, addedLater: true } });
    const reply = await client.request({
      operation: 'createThing',
      method: 'POST',
      path: '/things',
      query: { a: 'x/y', skip: undefined, n: 2 },
      body: { name: 'Zoë' },
      schema: Thing,
    });
    expect(reply).toEqual({ id: 't1', size: 3 });
    const [req] = api.requests;
    expect(req?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.rawBody.toString('utf8')).toBe('{"name":"Zoë"}');
    expect(Object.fromEntries(req?.query ?? [])).toEqual({ a: 'x/y', n: '2' });
  });

  it('parses an empty 204 reply as undefined', async () => {
    api.on('DELETE', '/v1/things/1', { status: 204 });
    await expect(
      client.request({ operation: 'deleteThing', method: 'DELETE', path: '/things/1', schema: z.undefined() }),
    ).resolves.toBeUndefined();
  });

  it('rejects a reply that does not match the wire schema, naming the field', async () => {
    api.on('GET', '/v1/things/1', { status: 200, body: { id: 't1', size: 'big' } });
    const error = await failure(client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing }));
    expect(error.message).toContain('size');
    expect(error.retryable).toBe(false);
    expect(error.providerStatus).toBe(200);
  });

  it('rejects a reply that is not JSON', async () => {
    api.on('GET', '/v1/things/1', { status: 200, rawBody: '<html>oops</html>' });
    const error = await failure(client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing }));
    expect(error.message).toContain('not JSON');
  });
});

describe('HttpClient errors', () => {
  it('reports the provider code and detail of a 4xx and does not retry it', async () => {
    api.on('POST', '/v1/things', { status: 400, body: { error: 'invalid-request-error', info: 'name is taken' } });
    const error = await failure(client.request({ operation: 'createThing', method: 'POST', path: '/things', body: {}, schema: Thing }));
    expect(error).toMatchObject({
      provider: 'acme',
      operation: 'createThing',
      providerStatus: 400,
      providerCode: 'invalid-request-error',
      providerDetail: 'name is taken',
      retryable: false,
    });
    expect(api.requests).toHaveLength(1);
  });

  it('never puts the API key, webhook secrets or tokens into the message, even when the provider echoes them', async () => {
    const echo = `bad key ${API_KEY}, secret ${WEBHOOK_SECRET}, token ${TOKEN}, header Bearer ${API_KEY}`;
    api.on('GET', '/v1/things/1', { status: 401, body: { error: `authentication-error ${API_KEY}`, info: echo } });
    const error = await failure(client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing }));
    const everything = `${error.message} ${error.providerCode} ${error.providerDetail} ${String(error.stack)}`;
    for (const secret of [API_KEY, WEBHOOK_SECRET, TOKEN]) expect(everything).not.toContain(secret);
    expect(error.message).toContain('[redacted]');
    expect(error.message).toContain('check the API key');
  });

  it('reports a refused connection as a retryable network error without a status', async () => {
    const url = api.url;
    await api.close();
    api = await startFakeApi();
    client = makeClient({ baseUrl: url, maxRetries: 0 });
    const error = await failure(client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing }));
    expect(error.providerStatus).toBeNull();
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('could not reach');
  });
});

describe('HttpClient auth hook and error parser', () => {
  it('asks the auth hook on every attempt, handing it the call and its grant', async () => {
    const seen: AuthRequest[] = [];
    let n = 0;
    client = makeClient({
      auth: { secrets: [], headers: (req) => (seen.push(req), { authorization: `Bearer minted-${++n}`, 'x-extra': 'yes' }) },
    });
    api.on('GET', '/v1/things/1', { status: 503 }, { status: 200, body: { id: 't1', size: 1 } });
    const grant = { video: { roomList: true } };
    await client.request({ operation: 'getThing', method: 'GET', path: '/things/1', grant, schema: Thing });
    expect(api.requests.map((r) => r.headers.authorization)).toEqual(['Bearer minted-1', 'Bearer minted-2']);
    expect(api.requests[0]?.headers['x-extra']).toBe('yes');
    expect(seen).toEqual([
      { operation: 'getThing', method: 'GET', path: '/things/1', grant },
      { operation: 'getThing', method: 'GET', path: '/things/1', grant },
    ]);
  });

  it('sends a per-call JWT and never lets its signing secret or the token into an error', async () => {
    const signing = 'jwt-signing-secret-never-shown';
    client = makeClient({ auth: signedJwtAuth({ issuer: 'APIkey', secret: signing }) });
    api.on('POST', '/v1/rooms', { status: 401, body: { error: `bad token for ${signing}`, info: `token ${TOKEN}` } });
    const error = await failure(client.request({ operation: 'createRoom', method: 'POST', path: '/rooms', body: {}, schema: Thing }));
    expect(api.requests[0]?.headers.authorization).toMatch(/^Bearer eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const everything = `${error.message} ${error.providerCode} ${error.providerDetail}`;
    expect(everything).not.toContain(signing);
    expect(everything).not.toContain(TOKEN);
  });

  it('turns a failing auth hook into a non-retryable ProviderError without calling the API', async () => {
    client = makeClient({
      auth: {
        secrets: [],
        headers: () => {
          throw new Error('no key');
        },
      },
    });
    const error = await failure(client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing }));
    expect(error).toMatchObject({ providerStatus: null, retryable: false });
    expect(error.message).toContain('credentials');
    expect(api.requests).toHaveLength(0);
  });

  it('reads no code or detail without a provider parser, and survives a parser that throws', async () => {
    api.on('GET', '/v1/things/1', { status: 404, body: { error: 'not-found', info: 'gone' } });
    for (const parseError of [
      undefined,
      () => {
        throw new Error('parser bug');
      },
    ]) {
      client = makeClient({ parseError });
      const error = await failure(client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing }));
      expect(error).toMatchObject({ providerStatus: 404, providerCode: null, providerDetail: null });
      expect(error.message).toContain('HTTP 404');
    }
  });
});

describe('HttpClient retries', () => {
  it('retries a GET on 503 with full-jitter backoff and then succeeds', async () => {
    api.on('GET', '/v1/things/1', { status: 503 }, { status: 502 }, { status: 200, body: { id: 't1', size: 1 } });
    await expect(client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing })).resolves.toEqual({
      id: 't1',
      size: 1,
    });
    expect(api.requests).toHaveLength(3);
    // random() = 0.5 → half of 250·2⁰ and 250·2¹.
    expect(waits).toEqual([125, 250]);
  });

  it('gives up after 3 retries (4 attempts) and throws the last retryable error', async () => {
    api.on('GET', '/v1/things/1', { status: 500, body: { error: 'server-error' } });
    const error = await failure(client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing }));
    expect(api.requests).toHaveLength(4);
    expect(error).toMatchObject({ providerStatus: 500, providerCode: 'server-error', retryable: true });
    expect(waits).toEqual([125, 250, 500]);
  });

  it('does not retry a non-idempotent POST on 5xx', async () => {
    api.on('POST', '/v1/things', { status: 500 }, { status: 201, body: { id: 't1', size: 1 } });
    const error = await failure(client.request({ operation: 'createThing', method: 'POST', path: '/things', body: {}, schema: Thing }));
    expect(error.retryable).toBe(true);
    expect(api.requests).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a POST the caller marks idempotent', async () => {
    api.on('POST', '/v1/tokens', { status: 503 }, { status: 200, body: { id: 't', size: 0 } });
    await client.request({ operation: 'mint', method: 'POST', path: '/tokens', body: {}, idempotent: true, schema: Thing });
    expect(api.requests).toHaveLength(2);
  });

  it('honours Retry-After in seconds on 429, even for a create (the provider did nothing)', async () => {
    api.on(
      'POST',
      '/v1/things',
      { status: 429, headers: { 'retry-after': '2' }, body: { error: 'rate-limit-error' } },
      { status: 201, body: { id: 't1', size: 1 } },
    );
    await client.request({ operation: 'createThing', method: 'POST', path: '/things', body: {}, schema: Thing });
    expect(waits).toEqual([2000]);
    expect(api.requests).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    client = makeClient({ clock: fixedClock(new Date('2026-03-01T10:00:00Z')) });
    api.on(
      'GET',
      '/v1/things/1',
      { status: 429, headers: { 'retry-after': 'Sun, 01 Mar 2026 10:00:03 GMT' } },
      { status: 200, body: { id: 't1', size: 1 } },
    );
    await client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing });
    expect(waits).toEqual([3000]);
  });

  it('caps a long Retry-After at maxDelayMs', async () => {
    client = makeClient({ maxDelayMs: 1500, maxInteractiveWaitMs: 60_000 });
    api.on('GET', '/v1/things/1', { status: 429, headers: { 'retry-after': '3600' } }, { status: 200, body: { id: 't1', size: 1 } });
    await client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing });
    expect(waits).toEqual([1500]);
  });

  it('times out a hanging attempt, retries it, and reports the timeout', async () => {
    client = makeClient({ timeoutMs: 50, maxRetries: 1 });
    api.on('GET', '/v1/slow', { status: 200, hang: true });
    const error = await failure(client.request({ operation: 'getSlow', method: 'GET', path: '/slow', schema: Thing }));
    expect(error.message).toContain('timed out after 50 ms');
    expect(error).toMatchObject({ providerStatus: null, retryable: true });
    expect(api.requests).toHaveLength(2);
  });

  it('recovers when a timed-out attempt is followed by a fast reply', async () => {
    client = makeClient({ timeoutMs: 50 });
    api.on('GET', '/v1/slow', { status: 200, hang: true }, { status: 200, body: { id: 's', size: 2 } });
    await expect(client.request({ operation: 'getSlow', method: 'GET', path: '/slow', schema: Thing })).resolves.toEqual({
      id: 's',
      size: 2,
    });
  });
});

describe('HttpClient rate budget: interactive calls before background work', () => {
  /** 10 points a minute; reads cost 1, writes 3 (the shape of Whereby's budget). */
  const budget: RateBudgetSpec = {
    pools: { org: { points: 10, windowMs: 60_000 } },
    charge: ({ method }) => ({ pool: 'org', cost: method === 'GET' ? 1 : 3 }),
  };
  let now: number;
  const clock = { now: () => new Date(now) };
  const read = (priority: CallPriority) =>
    client.request({ operation: 'getThing', method: 'GET', path: '/things/1', schema: Thing, priority });
  const write = () => client.request({ operation: 'createThing', method: 'POST', path: '/things', body: {}, schema: Thing });

  async function refusal(promise: Promise<unknown>): Promise<RateLimitedError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RateLimitedError);
    return error as RateLimitedError;
  }

  beforeEach(() => {
    now = Date.UTC(2026, 2, 1, 10, 0, 0);
    client = makeClient({ budget, clock, maxInteractiveWaitMs: 4000 });
    api.on('GET', '/v1/things/1', { status: 200, body: { id: 't1', size: 1 } });
    api.on('POST', '/v1/things', { status: 201, body: { id: 't2', size: 2 } });
  });

  it('defers background calls beyond their half of the budget at once, without calling the provider', async () => {
    for (let i = 0; i < 5; i += 1) await read('background');
    const error = await refusal(read('background'));
    expect(error).toMatchObject({ provider: 'acme', operation: 'getThing', priority: 'background', retryAfterMs: 60_000, status: 503 });
    expect(api.requests).toHaveLength(5);
    expect(waits).toEqual([]);
  });

  it('keeps the other half for interactive calls: a create goes through right after the background burst', async () => {
    for (let i = 0; i < 5; i += 1) await read('background');
    await refusal(read('background'));
    await expect(write()).resolves.toEqual({ id: 't2', size: 2 });
    expect(waits).toEqual([]);
  });

  it('lets an interactive call wait for budget that frees within its wait, then go', async () => {
    const sleeps: number[] = [];
    client = makeClient({
      budget,
      clock,
      maxInteractiveWaitMs: 4000,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
    });
    await write();
    await write();
    now += 57_000;
    await write();
    expect(sleeps).toEqual([]);
    // 9 of 10 points are spent; the first write's 3 points leave the window 3 s from now.
    await expect(write()).resolves.toEqual({ id: 't2', size: 2 });
    expect(sleeps).toEqual([3000]);
  });

  it('fails an interactive call with RateLimitedError instead of waiting longer than maxInteractiveWaitMs', async () => {
    for (let i = 0; i < 3; i += 1) await write();
    const error = await refusal(write());
    expect(error).toMatchObject({ priority: 'interactive', retryAfterMs: 60_000 });
    expect(error.message).toContain('retry in 60 s');
    expect(waits).toEqual([]);
    expect(api.calls('POST', '/v1/things')).toHaveLength(3);
  });

  it("turns the provider's 429 into RateLimitedError at once for a background call, and blocks the budget until Retry-After", async () => {
    api.on('GET', '/v1/things/1', { status: 429, headers: { 'retry-after': '30' } }, { status: 200, body: { id: 't1', size: 1 } });
    const error = await refusal(read('background'));
    expect(error).toMatchObject({ priority: 'background', retryAfterMs: 30_000 });
    expect(error.cause).toBeInstanceOf(ProviderError);
    expect(api.requests).toHaveLength(1);
    await refusal(write());
    expect(api.requests).toHaveLength(1);
    now += 30_000;
    await expect(write()).resolves.toEqual({ id: 't2', size: 2 });
  });

  it('waits out a short 429 for an interactive call but answers a long one with RateLimitedError, not a 90 s sleep', async () => {
    client = makeClient({ clock, maxInteractiveWaitMs: 4000 });
    api.on('POST', '/v1/things', { status: 429, headers: { 'retry-after': '2' } }, { status: 201, body: { id: 't2', size: 2 } });
    await write();
    expect(waits).toEqual([2000]);
    api.on('POST', '/v1/things', { status: 429, headers: { 'retry-after': '90' } });
    const error = await refusal(write());
    expect(error.retryAfterMs).toBe(30_000);
    expect(waits).toEqual([2000]);
  });
});
