import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeNotificationKey, startDailyFake, startWherebyFake } from '../src/index.js';
import type { DailyFake, WherebyFake } from '../src/index.js';
import { EMULATOR_CREDENTIALS, startS3, startSqs, type Emulator } from '../src/emulators.js';
import { bearer, call } from './helpers/http.js';
import { startReceiver, type Receiver } from './helpers/receiver.js';

/**
 * The fakes deliver recordings the way the providers do, against real S3 (s3rver) and SQS (fauxqs)
 * emulator processes: Daily writes the composite or every raw track into the room's
 * `recordings_bucket`; Whereby uploads `<room>-<ISO start>.<ext>` to its S3 destination and the
 * bucket's `ObjectCreated:Put` notice reaches the queue.
 */

const credentials = { accessKeyId: EMULATOR_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: EMULATOR_CREDENTIALS.AWS_SECRET_ACCESS_KEY };
let s3: Emulator;
let sqs: Emulator;
let s3Client: S3Client;
let sqsClient: SQSClient;
let queueUrl: string;
let receiver: Receiver;
let daily: DailyFake;
let whereby: WherebyFake;
let clock = Date.UTC(2026, 5, 1, 9, 0, 0);

beforeAll(async () => {
  [s3, sqs] = await Promise.all([startS3(['daily-rec', 'whereby-rec']), startSqs()]);
  s3Client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  sqsClient = new SQSClient({ region: 'us-east-1', endpoint: sqs.endpoint, credentials });
  queueUrl = (await sqsClient.send(new CreateQueueCommand({ QueueName: 'recordings' }))).QueueUrl!;
  receiver = await startReceiver();
  const storage = { endpoint: s3.endpoint, credentials };
  daily = await startDailyFake({ apiKey: 'k', domain: 'acme', webhookUrl: receiver.url, now: () => clock, recordingStorage: storage });
  whereby = await startWherebyFake({
    apiKey: 'k',
    subdomain: 'acme',
    webhookUrl: receiver.url,
    now: () => clock,
    recordingStorage: { endpoint: s3.endpoint },
    s3Notices: { queueUrl, endpoint: sqs.endpoint, credentials },
  });
}, 30_000);
afterAll(async () => {
  await Promise.all([daily?.close(), whereby?.close(), receiver?.close()]);
  s3Client?.destroy();
  sqsClient?.destroy();
  await Promise.all([s3?.stop(), sqs?.stop()]);
});
afterEach(async () => {
  daily.control.reset();
  whereby.control.reset();
  receiver.received.length = 0;
  await drainQueue();
});

async function objectText(bucket: string, key: string): Promise<string> {
  const reply = await s3Client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return reply.Body!.transformToString();
}

async function drainQueue(): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const reply = await sqsClient.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 30 }),
    );
    if (!reply.Messages?.length) return all;
    all.push(...reply.Messages);
  }
}

const webhook = (type: string) =>
  receiver.json<{ type: string; payload?: Record<string, unknown>; data?: Record<string, unknown> }>().filter((e) => e.type === type);

const BUCKET = {
  bucket_name: 'daily-rec',
  bucket_region: 'us-east-1',
  assume_role_arn: 'arn:aws:iam::1:role/daily',
  allow_api_access: true,
};

async function dailyRoom(name: string, enable: string) {
  const res = await call(`${daily.url}/rooms`, {
    method: 'POST',
    headers: bearer('k'),
    body: { name, properties: { enable_recording: enable, recordings_bucket: BUCKET } },
  });
  expect(res.status).toBe(200);
}

describe('Daily fake with a recordings bucket', () => {
  it('writes one object per participant track with the test-given bytes and reports their sizes in recording.ready-to-download', async () => {
    await dailyRoom('tracks', 'raw-tracks');
    const ann = await daily.control.addParticipant({ room: 'tracks', userName: 'Ann' });
    const bob = await daily.control.addParticipant({ room: 'tracks', userName: 'Bob' });
    await daily.control.startRecording({ room: 'tracks', type: 'raw-tracks', instanceId: 'i-1' });
    clock += 30_000;
    await daily.control.finishRecording({
      room: 'tracks',
      trackContents: { [ann.sessionId]: 'ann-audio', [bob.sessionId]: Buffer.from('bob-audio-bytes') },
    });
    const [ready] = webhook('recording.ready-to-download');
    const tracks = ready!.payload!.tracks as { type: string; s3Key: string; size: number }[];
    expect(tracks).toHaveLength(2);
    for (const [session, text] of [
      [ann.sessionId, 'ann-audio'],
      [bob.sessionId, 'bob-audio-bytes'],
    ] as const) {
      const track = tracks.find((t) => t.s3Key.includes(`-${session}-cam-audio-`))!;
      expect(track.s3Key).toMatch(new RegExp(`^acme/tracks/\\d{13}-${session}-cam-audio-\\d{13}$`));
      expect(track.size).toBe(text.length);
      expect(await objectText('daily-rec', track.s3Key)).toBe(text);
    }
  });

  it('writes a cloud recording at the s3_key its webhook reports', async () => {
    await dailyRoom('composite', 'cloud');
    await daily.control.addParticipant({ room: 'composite' });
    await daily.control.startRecording({ room: 'composite', type: 'cloud' });
    await daily.control.finishRecording({ room: 'composite', content: 'mp4-bytes' });
    const key = webhook('recording.ready-to-download')[0]!.payload!.s3_key as string;
    expect(key).toMatch(/^acme\/composite\/\d{13}$/);
    expect(await objectText('daily-rec', key)).toBe('mp4-bytes');
  });
});

async function wherebyMeeting(trigger: string, bucket = 'whereby-rec/meetbridge') {
  const res = await call(`${whereby.url}/meetings`, {
    method: 'POST',
    headers: bearer('k'),
    body: {
      endDate: '2099-01-01T00:00:00Z',
      roomNamePrefix: 'rec-',
      recording: {
        type: 'cloud',
        destination: { provider: 's3', bucket, accessKeyId: 'S3RVER', accessKeySecret: 'S3RVER', fileFormat: 'mp4' },
        startTrigger: trigger,
      },
    },
  });
  expect(res.status).toBe(201);
  return { meetingId: String(res.body.meetingId), roomName: String(res.body.roomName) };
}

interface S3Record {
  eventName: string;
  eventTime: string;
  s3: { bucket: { name: string }; object: { key: string; size: number } };
}

describe('Whereby fake with an S3 destination', () => {
  it('uploads <room>-<ISO start>.mp4 when an automatically recorded session ends, notifies the queue, then sends recording.finished', async () => {
    const { meetingId, roomName } = await wherebyMeeting('automatic-2nd-participant');
    await whereby.control.addParticipant({ meetingId });
    clock += 5_000;
    const start = clock;
    await whereby.control.addParticipant({ meetingId });
    clock += 90_000;
    await whereby.control.endSession({ meetingId });

    const filename = `${roomName.slice(1)}-${new Date(start).toISOString().replace('.000Z', 'Z')}.mp4`;
    const [finished] = webhook('recording.finished');
    expect(finished!.data).toMatchObject({ filename, roomName, status: 'completed' });
    expect(await objectText('whereby-rec', `meetbridge/${filename}`)).toContain('FAKE-WHEREBY-RECORDING');

    const messages = await drainQueue();
    expect(messages).toHaveLength(1);
    const { Records } = JSON.parse(messages[0]!.Body!) as { Records: S3Record[] };
    expect(Records).toHaveLength(1);
    expect(Records[0]).toMatchObject({
      eventName: 'ObjectCreated:Put',
      eventTime: new Date(clock).toISOString(),
      s3: { bucket: { name: 'whereby-rec' }, object: { key: encodeNotificationKey(`meetbridge/${filename}`) } },
    });
    expect(Records[0]!.s3.object.key).toContain('%3A'); // the ISO time's colons arrive URL-encoded
    expect(Records[0]!.s3.object.size).toBe(Buffer.byteLength(`FAKE-WHEREBY-RECORDING ${roomName}`));
  });

  it('delivers a notice more than once when told to (S3 delivers at least once), and sends the s3:TestEvent message', async () => {
    const { meetingId } = await wherebyMeeting('prompt', 'whereby-rec');
    await whereby.control.addParticipant({ meetingId });
    await whereby.control.addParticipant({ meetingId });
    whereby.control.setS3NoticeFaults({ duplicates: 1 });
    await whereby.control.finishRecording({ meetingId, content: 'x' });
    await whereby.control.sendS3TestEvent('whereby-rec');
    const bodies = (await drainQueue()).map((m) => JSON.parse(m.Body!) as Record<string, unknown>);
    expect(bodies.filter((b) => Array.isArray(b.Records))).toHaveLength(2);
    expect(bodies.find((b) => b.Event === 's3:TestEvent')).toMatchObject({ Service: 'Amazon S3', Bucket: 'whereby-rec' });
  });

  it('does not record a meeting whose startTrigger is prompt by itself', async () => {
    const { meetingId } = await wherebyMeeting('prompt');
    await whereby.control.addParticipant({ meetingId });
    await whereby.control.addParticipant({ meetingId });
    await whereby.control.endSession({ meetingId });
    expect(webhook('recording.finished')).toHaveLength(0);
    expect(await drainQueue()).toHaveLength(0);
  });
});

describe('encodeNotificationKey', () => {
  it('encodes keys as S3 notifications do: spaces as +, slashes kept, colons escaped', () => {
    expect(encodeNotificationKey('a b/c:d.mp4')).toBe('a+b/c%3Ad.mp4');
  });
});
