import { describe, expect, it } from 'vitest';
import { PipelineError } from './errors.js';
import { callBackend, parseRetryAfter, type BackendCall } from './http.js';

type Reply = { status: number; body?: string; headers?: Record<string, string> } | Error;

/** A fetch that answers from a script and records what it was sent. */
function scriptedFetch(replies: Reply[]) {
  const seen: RequestInit[] = [];
  const fetchImpl = (async (_url: string, init: RequestInit) => {
    seen.push(init);
    const next = replies.shift();
    if (!next) throw new Error('no more replies');
    if (next instanceof Error) throw next;
    return new Response(next.body ?? '', { status: next.status, headers: next.headers });
  }) as unknown as typeof fetch;
  return { fetchImpl, seen };
}

function call(overrides: Partial<BackendCall> = {}): BackendCall {
  return {
    backend: 'test',
    operation: 'transcribing a.flac',
    url: 'http://backend.invalid/v1/x',
    init: () => ({ method: 'POST', headers: { authorization: 'Bearer sk-secret-key' } }),
    timeoutMs: 1000,
    retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 10_000 },
    secrets: ['sk-secret-key'],
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

describe('callBackend', () => {
  it('fails at once and permanently on a 4xx, quoting the backend message without the key', async () => {
    const body = JSON.stringify({ error: { message: 'Invalid key sk-secret-key', type: 'invalid_request_error' } });
    const { fetchImpl, seen } = scriptedFetch([{ status: 401, body }]);
    const error = await failure(callBackend(call(), { fetch: fetchImpl, sleep: async () => {} }));
    expect(seen).toHaveLength(1);
    expect(error).toMatchObject({ code: 'backend_rejected', permanent: true, status: 401, backend: 'test' });
    expect(error.message).toBe('test: transcribing a.flac failed: HTTP 401 "Invalid key [redacted]"; check the API key.');
  });

  it('retries a 5xx and returns the later success', async () => {
    const { fetchImpl, seen } = scriptedFetch([{ status: 502 }, { status: 200, body: '{"ok":true}' }]);
    const waits: number[] = [];
    const result = await callBackend(call(), { fetch: fetchImpl, sleep: async (ms) => void waits.push(ms), random: () => 0.5 });
    expect(result.text).toBe('{"ok":true}');
    expect(seen).toHaveLength(2);
    expect(waits).toEqual([50]);
  });

  it('waits what Retry-After says (capped) and, once out of retries, fails transient with it', async () => {
    const limited = { status: 429, body: '{"error":{"message":"slow down"}}', headers: { 'retry-after': '7' } };
    const { fetchImpl, seen } = scriptedFetch([limited, limited, { ...limited, headers: { 'retry-after': '30' } }]);
    const waits: number[] = [];
    const error = await failure(
      callBackend(call({ retry: { maxRetries: 2, baseDelayMs: 100, maxDelayMs: 8000 } }), {
        fetch: fetchImpl,
        sleep: async (ms) => void waits.push(ms),
      }),
    );
    expect(seen).toHaveLength(3);
    expect(waits).toEqual([7000, 7000]);
    expect(error).toMatchObject({ code: 'backend_unavailable', permanent: false, status: 429, retryAfterMs: 30_000 });
  });

  it('treats a network error as transient and names the error code', async () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    const { fetchImpl } = scriptedFetch([refused]);
    const error = await failure(callBackend(call({ retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } }), { fetch: fetchImpl }));
    expect(error).toMatchObject({ code: 'backend_unavailable', permanent: false, status: null });
    expect(error.message).toContain('could not reach backend.invalid (ECONNREFUSED)');
  });

  it('reports a timeout as transient', async () => {
    const hanging = (async (_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as unknown as typeof fetch;
    const error = await failure(
      callBackend(call({ timeoutMs: 20, retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 } }), { fetch: hanging }),
    );
    expect(error).toMatchObject({ code: 'backend_unavailable', permanent: false });
    expect(error.message).toContain('timed out after 20 ms');
  });

  it('stops with aborted when the caller cancels', async () => {
    const { fetchImpl } = scriptedFetch([new Error('unused')]);
    const error = await failure(callBackend(call({ signal: AbortSignal.abort() }), { fetch: fetchImpl }));
    expect(error.code).toBe('aborted');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('0.5', now)).toBe(500);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
