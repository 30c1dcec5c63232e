import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMULATOR_CREDENTIALS, startS3, startSqs, useEmulatorCredentials, type Emulator } from '@meetbridge/fakes';
import { TestClock } from './helpers/server.js';
import { startWorld, type World } from './helpers/world.js';
import type { Db } from '../src/db/client.js';
import { RecordingNoticeConsumer } from '../src/modules/webhooks/notices.js';

/**
 * Recordings reach the webhook inbox three ways (provider webhook, S3 notice through SQS, polling the
 * provider's list) under one key per recording, against real S3 (s3rver) and SQS (fauxqs) processes.
 * The fakes upload and notify the way Whereby, S3 and Daily do.
 */

const WAIT = { timeout: 15_000, interval: 50 };
const BUCKET = 'meetbridge-recordings';
const credentials = { accessKeyId: EMULATOR_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: EMULATOR_CREDENTIALS.AWS_SECRET_ACCESS_KEY };

let s3: Emulator;
let sqs: Emulator;
let sqsClient: SQSClient;
let queueUrl: string;
let w: World;
const clock = new TestClock(new Date('2026-06-01T09:00:00Z'));

interface InboxRow {
  platform: string;
  provider_event_id: string;
  type: string;
  source: string;
  status: string;
  error: string | null;
  attempts: number;
}

beforeAll(async () => {
  useEmulatorCredentials();
  [s3, sqs] = await Promise.all([startS3([BUCKET, 'other-bucket']), startSqs()]);
  sqsClient = new SQSClient({ region: 'us-east-1', endpoint: sqs.endpoint, credentials });
  queueUrl = (await sqsClient.send(new CreateQueueCommand({ QueueName: 'recording-notices' }))).QueueUrl!;
  w = await startWorld(
    {
      S3_ENDPOINT_URL: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      SQS_ENDPOINT_URL: sqs.endpoint,
      AWS_PROCESS_RECORDING_QUEUE_URL: queueUrl,
      AWS_WHEREBY_S3_BUCKET: `${BUCKET}/whereby`,
      AWS_WHEREBY_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_WHEREBY_ACCESS_KEY_SECRET: credentials.secretAccessKey,
      AWS_DAILY_S3_BUCKET: BUCKET,
      AWS_DAILY_ROLE_ARN: 'arn:aws:iam::123456789012:role/DailyRecordings',
      DAILY_RECORDINGS_POLL_SECONDS: '3600',
    },
    {
      clock,
      whereby: { recordingStorage: { endpoint: s3.endpoint }, s3Notices: { queueUrl, endpoint: sqs.endpoint, credentials } },
      daily: { recordingStorage: { endpoint: s3.endpoint, credentials } },
    },
  );
}, 60_000);
afterAll(async () => {
  await w?.close();
  sqsClient?.destroy();
  await Promise.all([s3?.stop(), sqs?.stop()]);
});
afterEach(() => {
  w.whereby.control.setS3NoticeFaults({});
  w.whereby.control.setWebhookOptions({});
  w.daily.control.setWebhookOptions({});
});

const inbox = (where: string) => w.t.query<InboxRow>(`select * from webhook_event where ${where} order by received_at`);

interface RecordingRow {
  id: string;
  meeting_id: string | null;
  status: string;
  provider_recording_id: string;
}

/** The recordings of a provider recording id, once the drain has applied its inbox row. */
async function recordingsOf(platform: string, providerRecordingId: string): Promise<RecordingRow[]> {
  return w.t.query<RecordingRow>(
    `select * from recording where platform = '${platform}' and provider_recording_id = '${providerRecordingId}'`,
  );
}

/** Download jobs queued for a recording (any state). */
async function downloadJobs(recordingId: string): Promise<number> {
  const [row] = await w.t.query<{ n: number }>(
    `select count(*)::int as n from pgboss.job where name = 'recording.download' and data->>'recordingId' = '${recordingId}'`,
  );
  return row?.n ?? 0;
}

/** Waits for exactly one recording of this provider id, linked to `meetingId`, with one download queued. */
async function storedOnce(platform: string, providerRecordingId: string, meetingId: string): Promise<RecordingRow> {
  await vi.waitFor(async () => expect(await recordingsOf(platform, providerRecordingId)).toHaveLength(1), WAIT);
  const [recording] = await recordingsOf(platform, providerRecordingId);
  expect(recording).toMatchObject({ meeting_id: meetingId });
  expect(await downloadJobs(recording!.id)).toBe(1);
  return recording!;
}

async function queueEmpty(): Promise<void> {
  const reply = await sqsClient.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  expect(Number(reply.Attributes?.ApproximateNumberOfMessages)).toBe(0);
  expect(Number(reply.Attributes?.ApproximateNumberOfMessagesNotVisible)).toBe(0);
}

/** A Whereby meeting recorded to the S3 destination whose session (two people) ends. */
async function wherebyRecordedCall(name: string): Promise<{ meeting: any; filename: string }> {
  const room = await w.t.request('POST', '/v1/rooms', {
    body: { name, platform: 'whereby', recording_type: 'cloud', recording_trigger: 'automatic-2nd-participant' },
  });
  expect(room.status).toBe(201);
  const meeting = (await w.t.request('POST', `/v1/rooms/${name}/meeting`)).body;
  const meetingId = meeting.provider_meeting_id ?? undefined;
  const snapshot = w.whereby.control.state().meetings.find((m) => m.roomName === meeting.provider_room_name || m.meetingId === meetingId)!;
  await w.whereby.control.addParticipant({ meetingId: snapshot.meetingId });
  await w.whereby.control.addParticipant({ meetingId: snapshot.meetingId });
  clock.advance(60_000);
  await w.whereby.control.endSession({ meetingId: snapshot.meetingId });
  const filename = w.whereby.control.state().recordings.find((r) => r.meetingId === snapshot.meetingId)!.filename;
  return { meeting, filename };
}

describe('Whereby recordings through S3 notices on SQS', () => {
  it('stores a Whereby recording that arrived through SQS once (inbox source s3, one recording linked to its meeting, one download) and deletes the message after the row is committed', async () => {
    w.whereby.control.setWebhookOptions({ dropTypes: ['recording.finished'] });
    const { meeting, filename } = await wherebyRecordedCall('wb-sqs');
    const key = `recording:${filename}:ready`;
    await vi.waitFor(async () => expect(await inbox(`provider_event_id = '${key}'`)).toHaveLength(1), WAIT);
    const [row] = await inbox(`provider_event_id = '${key}'`);
    expect(row).toMatchObject({ platform: 'whereby', source: 's3', type: 'ObjectCreated:Put' });
    await vi.waitFor(async () => expect((await inbox(`provider_event_id = '${key}'`))[0]?.status).toBe('processed'), WAIT);
    await vi.waitFor(queueEmpty, WAIT);
    await storedOnce('whereby', filename, meeting.id);
  });

  it('stores a notice S3 delivered twice once: one inbox row, one recording, one download', async () => {
    w.whereby.control.setWebhookOptions({ dropTypes: ['recording.finished'] });
    w.whereby.control.setS3NoticeFaults({ duplicates: 1 });
    const { meeting, filename } = await wherebyRecordedCall('wb-sqs-twice');
    await vi.waitFor(queueEmpty, WAIT);
    expect(await inbox(`provider_event_id = 'recording:${filename}:ready'`)).toHaveLength(1);
    await storedOnce('whereby', filename, meeting.id);
  });

  it('stores a recording announced by its webhook and by its notice once: one inbox row, one recording, one download', async () => {
    const { meeting, filename } = await wherebyRecordedCall('wb-both');
    await vi.waitFor(queueEmpty, WAIT);
    await vi.waitFor(async () => expect(await inbox(`provider_event_id = 'recording:${filename}:ready'`)).toHaveLength(1), WAIT);
    const rows = await inbox(`provider_event_id like 'recording:${filename}%'`);
    expect(rows).toHaveLength(1);
    await storedOnce('whereby', filename, meeting.id);
  });

  it('keeps a recording that matches no meeting as an orphan, applied once and not retried', async () => {
    const filename = 'no-such-room-2026-06-01T08:00:00Z.mp4';
    const body = JSON.stringify({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: new Date().toISOString(),
          s3: { bucket: { name: BUCKET }, object: { key: `whereby/${encodeURIComponent(filename)}`, size: 10 } },
        },
      ],
    });
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
    await vi.waitFor(async () => expect(await recordingsOf('whereby', filename)).toHaveLength(1), WAIT);
    const [orphan] = await recordingsOf('whereby', filename);
    expect(orphan).toMatchObject({ status: 'orphan', meeting_id: null });
    expect(await downloadJobs(orphan!.id)).toBe(0);
    await vi.waitFor(queueEmpty, WAIT);
    const [row] = await inbox(`provider_event_id = 'recording:${filename}:ready'`);
    expect(row).toMatchObject({ status: 'ignored', source: 's3' });
    expect(row!.attempts).toBe(1);
  });

  it("deletes S3's test event, a malformed message and a notice of a bucket no provider records to, storing nothing", async () => {
    const before = (await inbox(`source = 's3'`)).length;
    await w.whereby.control.sendS3TestEvent(BUCKET);
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'not json {' }));
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify({ hello: 'world' }) }));
    const foreign = {
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: new Date().toISOString(),
          s3: { bucket: { name: 'other-bucket' }, object: { key: 'whereby/r-2026-06-01T09%3A00%3A00Z.mp4', size: 1 } },
        },
      ],
    };
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(foreign) }));
    await vi.waitFor(queueEmpty, WAIT);
    expect(await inbox(`source = 's3'`)).toHaveLength(before);
  });
});

describe('the S3 notice consumer', () => {
  it('leaves a message on the queue when its inbox row cannot be committed (received again later), and deletes it once stored', async () => {
    const own = (await sqsClient.send(new CreateQueueCommand({ QueueName: 'store-fails' }))).QueueUrl!;
    const record = {
      eventName: 'ObjectCreated:Put',
      eventTime: new Date().toISOString(),
      s3: { bucket: { name: BUCKET }, object: { key: 'whereby/store-fails-2026-06-01T08%3A00%3A00Z.mp4', size: 10 } },
    };
    await sqsClient.send(new SendMessageCommand({ QueueUrl: own, MessageBody: JSON.stringify({ Records: [record] }) }));
    const c = w.t.server.container;
    const failing = { transaction: async () => Promise.reject(new Error('connection refused')) } as unknown as Db;
    const consumer = (db: Db, visibility: number) =>
      new RecordingNoticeConsumer({
        sqs: sqsClient,
        queueUrl: own,
        db,
        inbox: c.webhooks.inbox,
        catalog: c.catalog,
        jobs: c.jobs,
        logger: c.logger,
        visibilitySeconds: visibility,
        waitSeconds: 0,
      });
    expect(await consumer(failing, 1).receiveOnce()).toBe(1);
    const counts = async () => {
      const reply = await sqsClient.send(new GetQueueAttributesCommand({ QueueUrl: own, AttributeNames: ['All'] }));
      return Number(reply.Attributes?.ApproximateNumberOfMessages) + Number(reply.Attributes?.ApproximateNumberOfMessagesNotVisible);
    };
    expect(await counts()).toBe(1);
    // After the visibility timeout the message is received again and, the database back, stored and deleted.
    await vi.waitFor(async () => expect(await consumer(w.t.server.database.db, 30).receiveOnce()).toBe(1), WAIT);
    expect(await counts()).toBe(0);
    expect(await inbox(`provider_event_id = 'recording:store-fails-2026-06-01T08:00:00Z.mp4:ready'`)).toHaveLength(1);
  });
});

describe('Daily recordings found by polling', () => {
  async function dailyRecording(name: string, lose: boolean): Promise<{ recordingId: string; meetingId: string }> {
    // `prompt`: Meetbridge starts nothing by itself; the test starts the recording as a client would.
    const room = { name, platform: 'daily', recording_type: 'cloud', recording_trigger: 'prompt' };
    expect((await w.t.request('POST', '/v1/rooms', { body: room })).status).toBe(201);
    const meeting = (await w.t.request('POST', `/v1/rooms/${name}/meeting`)).body;
    const providerRoom = meeting.provider_room_name as string;
    await w.daily.control.addParticipant({ room: providerRoom });
    const started = await w.daily.control.startRecording({ room: providerRoom, type: 'raw-tracks', instanceId: `i-${name}` });
    clock.advance(30_000);
    if (lose) w.daily.control.setWebhookOptions({ dropTypes: ['recording.ready-to-download'] });
    await w.daily.control.finishRecording({ recordingId: started.id });
    return { recordingId: started.id, meetingId: meeting.id as string };
  }

  it('finds a recording whose webhook was lost by polling (inbox source poll, the key its webhook has) and stores it linked to its meeting with one download', async () => {
    const { recordingId, meetingId } = await dailyRecording('dy-lost', true);
    const key = `recording:${recordingId}:ready`;
    expect(await inbox(`provider_event_id = '${key}'`)).toHaveLength(0);
    expect(await w.t.server.container.webhooks.poller.poll({ force: true })).toBeGreaterThanOrEqual(1);
    const rows = await inbox(`provider_event_id = '${key}'`);
    expect(rows).toEqual([expect.objectContaining({ platform: 'daily', source: 'poll', type: 'recording.polled' })]);
    const [state] = await w.t.query<{ watermark: string | null; scan: unknown; error: string | null }>(
      `select * from recording_poll where platform = 'daily'`,
    );
    expect(state).toMatchObject({ scan: null, error: null });
    expect(state?.watermark).not.toBeNull();
    await storedOnce('daily', recordingId, meetingId);
  });

  it('stores a recording announced by its webhook and found by the poller once: one inbox row, one recording, one download', async () => {
    const { recordingId, meetingId } = await dailyRecording('dy-both', false);
    const key = `recording:${recordingId}:ready`;
    await vi.waitFor(async () => expect(await inbox(`provider_event_id = '${key}'`)).toHaveLength(1), WAIT);
    await w.t.server.container.webhooks.poller.poll({ force: true });
    expect(await inbox(`provider_event_id = '${key}'`)).toEqual([expect.objectContaining({ source: 'webhook' })]);
    await storedOnce('daily', recordingId, meetingId);
  });

  it('keeps its watermark before a recording still running, and finds it once finished though its webhook is lost', async () => {
    const name = 'dy-running';
    const room = { name, platform: 'daily', recording_type: 'cloud', recording_trigger: 'prompt' };
    expect((await w.t.request('POST', '/v1/rooms', { body: room })).status).toBe(201);
    const meeting = (await w.t.request('POST', `/v1/rooms/${name}/meeting`)).body;
    await w.daily.control.addParticipant({ room: meeting.provider_room_name });
    clock.advance(3_600_000);
    const started = await w.daily.control.startRecording({ room: meeting.provider_room_name, type: 'raw-tracks', instanceId: 'i-running' });
    const runningSince = Math.floor(clock.now().getTime() / 1000) * 1000;
    // A newer recording starts and finishes while the first one still runs.
    clock.advance(600_000);
    const newer = await w.daily.control.startRecording({ room: meeting.provider_room_name, type: 'raw-tracks', instanceId: 'i-newer' });
    clock.advance(60_000);
    await w.daily.control.finishRecording({ recordingId: newer.id });
    await w.t.server.container.webhooks.poller.poll({ force: true });
    const [state] = await w.t.query<{ watermark: Date }>(`select watermark from recording_poll where platform = 'daily'`);
    expect(new Date(state!.watermark).getTime()).toBe(runningSince);

    // The running one finishes later and its webhook is lost: the next scan still reaches it.
    clock.advance(600_000);
    w.daily.control.setWebhookOptions({ dropTypes: ['recording.ready-to-download'] });
    await w.daily.control.finishRecording({ recordingId: started.id });
    await w.t.server.container.webhooks.poller.poll({ force: true });
    await storedOnce('daily', started.id, meeting.id);
  });

  it('defers a poll Daily answers with 429 (a background call does not wait) and resumes it at the next poll', async () => {
    const { recordingId, meetingId } = await dailyRecording('dy-limited', true);
    w.daily.control.setFault({ path: '/v1/recordings', method: 'GET', status: 429, retryAfterSeconds: 1 });
    expect(await w.t.server.container.webhooks.poller.poll({ force: true })).toBe(0);
    const [state] = await w.t.query<{ error: string | null }>(`select error from recording_poll where platform = 'daily'`);
    expect(state?.error).toBeNull();
    expect(await inbox(`provider_event_id = 'recording:${recordingId}:ready'`)).toHaveLength(0);
    // Once Retry-After has passed (the transport keeps time with the server's clock).
    clock.advance(2_000);
    expect(await w.t.server.container.webhooks.poller.poll({ force: true })).toBe(1);
    await storedOnce('daily', recordingId, meetingId);
  });

  it('waits for its interval unless forced', async () => {
    expect(await w.t.server.container.webhooks.poller.poll()).toBe(0);
  });
});
