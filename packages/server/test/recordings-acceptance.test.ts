import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EMULATOR_CREDENTIALS, startS3, startSqs, useEmulatorCredentials, type Emulator } from '@meetbridge/fakes';
import { waitForJob } from './helpers/jobs.js';
import { mp4Audio, webmAudio } from './helpers/media.js';
import { S3_ENV } from './helpers/provider-fakes.js';
import { jobsFor, recordingWhen } from './helpers/recordings.js';
import { startWorld, type World } from './helpers/world.js';

/**
 * Issue 10's acceptance, end to end with nothing staged by the test: the Daily fake writes each
 * participant's track into the room's recordings_bucket and sends recording.ready-to-download; the
 * Whereby fake uploads to its S3 destination and S3's notice reaches SQS. s3rver and fauxqs run as
 * processes; Meetbridge starts, discovers, downloads and validates.
 */

const WAIT = { timeout: 20_000, interval: 50 };
const DAILY_BUCKET = S3_ENV.AWS_DAILY_S3_BUCKET;
const WHEREBY_BUCKET = 'meetbridge-whereby';
const credentials = { accessKeyId: EMULATOR_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: EMULATOR_CREDENTIALS.AWS_SECRET_ACCESS_KEY };

let s3: Emulator;
let sqs: Emulator;
let sqsClient: SQSClient;
let queueUrl: string;
let w: World;

beforeAll(async () => {
  useEmulatorCredentials();
  [s3, sqs] = await Promise.all([startS3([DAILY_BUCKET, WHEREBY_BUCKET]), startSqs()]);
  sqsClient = new SQSClient({ region: 'us-east-1', endpoint: sqs.endpoint, credentials });
  queueUrl = (await sqsClient.send(new CreateQueueCommand({ QueueName: 'acceptance-notices' }))).QueueUrl!;
  w = await startWorld(
    {
      ...S3_ENV,
      AWS_WHEREBY_S3_BUCKET: `${WHEREBY_BUCKET}/recordings`,
      AWS_WHEREBY_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_WHEREBY_ACCESS_KEY_SECRET: credentials.secretAccessKey,
      S3_ENDPOINT_URL: s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      SQS_ENDPOINT_URL: sqs.endpoint,
      AWS_PROCESS_RECORDING_QUEUE_URL: queueUrl,
      RECONCILE_INTERVAL_SECONDS: '3600',
    },
    {
      daily: { recordingStorage: { endpoint: s3.endpoint, credentials } },
      whereby: { recordingStorage: { endpoint: s3.endpoint }, s3Notices: { queueUrl, endpoint: sqs.endpoint, credentials } },
    },
  );
}, 60_000);
afterAll(async () => {
  await w?.close();
  sqsClient?.destroy();
  await Promise.all([s3?.stop(), sqs?.stop()]);
});

async function cloudRoom(name: string, platform: string, trigger: string): Promise<any> {
  const room = { name, platform, recording_type: 'cloud', recording_trigger: trigger };
  expect((await w.t.request('POST', '/v1/rooms', { body: room })).status).toBe(201);
  return (await w.t.request('POST', `/v1/rooms/${name}/meeting`)).body;
}

async function onlyRecordingOf(meetingId: string): Promise<any> {
  const list = await w.t.request('GET', `/v1/meetings/${meetingId}/recordings`);
  expect(list.body.items).toHaveLength(1);
  return list.body.items[0];
}

describe('acceptance', () => {
  it('a Daily room with recording_type cloud and two participants ends with one stored recording holding both tracks, linked by the provider id', async () => {
    const m = await cloudRoom('accept-daily', 'daily', 'automatic-2nd-participant');
    const started = waitForJob(w.t.server.queue, 'recording.start', (j) => (j.data as { meetingId: string }).meetingId === m.id);
    const ana = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Ana', userId: 'user-ana' });
    const bo = await w.daily.control.addParticipant({ room: m.provider_room_name, userName: 'Bo' });
    expect((await started).state).toBe('completed');
    const [startedByUs] = w.daily.control.state().recordings.filter((r) => r.room_name === m.provider_room_name);
    expect(startedByUs).toMatchObject({ type: 'raw-tracks' });

    // The recording finishes: Daily writes one object per participant track, then sends the webhook.
    const fake = await w.daily.control.finishRecording({
      recordingId: startedByUs!.id,
      trackContents: { [ana.sessionId]: await webmAudio(1, 440), [bo.sessionId]: await webmAudio(2, 660) },
    });
    const pending = await onlyRecordingOf(m.id);
    const stored = await recordingWhen(w.t, pending.id, (r) => r.status === 'stored');
    expect(stored.provider_recording_id).toBe(fake.id);

    const rec = (await w.t.request('GET', `/v1/recordings/${pending.id}`)).body;
    expect(rec).toMatchObject({ meeting_id: m.id, status: 'stored', kind: 'tracks', provider_recording_id: fake.id });
    const bySession = new Map(rec.tracks.map((t: any) => [t.participant_session_id, t]));
    expect(bySession.size).toBe(2);
    expect(bySession.get(ana.sessionId)).toMatchObject({ participant_name: 'Ana', duration_ms: expect.any(Number) });
    expect(bySession.get(bo.sessionId)).toMatchObject({ participant_name: 'Bo', duration_ms: expect.any(Number) });
    expect(await jobsFor(w.t, 'recording.download', pending.id)).toBe(1);
  });

  it("a Whereby room's recording arrives through SQS (delivered twice, its webhook lost) and is stored once", async () => {
    const m = await cloudRoom('accept-whereby', 'whereby', 'automatic-2nd-participant');
    w.whereby.control.setWebhookOptions({ dropTypes: ['recording.finished'] });
    w.whereby.control.setS3NoticeFaults({ duplicates: 1 });
    await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    await w.whereby.control.addParticipant({ meetingId: m.provider_meeting_id });
    const file = await w.whereby.control.finishRecording({ meetingId: m.provider_meeting_id, content: await mp4Audio(2) });

    await vi.waitFor(async () => expect((await w.t.request('GET', `/v1/meetings/${m.id}/recordings`)).body.items).toHaveLength(1), WAIT);
    const pending = await onlyRecordingOf(m.id);
    const stored = await recordingWhen(w.t, pending.id, (r) => r.status === 'stored');
    expect(stored).toMatchObject({ provider_recording_id: file.filename, kind: 'composite' });
    expect(stored.duration_ms).toBeGreaterThan(1900);
    await vi.waitFor(async () => {
      const reply = await sqsClient.send(
        new GetQueueAttributesCommand({
          QueueUrl: queueUrl,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      expect(Number(reply.Attributes?.ApproximateNumberOfMessages) + Number(reply.Attributes?.ApproximateNumberOfMessagesNotVisible)).toBe(
        0,
      );
    }, WAIT);
    expect(await onlyRecordingOf(m.id)).toMatchObject({ id: pending.id });
    expect(await jobsFor(w.t, 'recording.download', pending.id)).toBe(1);
  });
});
