import { randomBytes } from 'node:crypto';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { isoMillis } from './ids.js';
import type { WrittenObject } from './object-store.js';

/**
 * S3 event notifications delivered to an SQS queue, as Amazon S3 sends them
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html):
 * a JSON message `{"Records":[…]}` with one record per event, the object key URL-encoded like an
 * HTML form value (spaces as `+`), and a one-off `s3:TestEvent` message when notifications are
 * configured. Delivery is at least once: "occasionally … a single event may result in multiple
 * notifications" (https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventNotifications.html),
 * which `duplicates` reproduces.
 */
export interface S3NoticeOptions {
  /** The queue notices go to (the harness creates it). */
  queueUrl: string;
  /** An SQS-compatible endpoint (fauxqs); absent = AWS. */
  endpoint?: string;
  /** Default `us-east-1`. */
  region?: string;
  /** Default: the AWS SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** Delivery faults of the notices; default off. */
export interface S3NoticeFaults {
  /** Extra copies of every notice message. Default 0. */
  duplicates?: number;
  /** Do not send notices at all (a lost notice). Default false. */
  drop?: boolean;
}

/** One message sent to the queue. */
export interface SentNotice {
  messageId: string;
  body: string;
}

/** The key as S3 writes it into a notification: form-URL-encoded (`a b/c.mp4` → `a+b/c.mp4`). */
export function encodeNotificationKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The `ObjectCreated:Put` record S3 sends for an object written with PutObject. */
export function objectCreatedRecord(object: WrittenObject, atMs: number, region = 'us-east-1'): Record<string, unknown> {
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: isoMillis(atMs),
    eventName: 'ObjectCreated:Put',
    userIdentity: { principalId: 'AWS:AIDAFAKEPRINCIPAL' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: {
      'x-amz-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-amz-id-2': randomBytes(24).toString('base64'),
    },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'recordings',
      bucket: { name: object.bucket, ownerIdentity: { principalId: 'A3FAKEOWNER' }, arn: `arn:aws:s3:::${object.bucket}` },
      object: {
        key: encodeNotificationKey(object.key),
        size: object.size,
        eTag: object.eTag,
        sequencer: atMs.toString(16).toUpperCase().padStart(16, '0'),
      },
    },
  };
}

/** The message S3 sends once when a notification configuration is saved. */
export function testEventMessage(bucket: string, atMs: number): Record<string, unknown> {
  return {
    Service: 'Amazon S3',
    Event: 's3:TestEvent',
    Time: isoMillis(atMs),
    Bucket: bucket,
    RequestId: randomBytes(8).toString('hex').toUpperCase(),
    HostId: randomBytes(24).toString('base64'),
  };
}

/** Sends S3 event notifications to one SQS queue. */
export class S3NoticeSender {
  private readonly sqs: SQSClient;
  readonly sent: SentNotice[] = [];
  faults: S3NoticeFaults = {};

  constructor(private readonly options: S3NoticeOptions) {
    this.sqs = new SQSClient({ region: options.region ?? 'us-east-1', endpoint: options.endpoint, credentials: options.credentials });
  }

  /** Sends one `ObjectCreated:Put` message for `object` (plus duplicates, unless dropped). */
  async objectCreated(object: WrittenObject, atMs: number): Promise<SentNotice[]> {
    if (this.faults.drop) return [];
    const body = JSON.stringify({ Records: [objectCreatedRecord(object, atMs, this.options.region)] });
    const copies = 1 + (this.faults.duplicates ?? 0);
    const sent: SentNotice[] = [];
    for (let i = 0; i < copies; i++) sent.push(await this.sendRaw(body));
    return sent;
  }

  /** Sends the `s3:TestEvent` message S3 sends when notifications are configured on `bucket`. */
  testEvent(bucket: string, atMs: number): Promise<SentNotice> {
    return this.sendRaw(JSON.stringify(testEventMessage(bucket, atMs)));
  }

  /** Sends any message body (e.g. a malformed one, for tests of the consumer). */
  async sendRaw(body: string): Promise<SentNotice> {
    const reply = await this.sqs.send(new SendMessageCommand({ QueueUrl: this.options.queueUrl, MessageBody: body }));
    const notice = { messageId: reply.MessageId ?? '', body };
    this.sent.push(notice);
    return notice;
  }

  close(): void {
    this.sqs.destroy();
  }
}
