import { FaultInjector } from '../core/faults.js';
import { ObjectStore, type ObjectStoreOptions } from '../core/object-store.js';
import { S3NoticeSender, type S3NoticeOptions } from '../core/s3-notices.js';
import { createFakeApp, listen } from '../core/http-app.js';
import { RequestLog } from '../core/request-log.js';
import { renderRoomPage } from '../core/room-page.js';
import type { RecordedRequest } from '../core/request-log.js';
import { FakeScheduler } from '../core/scheduler.js';
import { WebhookSender } from '../core/webhook-sender.js';
import type { WebhookDelivery } from '../core/webhook-types.js';
import { WherebyPointBudget } from './context.js';
import type { WherebyContext } from './context.js';
import { WherebyControl, registerWherebyControlRoutes } from './control.js';
import { WherebyPresence } from './presence.js';
import { registerWherebyApi } from './routes-meetings.js';
import { wherebySignatureHeaders } from './sign.js';
import { WherebyState } from './state.js';
import { WherebyUploads } from './uploads.js';

/** Options of `startWherebyFake`. */
export interface WherebyFakeOptions {
  /** TCP port; default 0 (a free port). */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** The API key accepted as `Authorization: Bearer <apiKey>`; default `whereby-fake-api-key`. */
  apiKey?: string;
  /** Webhook signing secret (used as UTF-8); default `whereby-fake-webhook-secret`. */
  webhookSecret?: string;
  /** Where webhooks are POSTed; default none (webhooks are recorded as `no-target`). */
  webhookUrl?: string;
  /** The organization subdomain in room URLs and webhooks; default `meetbridge`. */
  subdomain?: string;
  /** Clock in unix ms; default `Date.now`. */
  now?: () => number;
  /** Clients in the room before `room.session.started` is sent; default 2 (Whereby: "≥2 users"). */
  sessionStartedAtClients?: number;
  /** Per-attempt webhook timeout in ms; default 5000 (Whereby's documented timeout). */
  webhookTimeoutMs?: number;
  /** Retries of a webhook answered with 5xx or timing out; default 2 (as documented). */
  webhookMaxRetries?: number;
  /**
   * How long fewer than 2 participants must remain in a room before its session ends and
   * `room.session.ended` is sent, even with someone still inside; default 60 000 ms. Whereby says
   * "less than 2 for some time" without the number.
   */
  sessionEndAfterMs?: number;
  /** How far insights lag behind (ms); default 600 000 (Whereby: "10-15 minutes"). */
  insightsLagMs?: number;
  /** The organisation's point budget per minute; default 1000 (Grow plan; Build has 100). */
  rateLimitPoints?: number;
  /** Points per call; default read 1, delete 2, write 3, insights 1 (their real cost is not documented). */
  pointCosts?: Partial<{ read: number; delete: number; write: number; insights: number }>;
  /**
   * Run scheduled behaviour (session ends) by itself every this many ms of real time. Default: off,
   * so tests move their `now` and call `control.tick()`; `npm run dev:fakes` turns it on.
   */
  autoRunMs?: number;
  /**
   * The S3 or S3-compatible server cloud recordings with an S3 destination are uploaded to (the
   * bucket and access key come from the meeting's `recording.destination`, as on Whereby).
   * Default: not uploaded (`recording.finished` is still sent).
   */
  recordingStorage?: ObjectStoreOptions;
  /**
   * The SQS queue the recordings bucket's event notifications go to: each upload sends an
   * `ObjectCreated:Put` message there, as S3 would. Default: none.
   */
  s3Notices?: S3NoticeOptions;
}

/** A running Whereby fake. */
export interface WherebyFake {
  /** REST base URL including `/v1`: use as WHEREBY_API_URL. */
  readonly url: string;
  /** `http://host:port`, where `/_control/...` lives. */
  readonly origin: string;
  readonly apiKey: string;
  readonly webhookSecret: string;
  readonly subdomain: string;
  readonly control: WherebyControl;
  /** REST requests received so far (same as `control.requests()`). */
  readonly requests: readonly RecordedRequest[];
  /** Webhooks recorded so far (same as `control.webhooks()`). */
  readonly webhooks: readonly WebhookDelivery[];
  /** Waits for in-flight webhooks, then stops listening. */
  close(): Promise<void>;
}

/** Starts a contract-faithful Whereby REST + webhook emulator on a real HTTP listener. */
export async function startWherebyFake(options: WherebyFakeOptions = {}): Promise<WherebyFake> {
  const apiKey = options.apiKey ?? 'whereby-fake-api-key';
  const webhookSecret = options.webhookSecret ?? 'whereby-fake-webhook-secret';
  const subdomain = options.subdomain ?? 'meetbridge';
  const now = options.now ?? Date.now;
  const log = new RequestLog();
  const faults = new FaultInjector();
  const scheduler = new FakeScheduler(now, options.autoRunMs);
  const sender = new WebhookSender({
    url: options.webhookUrl,
    sign: (body, ts, wrong) => wherebySignatureHeaders(wrong ? `${webhookSecret}-wrong` : webhookSecret, ts, body),
    now,
    timeoutMs: options.webhookTimeoutMs ?? 5000,
    maxRetries: options.webhookMaxRetries ?? 2,
    isSuccess: (status) => status >= 200 && status < 300,
    isRetryable: (status) => status === undefined || status >= 500,
  });
  const state = new WherebyState(subdomain);
  const presence = new WherebyPresence(
    state,
    subdomain,
    options.sessionStartedAtClients ?? 2,
    scheduler,
    options.sessionEndAfterMs ?? 60_000,
    // A scheduled session end may make an automatic recording due: it is delivered right after.
    async (events) => {
      await sender.send(events);
      await late.uploads?.deliverDue();
    },
  );
  const objects = options.recordingStorage ? new ObjectStore(options.recordingStorage) : undefined;
  const notices = options.s3Notices ? new S3NoticeSender(options.s3Notices) : undefined;
  const late: { uploads?: WherebyUploads } = {};
  late.uploads = new WherebyUploads({ state, presence, sender, now, objects, notices });
  const budget = new WherebyPointBudget(options.rateLimitPoints ?? 1000, {
    read: 1,
    delete: 2,
    write: 3,
    insights: 1,
    ...options.pointCosts,
  });
  const ctx: WherebyContext = {
    apiKey,
    subdomain,
    state,
    presence,
    sender,
    scheduler,
    now,
    insightsLagMs: options.insightsLagMs ?? 600_000,
    budget,
    origin: '',
    uploads: late.uploads,
    notices,
  };
  const control = new WherebyControl({ log, faults, sender, scheduler }, ctx);
  const app = createFakeApp(log);
  registerWherebyControlRoutes(app, control);
  registerWherebyApi(app, ctx, faults);
  app.get<{ Params: { id: string } }>('/_files/whereby/recordings/:id', async (req, reply) => {
    const recording = state.recordings.get(req.params.id);
    if (!recording) return reply.code(404).send({ error: 'Recording not found' });
    return reply
      .header('content-type', 'video/mp4')
      .header('content-disposition', `attachment; filename="${recording.filename}"`)
      .send(recording.content);
  });
  app.get<{ Params: { room: string }; Querystring: Record<string, string> }>('/_rooms/:room', async (req, reply) => {
    const meeting = state.meetingByRoomName(req.params.room);
    const key = req.query.roomKey;
    const keyOf = (url: string | undefined) => (url ? new URL(url).searchParams.get('roomKey') : null);
    const role =
      key && key === keyOf(meeting?.hostRoomUrl) ? 'host' : key && key === keyOf(meeting?.viewerRoomUrl) ? 'viewer' : 'participant';
    const page = renderRoomPage({
      provider: 'whereby',
      room: req.params.room,
      known: meeting !== undefined,
      role,
      query: req.query,
      tokenParams: [],
    });
    return reply.type('text/html; charset=utf-8').send(page);
  });
  const origin = await listen(app, options.port ?? 0, options.host ?? '127.0.0.1');
  ctx.origin = origin;
  return {
    url: `${origin}/v1`,
    origin,
    apiKey,
    webhookSecret,
    subdomain,
    control,
    get requests() {
      return log.all();
    },
    get webhooks() {
      return sender.deliveries();
    },
    async close() {
      scheduler.stop();
      await sender.settle();
      await app.close();
      objects?.close();
      notices?.close();
    },
  };
}
