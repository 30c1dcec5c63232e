import { randomBytes, randomUUID } from 'node:crypto';
import { FaultInjector } from '../core/faults.js';
import { ObjectStore, type ObjectStoreOptions } from '../core/object-store.js';
import { createFakeApp, listen } from '../core/http-app.js';
import { RequestLog } from '../core/request-log.js';
import { renderRoomPage } from '../core/room-page.js';
import type { RecordedRequest } from '../core/request-log.js';
import { FakeScheduler } from '../core/scheduler.js';
import { WebhookSender } from '../core/webhook-sender.js';
import type { OutgoingWebhook, WebhookDelivery } from '../core/webhook-types.js';
import { emit } from './context.js';
import type { DailyContext } from './context.js';
import { DailyControl, registerDailyControlRoutes } from './control.js';
import { DailyPresence } from './presence.js';
import { DailyRecorder } from './recordings.js';
import { registerDailyApi } from './routes-rooms.js';
import { dailySignatureHeaders } from './sign.js';
import type { DailyTimestampUnit } from './sign.js';
import { DailyState } from './state.js';

/** Options of `startDailyFake`. */
export interface DailyFakeOptions {
  /** TCP port; default 0 (a free port). */
  port?: number;
  /** Interface to bind; default `127.0.0.1`. */
  host?: string;
  /** The API key accepted as `Authorization: Bearer <apiKey>`; default `daily-fake-api-key`. */
  apiKey?: string;
  /** Base64 HMAC secret used to sign webhooks; default: 32 random bytes, base64. */
  webhookSecret?: string;
  /** Where webhooks are POSTed; default none (webhooks are recorded as `no-target`). */
  webhookUrl?: string;
  /** The Daily domain: room URLs are `https://<domain>.daily.co/<room>`; default `meetbridge`. */
  domain?: string;
  /** Domain id put in meeting tokens (`d` claim); default a random UUID. */
  domainId?: string;
  /** Clock in unix ms; default `Date.now`. */
  now?: () => number;
  /**
   * Unit of `X-Webhook-Timestamp`; default `milliseconds`. Daily does not document it; handlers seen
   * in the wild read 13-digit milliseconds (shared/reference/providers.md §8.9).
   */
  timestampUnit?: DailyTimestampUnit;
  /** Per-attempt webhook timeout in ms; default 5000. */
  webhookTimeoutMs?: number;
  /** Delay between a room emptying and its `meeting.ended` webhook; default 20 000 ms (Daily: "up to 20 seconds"). */
  meetingEndedDelayMs?: number;
  /** Entries `GET /rooms/:name/presence` returns without `limit`; default 100 (Daily's default is not documented). */
  presenceDefaultLimit?: number;
  /** The largest presence page; a larger `limit` is cut to it. Default 1000. */
  presenceMaxLimit?: number;
  /**
   * Run scheduled behaviour (delayed `meeting.ended`, webhook retries, ejection at `exp`) by itself
   * every this many ms of real time. Default: off, so tests move their `now` and call
   * `control.tick()`; `npm run dev:fakes` turns it on.
   */
  autoRunMs?: number;
  /**
   * Where recordings of rooms with a `recordings_bucket` are written when they finish (an S3 or
   * S3-compatible server and credentials; Daily itself assumes the room's `assume_role_arn`).
   * Default: not written (the webhook still reports the keys).
   */
  recordingStorage?: ObjectStoreOptions;
}

/** A running Daily fake. */
export interface DailyFake {
  /** REST base URL including `/v1`: use as DAILY_API_URL. */
  readonly url: string;
  /** `http://host:port`, where `/_control/...` lives. */
  readonly origin: string;
  readonly apiKey: string;
  /** The current base64 webhook secret (changes if a webhook is registered with its own `hmac`). */
  readonly webhookSecret: string;
  readonly domain: string;
  readonly control: DailyControl;
  /** REST requests received so far (same as `control.requests()`). */
  readonly requests: readonly RecordedRequest[];
  /** Webhooks recorded so far (same as `control.webhooks()`). */
  readonly webhooks: readonly WebhookDelivery[];
  /** Waits for in-flight webhooks, then stops listening. */
  close(): Promise<void>;
}

function createContext(options: DailyFakeOptions): DailyContext {
  const now = options.now ?? Date.now;
  const state = new DailyState();
  const domain = options.domain ?? 'meetbridge';
  const scheduler = new FakeScheduler(now, options.autoRunMs);
  // Scheduled behaviour sends through the finished context (set below, used only later).
  const built: { ctx?: DailyContext } = {};
  const send = (events: readonly OutgoingWebhook[]) => (built.ctx ? emit(built.ctx, events) : Promise.resolve([]));
  const base: Omit<DailyContext, 'sender'> = {
    apiKey: options.apiKey ?? 'daily-fake-api-key',
    domain,
    domainId: options.domainId ?? randomUUID(),
    state,
    presence: new DailyPresence(state, scheduler, send, options.meetingEndedDelayMs ?? 20_000),
    recorder: new DailyRecorder(state, domain),
    scheduler,
    now,
    origin: '',
    webhookSecret: options.webhookSecret ?? randomBytes(32).toString('base64'),
    timestampUnit: options.timestampUnit ?? 'milliseconds',
    registration: undefined,
    presenceDefaultLimit: options.presenceDefaultLimit ?? 100,
    presenceMaxLimit: options.presenceMaxLimit ?? 1000,
    objects: options.recordingStorage ? new ObjectStore(options.recordingStorage) : undefined,
  };
  // The signer reads `base` (which becomes the context) so a later secret or unit change applies.
  const sender = new WebhookSender({
    url: options.webhookUrl,
    sign: (body, ts, wrong) =>
      dailySignatureHeaders(
        wrong ? Buffer.from(`wrong-${base.webhookSecret}`).toString('base64') : base.webhookSecret,
        ts,
        body,
        base.timestampUnit,
      ),
    now,
    timeoutMs: options.webhookTimeoutMs ?? 5000,
    // Circuit-breaker (Daily's default retryType): each non-200 counts; 3 in a row stop delivery.
    maxRetries: 0,
    isSuccess: (status) => status === 200,
    isRetryable: () => true,
    circuitBreakerThreshold: 3,
    scheduler,
    // A retry carries the original body and X-Webhook-Timestamp, so it can arrive minutes old.
    retrySameTimestamp: true,
    extraHeaders: (): Record<string, string> =>
      base.registration?.basicAuth ? { authorization: `Basic ${base.registration.basicAuth}` } : {},
  });
  built.ctx = Object.assign(base, { sender });
  return built.ctx;
}

/** Starts a contract-faithful Daily REST + webhook emulator on a real HTTP listener. */
export async function startDailyFake(options: DailyFakeOptions = {}): Promise<DailyFake> {
  const ctx = createContext(options);
  const log = new RequestLog();
  const faults = new FaultInjector();
  const control = new DailyControl({ log, faults, sender: ctx.sender, scheduler: ctx.scheduler }, ctx);
  const app = createFakeApp(log);
  registerDailyControlRoutes(app, control);
  registerDailyApi(app, ctx, faults);
  app.get<{ Params: { file: string } }>('/_files/daily/recordings/:file', async (req, reply) => {
    const recording = ctx.state.recording(req.params.file.replace(/\.mp4$/, ''));
    if (!recording) return reply.code(404).send('NoSuchKey');
    const disposition = recording.bucket?.allow_streaming_from_bucket === true ? 'inline' : 'attachment';
    return reply
      .header('content-type', 'video/mp4')
      .header('content-disposition', `${disposition}; filename="${recording.id}.mp4"`)
      .send(recording.content);
  });
  app.get<{ Params: { room: string }; Querystring: Record<string, string> }>('/_rooms/:room', async (req, reply) => {
    const known = ctx.state.room(req.params.room) !== undefined;
    const page = renderRoomPage({
      provider: 'daily',
      room: req.params.room,
      known,
      role: 'participant',
      query: req.query,
      tokenParams: ['t'],
    });
    return reply.type('text/html; charset=utf-8').send(page);
  });
  const origin = await listen(app, options.port ?? 0, options.host ?? '127.0.0.1');
  ctx.origin = origin;
  return {
    url: `${origin}/v1`,
    origin,
    apiKey: ctx.apiKey,
    get webhookSecret() {
      return ctx.webhookSecret;
    },
    domain: ctx.domain,
    control,
    get requests() {
      return log.all();
    },
    get webhooks() {
      return ctx.sender.deliveries();
    },
    async close() {
      ctx.scheduler.stop();
      await ctx.sender.settle();
      await app.close();
      ctx.objects?.close();
    },
  };
}
