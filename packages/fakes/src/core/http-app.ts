import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FaultInjector } from './faults.js';
import type { RecordedRequest, RequestLog } from './request-log.js';

interface RawBody {
  readonly text: string | undefined;
  readonly buffer: Buffer | undefined;
  readonly invalidJson: boolean;
}

const rawBodies = new WeakMap<FastifyRequest, RawBody>();
const records = new WeakMap<FastifyRequest, RecordedRequest>();

/** The exact body of a request as received, and whether it claimed to be JSON but did not parse. */
export function rawBodyOf(req: FastifyRequest): RawBody {
  return rawBodies.get(req) ?? { text: undefined, buffer: undefined, invalidJson: false };
}

/** Paths that belong to the fake itself, not the emulated provider; they are not recorded nor faulted. */
export function isInternalPath(path: string): boolean {
  return path.startsWith('/_control') || path.startsWith('/_files') || path.startsWith('/_rooms');
}

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** Installs parsers that keep the raw body: JSON (never throws; see `rawBodyOf`) and a Buffer catch-all. */
function installParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      rawBodies.set(req, { text, buffer: undefined, invalidJson: false });
      done(null, undefined);
      return;
    }
    try {
      const json: unknown = JSON.parse(text);
      rawBodies.set(req, { text, buffer: undefined, invalidJson: false });
      done(null, json);
    } catch {
      rawBodies.set(req, { text, buffer: undefined, invalidJson: true });
      done(null, undefined);
    }
  });
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 20 * 1024 * 1024 }, (req, body, done) => {
    const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
    rawBodies.set(req, { text: buffer.toString('utf8'), buffer, invalidJson: false });
    done(null, buffer);
  });
}

/** Records every provider request (body included) and its response in `log`. */
function installRecorder(app: FastifyInstance, log: RequestLog): void {
  app.addHook('preHandler', async (req) => {
    const path = pathOf(req.url);
    if (isInternalPath(path)) return;
    const raw = rawBodyOf(req);
    const record = log.add({
      method: req.method,
      path,
      url: req.url,
      query: { ...(req.query as Record<string, string | string[]>) },
      headers: { ...req.headers },
      rawBody: raw.text,
      json: raw.invalidJson || raw.buffer ? undefined : req.body,
      receivedAt: new Date(),
    });
    records.set(req, record);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const record = records.get(req);
    if (record) {
      record.status = reply.statusCode;
      record.responseBody = typeof payload === 'string' ? payload : payload === null ? '' : undefined;
    }
    return payload;
  });
}

/** Creates the Fastify instance shared by both fakes: logger off, raw-body parsers, request recorder. */
export function createFakeApp(log: RequestLog): FastifyInstance {
  // Meeting tokens (JWTs) appear as path parameters, longer than Fastify's default 100 characters.
  const app = Fastify({ logger: false, bodyLimit: 20 * 1024 * 1024, routerOptions: { maxParamLength: 8192 } });
  installParsers(app);
  installRecorder(app, log);
  return app;
}

/** How a provider renders injected faults. */
export interface FaultRenderer {
  /** Error body for an injected non-429 status. */
  errorBody(status: number): unknown;
  /** Sends the provider's 429 reply. */
  rateLimit(reply: FastifyReply, retryAfterSeconds: number): FastifyReply;
}

/** Requests whose reply a `lostReply` fault loses once they are handled. */
const lostReplies = new WeakMap<FastifyRequest, { mode: 'delay' | 'destroy'; delayMs: number }>();

/**
 * Hooks (for the provider's REST scope) that apply the first matching fault. The preHandler waits
 * `delayMs`, then answers with the fault status if one is set; a `lostReply` fault lets the request
 * be handled and the onSend hook then holds its reply for `delayMs` or destroys the connection.
 */
export function installFaultHooks(api: FastifyInstance, faults: FaultInjector, renderer: FaultRenderer): void {
  api.addHook('preHandler', faultHook(faults, renderer));
  api.addHook('onSend', async (req, _reply, payload) => {
    const lost = lostReplies.get(req);
    if (!lost) return payload;
    if (lost.mode === 'destroy') req.raw.socket.destroy();
    else await new Promise((resolve) => setTimeout(resolve, lost.delayMs));
    return payload;
  });
}

function faultHook(faults: FaultInjector, renderer: FaultRenderer) {
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const fault = faults.take(req.method, pathOf(req.url));
    if (!fault) return;
    if (fault.lostReply) {
      lostReplies.set(req, { mode: fault.lostReply, delayMs: fault.delayMs });
      return;
    }
    if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.status === undefined) return;
    if (fault.status === 429 && fault.body === undefined) {
      await renderer.rateLimit(reply, fault.retryAfterSeconds);
      return;
    }
    if (fault.status === 429) void reply.header('retry-after', String(fault.retryAfterSeconds));
    await reply.code(fault.status).send(fault.body ?? renderer.errorBody(fault.status));
  };
}

/** Starts listening and returns the origin, e.g. `http://127.0.0.1:4002`. */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<string> {
  await app.listen({ port, host });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The fake did not bind a TCP port.');
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${address.port}`;
}
