import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermanentJobError, type JobInfo } from '../src/jobs/define.js';
import { mp4Audio } from './helpers/media.js';
import { createRoom, jwtAuth, type JwtAuth } from './helpers/provider-fakes.js';
import { DAILY_BUCKET, jobsFor, startRecordingBuckets, type RecordingBuckets } from './helpers/recordings.js';
import { freePort, startTestServer, type TestServer } from './helpers/server.js';

/**
 * A download whose retries run out must not stay `downloading` forever: the last attempt (or, when
 * its worker was killed on the last attempt, the sweep) ends the recording in `error` with the reason,
 * keeping its source, and the room owner can queue it again (`POST /v1/recordings/{id}/retry`).
 *
 * The S3 endpoint Meetbridge talks to is a TCP relay in front of s3rver that resets every connection
 * until told to forward: a network failure, the kind the job retries.
 */

/** A relay to `target` that drops every connection while `broken`. */
async function startRelay(target: string): Promise<{ url: string; broken: boolean; stop(): Promise<void> }> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  const relay = {
    url: '',
    broken: true,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server: TcpServer = createTcpServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (relay.broken) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(Number(targetPort), hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  relay.url = `http://127.0.0.1:${port}`;
  return relay;
}

const attempt = (retryCount: number): JobInfo => ({ id: 'test', retryCount, retryLimit: 6 });

let buckets: RecordingBuckets;
let relay: Awaited<ReturnType<typeof startRelay>>;
let t: TestServer;
let auth: JwtAuth;
let owner: Record<string, string>;
let guest: Record<string, string>;
let meetingId: string;

beforeAll(async () => {
  buckets = await startRecordingBuckets();
  relay = await startRelay(buckets.s3.endpoint);
  auth = await jwtAuth();
  owner = await auth.as('owner-1');
  guest = await auth.as('guest-1');
  // No workers in this process: the test runs each attempt with the job facts it needs.
  t = await startTestServer({ ...buckets.env, ...auth.env, S3_ENDPOINT_URL: relay.url, RUN_WORKERS: 'false' });
  await createRoom(t, { name: 'retry-room', platform: 'mock' }, owner);
  const meeting = await t.request('POST', '/v1/rooms/retry-room/meeting', { headers: owner });
  expect(meeting.status).toBe(201);
  meetingId = meeting.body.id;
});

afterAll(async () => {
  await t?.close();
  await relay?.stop();
  await buckets?.stop();
});

/** A recording reported with one object in the Daily bucket; its download job is queued with it. */
async function reported(name: string): Promise<string> {
  const { recording } = await t.server.container.recordings.service.discovered({
    platform: 'mock',
    providerRecordingId: name,
    kind: 'composite',
    source: { kind: 'bucket', bucket: DAILY_BUCKET, region: 'us-east-1', keys: [{ key: `${name}.mp4` }] },
    recordedAt: new Date(),
    meetingHint: { meetingId },
  });
  return recording.id;
}

async function rowOf(id: string): Promise<Record<string, any>> {
  const [row] = await t.query<Record<string, any>>(`select * from recording where id = '${id}'`);
  return row!;
}

describe('a download whose retries run out', () => {
  it('ends `error` on its last attempt, keeps its source, and its owner can retry it', async () => {
    relay.broken = true;
    await buckets.put(DAILY_BUCKET, 'last-attempt.mp4', await mp4Audio(1));
    const id = await reported('last-attempt');
    const handlers = t.server.container.recordings.handlers;

    // An attempt with retries left: still in progress, the reason shown.
    await expect(handlers.download(id, attempt(0))).rejects.toThrow();
    expect(await rowOf(id)).toMatchObject({ status: 'downloading', error: expect.stringMatching(/^retrying: /) });

    // The last one: `error`, with what happened; the job is not retried (the worker loop cancels it).
    await expect(handlers.download(id, attempt(6))).rejects.toBeInstanceOf(PermanentJobError);
    await t.query(`update pgboss.job set state = 'cancelled' where singleton_key = '${id}'`);
    const failed = await rowOf(id);
    expect(failed.status).toBe('error');
    expect(failed.error).toMatch(/^the download failed after 7 attempts: /);
    expect(failed.error).not.toMatch(/retrying:/);
    expect(failed.source).toEqual({ kind: 'bucket', bucket: DAILY_BUCKET, region: 'us-east-1', keys: [{ key: 'last-attempt.mp4' }] });

    // The owner sees it and the reason.
    const seen = await t.request('GET', `/v1/recordings/${id}`, { headers: owner });
    expect(seen.body).toMatchObject({ status: 'error', error: failed.error });

    // Only the owner may retry.
    expect((await t.request('POST', `/v1/recordings/${id}/retry`, { headers: guest })).status).toBe(403);

    // Retry: `pending` again and a new download job, committed together.
    const retried = await t.request('POST', `/v1/recordings/${id}/retry`, { headers: owner });
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ id, status: 'pending', error: null });
    expect(await jobsFor(t, 'recording.download', id)).toBe(2);
    expect(await t.server.queue.liveKeys('recording.download', [id])).toEqual(new Set([id]));

    // A second retry while it is pending: 409.
    const again = await t.request('POST', `/v1/recordings/${id}/retry`, { headers: owner });
    expect(again.status).toBe(409);
    expect(again.body.detail).toMatch(/only a recording in error can be retried/);

    // The storage is reachable again: the retried download stores it.
    relay.broken = false;
    await handlers.download(id, attempt(0));
    expect(await rowOf(id)).toMatchObject({ status: 'stored', error: null });
  });

  it('a stored file gone before validation: `error` with the reason, not `downloading` forever', async () => {
    relay.broken = false;
    await buckets.put(DAILY_BUCKET, 'validated.mp4', await mp4Audio(1));
    const id = await reported('validated');
    expect(await t.server.container.recordings.downloader.download(id)).toBe(true);
    await t.server.container.storage.delete(`recordings/${id}/composite.mp4`);
    await expect(t.server.container.recordings.handlers.validate(id, attempt(0))).rejects.toBeInstanceOf(PermanentJobError);
    expect(await rowOf(id)).toMatchObject({
      status: 'error',
      error: `validation failed: stored object recordings/${id}/composite.mp4 is missing`,
    });
  });
});

describe('the sweep (a worker killed on the last attempt)', () => {
  it('ends a recording whose download job can no longer run, and leaves the others', async () => {
    const dead = await reported('killed-on-last-attempt');
    const queued = await reported('still-queued');
    // Both have been downloading for a while; the first one's job was expired by pg-boss as failed
    // on its last attempt (what happens after a SIGKILL), the second one's is still queued.
    await t.query(
      `update recording set status = 'downloading', error = 'retrying: socket hang up', updated_at = now() - interval '10 minutes' where id in ('${dead}', '${queued}')`,
    );
    await t.query(`update pgboss.job set state = 'failed', retry_count = retry_limit where singleton_key = '${dead}'`);
    // A recording changed a moment ago is left alone even without a job.
    const recent = await reported('just-now');
    await t.query(`update pgboss.job set state = 'failed' where singleton_key = '${recent}'`);

    await t.server.container.recordings.handlers.sweep();

    const row = await rowOf(dead);
    expect(row.status).toBe('error');
    expect(row.error).toBe(
      'the download stopped without finishing (its retries ran out or its worker was stopped); last error: socket hang up',
    );
    expect(row.source.keys).toEqual([{ key: 'killed-on-last-attempt.mp4' }]);
    expect((await rowOf(queued)).status).toBe('downloading');
    expect((await rowOf(recent)).status).toBe('pending');

    // Its owner can retry it.
    const retried = await t.request('POST', `/v1/recordings/${dead}/retry`, { headers: owner });
    expect(retried.status).toBe(202);
    expect(await t.server.queue.liveKeys('recording.download', [dead])).toEqual(new Set([dead]));
  });
});

describe('POST /v1/recordings/{id}/retry', () => {
  it('404 for an unknown recording; 409 when the provider reported an error without a file', async () => {
    expect((await t.request('POST', '/v1/recordings/00000000-0000-4000-8000-000000000000/retry', { headers: owner })).status).toBe(404);
    const id = await reported('provider-error');
    await t.query(`update recording set status = 'error', error = 'provider said no', source = null where id = '${id}'`);
    const res = await t.request('POST', `/v1/recordings/${id}/retry`, { headers: owner });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/nothing to download/);
  });
});
