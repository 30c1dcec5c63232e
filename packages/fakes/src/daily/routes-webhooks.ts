import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { uuid } from '../core/ids.js';
import { EXPONENTIAL_RETRY_DELAYS_MS } from './context.js';
import type { DailyContext, DailyWebhookRegistration } from './context.js';
import { dailyVerificationPing } from './events.js';
import { sendDailyError } from './routes-rooms.js';

function webhookView(ctx: DailyContext, w: DailyWebhookRegistration): Record<string, unknown> {
  const circuit = ctx.sender.circuit();
  return {
    uuid: w.uuid,
    url: w.url,
    hmac: w.hmac,
    basicAuth: w.basicAuth,
    retryType: w.retryType,
    eventTypes: w.eventTypes,
    state: circuit.state,
    failedCount: circuit.failedCount,
    lastMomentPushed: w.updatedAt,
    domainId: ctx.domainId,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

interface WebhookBody {
  url?: unknown;
  eventTypes?: unknown;
  hmac?: unknown;
  basicAuth?: unknown;
  retryType?: unknown;
}

function checkBody(body: WebhookBody, requireUrl: boolean): string | undefined {
  if (requireUrl || body.url !== undefined) {
    if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) return 'url must be an http(s) URL';
  }
  if (body.eventTypes !== undefined && (!Array.isArray(body.eventTypes) || !body.eventTypes.every((t) => typeof t === 'string')))
    return 'eventTypes must be an array of strings';
  if (body.hmac !== undefined && (typeof body.hmac !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body.hmac)))
    return 'hmac must be a base64 string';
  if (body.basicAuth !== undefined && typeof body.basicAuth !== 'string') return 'basicAuth must be a string';
  if (body.retryType !== undefined && body.retryType !== 'circuit-breaker' && body.retryType !== 'exponential')
    return 'retryType must be "circuit-breaker" or "exponential"';
  return undefined;
}

/** Daily verifies the URL with an unsigned `{"test":"test"}` POST and refuses the webhook unless it gets a 200. */
async function verifyUrl(ctx: DailyContext, url: string, basicAuth: string | null, reply: FastifyReply): Promise<boolean> {
  const status = await ctx.sender.probe(url, dailyVerificationPing(), basicAuth ? { authorization: `Basic ${basicAuth}` } : {});
  if (status === 200) return true;
  await sendDailyError(
    reply,
    400,
    'invalid-request-error',
    `non-200 status code returned from webhook endpoint, recvd ${status ?? 'no response'}`,
  );
  return false;
}

function apply(ctx: DailyContext, w: DailyWebhookRegistration): void {
  ctx.registration = w;
  ctx.webhookSecret = w.hmac;
  ctx.sender.setUrl(w.url);
  ctx.sender.configure(
    w.retryType === 'exponential'
      ? { maxRetries: EXPONENTIAL_RETRY_DELAYS_MS.length, circuitBreakerThreshold: undefined, retryDelaysMs: EXPONENTIAL_RETRY_DELAYS_MS }
      : { maxRetries: 0, circuitBreakerThreshold: 3, retryDelaysMs: undefined },
  );
  ctx.sender.reactivate();
}

function registerCreate(api: FastifyInstance, ctx: DailyContext): void {
  api.post('/webhooks', async (req, reply) => {
    const body = (req.body ?? {}) as WebhookBody;
    const problem = checkBody(body, true);
    if (problem) return sendDailyError(reply, 400, 'invalid-request-error', problem);
    if (ctx.registration) return sendDailyError(reply, 400, 'invalid-request-error', 'a domain may only have one webhook');
    const basicAuth = typeof body.basicAuth === 'string' ? body.basicAuth : null;
    if (!(await verifyUrl(ctx, body.url as string, basicAuth, reply))) return reply;
    const at = new Date(ctx.now()).toISOString();
    const w: DailyWebhookRegistration = {
      uuid: uuid(),
      url: body.url as string,
      hmac: typeof body.hmac === 'string' ? body.hmac : randomBytes(32).toString('base64'),
      basicAuth,
      retryType: body.retryType === 'exponential' ? 'exponential' : 'circuit-breaker',
      eventTypes: (body.eventTypes as string[] | undefined) ?? [],
      createdAt: at,
      updatedAt: at,
    };
    apply(ctx, w);
    return webhookView(ctx, w);
  });
}

function registerUpdate(api: FastifyInstance, ctx: DailyContext): void {
  api.get('/webhooks', async () => (ctx.registration ? [webhookView(ctx, ctx.registration)] : []));

  api.get<{ Params: { id: string } }>('/webhooks/:id', async (req, reply) => {
    if (ctx.registration?.uuid !== req.params.id) return sendDailyError(reply, 404, 'not-found', `webhook ${req.params.id} not found`);
    return webhookView(ctx, ctx.registration);
  });

  api.post<{ Params: { id: string } }>('/webhooks/:id', async (req, reply) => {
    const current = ctx.registration;
    if (current?.uuid !== req.params.id) return sendDailyError(reply, 404, 'not-found', `webhook ${req.params.id} not found`);
    const body = (req.body ?? {}) as WebhookBody;
    const problem = checkBody(body, false);
    if (problem) return sendDailyError(reply, 400, 'invalid-request-error', problem);
    const url = typeof body.url === 'string' ? body.url : current.url;
    const basicAuth = typeof body.basicAuth === 'string' ? body.basicAuth : current.basicAuth;
    // Updating re-sends the test POST and re-activates a FAILED webhook.
    if (!(await verifyUrl(ctx, url, basicAuth, reply))) return reply;
    Object.assign(current, {
      url,
      basicAuth,
      hmac: typeof body.hmac === 'string' ? body.hmac : current.hmac,
      retryType: body.retryType ?? current.retryType,
      eventTypes: (body.eventTypes as string[] | undefined) ?? current.eventTypes,
      updatedAt: new Date(ctx.now()).toISOString(),
    });
    apply(ctx, current);
    return webhookView(ctx, current);
  });
}

/** Optional webhook registration API (`/webhooks`); the fake can also simply be configured with a URL. */
export function registerDailyWebhookRoutes(api: FastifyInstance, ctx: DailyContext): void {
  registerCreate(api, ctx);
  registerUpdate(api, ctx);

  api.delete<{ Params: { id: string } }>('/webhooks/:id', async (req, reply) => {
    if (ctx.registration?.uuid !== req.params.id) return sendDailyError(reply, 404, 'not-found', `webhook ${req.params.id} not found`);
    ctx.registration = undefined;
    ctx.sender.setUrl(undefined);
    return { deleted: true };
  });
}
