import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import { readObjectCreated, type LoggerLike, type PlatformCatalog, type RecordingReadyEvent } from '@meetbridge/platforms';
import { sqlState, type Db } from '../../db/client.js';
import type { JobSender } from '../../jobs/types.js';
import type { InboxRepo } from './repo.js';

/** SQS long poll: a receive waits up to 20 s (SQS's maximum) for messages. */
export const NOTICE_WAIT_SECONDS = 20;
/** Messages per receive (SQS's maximum). */
export const NOTICE_BATCH = 10;
/**
 * How long a received message stays hidden from other consumers: longer than storing a batch takes.
 * A message whose inbox row could not be committed comes back after it and is tried again.
 */
export const NOTICE_VISIBILITY_SECONDS = 60;

export interface NoticeConsumerDeps {
  sqs: Pick<SQSClient, 'send'>;
  queueUrl: string;
  db: Db;
  inbox: InboxRepo;
  catalog: PlatformCatalog;
  jobs: JobSender;
  logger: LoggerLike;
  /** Wait after a failed receive; doubled up to 30 s (tests pass a short one). Default 1000 ms. */
  retryDelayMs?: number;
  /** Visibility timeout of received messages; default `NOTICE_VISIBILITY_SECONDS`. */
  visibilitySeconds?: number;
  /** Long-poll wait; default `NOTICE_WAIT_SECONDS`. */
  waitSeconds?: number;
}

/** What one message held, once read. */
type ReadMessage =
  | { kind: 'notices'; rows: { platform: string; event: RecordingReadyEvent; record: unknown }[] }
  | { kind: 'drop'; reason: string; level: 'info' | 'warn' };

/** The S3 → SQS message of a bucket notification: `{"Records": [...]}`, or S3's one-off `s3:TestEvent`. */
function parseBody(body: string | undefined): unknown {
  try {
    return JSON.parse(body ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Consumes the SQS queue of the recordings buckets' S3 event notifications
 * (`AWS_PROCESS_RECORDING_QUEUE_URL`; S3 delivers each `ObjectCreated` as a message
 * `{"Records":[…]}`, at least once,
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html). Each
 * record is handed to the adapters that declare `recordingNotices`; the one whose bucket it is turns
 * it into a `recording.ready` event, which goes into the webhook inbox (source `s3`) under the key
 * its webhook would have, so a recording announced both ways is stored once. The message is deleted
 * only after its rows are committed; one that cannot be stored comes back after the visibility
 * timeout. Messages that can never become a row (not JSON, no records, S3's test event, buckets no
 * provider claims) are deleted with a log line, never retried.
 */
export class RecordingNoticeConsumer {
  private isRunning = false;
  private abort = new AbortController();
  private loop: Promise<void> | null = null;

  constructor(private readonly deps: NoticeConsumerDeps) {}

  /** Whether this process is consuming the queue. */
  get running(): boolean {
    return this.isRunning;
  }

  /** Starts long-polling in the background; `stop()` ends it. */
  start(): void {
    if (this.isRunning) return;
    this.isRunning = true;
    this.abort = new AbortController();
    this.loop = this.run();
    this.deps.logger.info({ queue: this.deps.queueUrl }, 'recording notice consumer started');
  }

  /** Stops polling: aborts the pending receive and waits for the batch in hand to be stored. */
  async stop(): Promise<void> {
    if (!this.isRunning) return;
    this.isRunning = false;
    this.abort.abort();
    await this.loop;
    this.loop = null;
  }

  private async run(): Promise<void> {
    let delay = this.deps.retryDelayMs ?? 1000;
    while (this.isRunning) {
      try {
        await this.receiveOnce();
        delay = this.deps.retryDelayMs ?? 1000;
      } catch (error) {
        if (!this.isRunning) break;
        this.deps.logger.warn({ err: error, queue: this.deps.queueUrl }, 'could not receive recording notices; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
        delay = Math.min(delay * 2, 30_000);
      }
    }
  }

  /** One long poll and its messages; returns how many messages were received. */
  async receiveOnce(): Promise<number> {
    const reply = await this.deps.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: this.deps.queueUrl,
        MaxNumberOfMessages: NOTICE_BATCH,
        WaitTimeSeconds: this.deps.waitSeconds ?? NOTICE_WAIT_SECONDS,
        VisibilityTimeout: this.deps.visibilitySeconds ?? NOTICE_VISIBILITY_SECONDS,
      }),
      { abortSignal: this.abort.signal },
    );
    const messages = reply.Messages ?? [];
    let stored = 0;
    for (const message of messages) stored += await this.handle(message);
    if (stored > 0) {
      // A lost nudge loses nothing: the periodic drain applies every pending row.
      await this.deps.jobs
        .send('webhook.drain', {})
        .catch((err: unknown) => this.deps.logger.debug({ err }, 'could not nudge the inbox drain'));
    }
    return messages.length;
  }

  /** Stores one message's rows, then deletes it; returns how many new rows it stored. */
  private async handle(message: Message): Promise<number> {
    const read = this.read(message);
    if (read.kind === 'drop') {
      this.deps.logger[read.level]({ messageId: message.MessageId, queue: this.deps.queueUrl }, `recording notice dropped: ${read.reason}`);
      await this.delete(message);
      return 0;
    }
    let stored = 0;
    try {
      stored = await this.deps.db.transaction(async (tx) => {
        let n = 0;
        for (const { platform, event, record } of read.rows) {
          const inserted = await this.deps.inbox.insert(
            {
              platform,
              providerEventId: event.eventId,
              type: event.providerType,
              occurredAt: event.occurredAt,
              rawJson: JSON.stringify(record),
              source: 's3',
            },
            tx,
          );
          if (inserted) n++;
        }
        return n;
      });
    } catch (error) {
      if (sqlState(error)?.startsWith('22')) {
        // A data exception (e.g. \u0000 in the JSON) fails every time: keeping the message would loop.
        this.deps.logger.error({ err: error, messageId: message.MessageId }, 'recording notice cannot be stored; deleted');
        await this.delete(message);
        return 0;
      }
      // Not deleted: it comes back after the visibility timeout (nothing is lost while the database is away).
      this.deps.logger.error({ err: error, messageId: message.MessageId }, 'could not store a recording notice; it will be received again');
      return 0;
    }
    this.deps.logger.info(
      { messageId: message.MessageId, recordings: read.rows.map((r) => ({ platform: r.platform, eventId: r.event.eventId })), stored },
      'recording notice stored in the inbox',
    );
    await this.delete(message);
    return stored;
  }

  private read(message: Message): ReadMessage {
    const body = parseBody(message.Body);
    if (typeof body !== 'object' || body === null) return { kind: 'drop', reason: 'the message is not JSON', level: 'warn' };
    if ((body as { Event?: unknown }).Event === 's3:TestEvent')
      return { kind: 'drop', reason: "S3's test event (notifications configured)", level: 'info' };
    const records = (body as { Records?: unknown }).Records;
    if (!Array.isArray(records)) return { kind: 'drop', reason: 'the message has no Records array', level: 'warn' };
    const rows: { platform: string; event: RecordingReadyEvent; record: unknown }[] = [];
    for (const record of records) {
      const notice = readObjectCreated(record);
      if (!notice) {
        this.deps.logger.info({ messageId: message.MessageId }, 'S3 record ignored: not an ObjectCreated event');
        continue;
      }
      const claimed = this.claim(record);
      if (claimed) rows.push({ ...claimed, record });
      else
        this.deps.logger.warn(
          { messageId: message.MessageId, bucket: notice.bucket, key: notice.key },
          'S3 notice for an object no configured provider records to (unknown bucket or key); ignored',
        );
    }
    return rows.length > 0
      ? { kind: 'notices', rows }
      : { kind: 'drop', reason: 'no record is a recording of a configured provider', level: 'warn' };
  }

  /** The configured provider whose bucket the record is, with its event. */
  private claim(record: unknown): { platform: string; event: RecordingReadyEvent } | null {
    for (const platform of this.deps.catalog.available()) {
      const adapter = this.deps.catalog.adapterForExisting(platform);
      if (!adapter?.capabilities.recordingNotices) continue;
      const event = adapter.recordingNotices.parse(record);
      if (event) return { platform, event };
    }
    return null;
  }

  private async delete(message: Message): Promise<void> {
    if (!message.ReceiptHandle) return;
    await this.deps.sqs.send(new DeleteMessageCommand({ QueueUrl: this.deps.queueUrl, ReceiptHandle: message.ReceiptHandle }));
  }
}

/** The SQS client of this process (`AWS_REGION`, `SQS_ENDPOINT_URL`; credentials from the SDK's default chain). */
export function createSqsClient(settings: { region: string; sqsEndpoint: string | undefined }): SQSClient {
  return new SQSClient({ region: settings.region, endpoint: settings.sqsEndpoint });
}
