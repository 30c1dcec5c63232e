import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { listen as listenHttp } from '../core/http-app.js';
import { multipartBoundary, parseMultipart } from '../core/multipart.js';
import { defaultFfmpegPath } from './audio.js';
import { OpenAiControl, OpenAiFakeState, registerOpenAiControlRoutes, type OpenAiRecordedRequest } from './control.js';
import { errorBodyFor, openAiError, sendOpenAiError, tooLarge } from './errors.js';
import { registerChatRoute } from './routes-chat.js';
import { registerTranscriptionRoute } from './routes-transcriptions.js';

/**
 * An OpenAI-compatible API on a real HTTP listener: audio transcriptions and chat completions,
 * with OpenAI's error bodies, auth and limits, faults and a request log. Speech "recognition" is
 * ffmpeg's silencedetect (see `audio.ts`), so answers follow from the audio sent.
 */

/** Options of `startOpenAiFake`. */
export interface OpenAiFakeOptions {
  /** TCP port; default 0 (a free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Required as `Authorization: Bearer <apiKey>`. Default `openai-fake-api-key`; null: no auth (like a self-hosted server). */
  apiKey?: string | null;
  /** Transcription models it knows (others: 404). Default whisper-1 and the gpt-4o transcribe family. */
  transcriptionModels?: readonly string[];
  /** ffmpeg used to listen to uploads. Default: the `@ffmpeg-installer/ffmpeg` binary. */
  ffmpegPath?: string;
  /** Silence threshold of the listener. Default -45 dB. */
  noiseDb?: number;
  /** Shortest silence that separates two utterances (and trims a chunk's padding). Default 0.2 s. */
  minSilenceSec?: number;
  /** Clock in unix ms (the `created` field). Default `Date.now`. */
  now?: () => number;
}

/** A running OpenAI fake. */
export interface OpenAiFake {
  /** `http://host:port`: use as TRANSCRIPTION_URL and LLM_URL (the API is under `/v1`). */
  readonly url: string;
  /** The key it requires, or null. */
  readonly apiKey: string | null;
  readonly control: OpenAiControl;
  /** API requests so far (same as `control.requests()`). */
  readonly requests: readonly OpenAiRecordedRequest[];
  close(): Promise<void>;
}

/** Default transcription models. */
export const OPENAI_FAKE_TRANSCRIPTION_MODELS = ['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe', 'gpt-4o-transcribe-diarize'];

const recorded = new WeakMap<FastifyRequest, OpenAiRecordedRequest>();

function record(state: OpenAiFakeState, req: FastifyRequest): void {
  if (!req.url.startsWith('/v1/')) return;
  const body = req.body;
  const fields: Record<string, string[]> = {};
  let file: OpenAiRecordedRequest['file'] = null;
  const boundary = multipartBoundary(req.headers['content-type']);
  if (Buffer.isBuffer(body) && boundary) {
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename !== undefined) file = { filename: part.filename, contentType: part.contentType, bytes: part.data.length };
      else if (part.name !== undefined) (fields[part.name] ??= []).push(part.data.toString('utf8'));
    }
  }
  const entry = state.record({
    method: req.method,
    path: req.url.split('?')[0] ?? req.url,
    headers: { ...req.headers },
    fields,
    file,
    json: Buffer.isBuffer(body) ? undefined : body,
    bodyBytes: Buffer.isBuffer(body) ? body.length : Number(req.headers['content-length'] ?? 0),
    receivedAt: new Date(),
  });
  recorded.set(req, entry);
}

/** Auth as OpenAI does it: no header and a wrong key are both 401, with different messages. */
async function checkAuth(apiKey: string, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const header = req.headers.authorization;
  if (!header) {
    await sendOpenAiError(
      reply,
      401,
      openAiError(
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      ),
    );
    return;
  }
  if (header !== `Bearer ${apiKey}`) {
    await sendOpenAiError(reply, 401, openAiError('Incorrect API key provided.', 'invalid_request_error', null, 'invalid_api_key'));
  }
}

function installHooks(app: FastifyInstance, state: OpenAiFakeState, apiKey: string | null): void {
  app.addHook('preHandler', async (req, reply) => {
    record(state, req);
    if (!req.url.startsWith('/v1/')) return;
    const fault = state.faults.take(req.method, req.url.split('?')[0] ?? req.url);
    if (fault) {
      if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      if (fault.status !== undefined) {
        if (fault.retryAfterSeconds !== null) void reply.header('retry-after', String(fault.retryAfterSeconds));
        await sendOpenAiError(
          reply,
          fault.status,
          (fault.body as ReturnType<typeof errorBodyFor> | undefined) ?? errorBodyFor(fault.status),
        );
        return;
      }
    }
    if (apiKey !== null) await checkAuth(apiKey, req, reply);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const entry = recorded.get(req);
    if (entry) {
      entry.status = reply.statusCode;
      entry.responseBody = typeof payload === 'string' ? payload : undefined;
    }
    return payload;
  });
}

/** Starts the fake. */
export async function startOpenAiFake(options: OpenAiFakeOptions = {}): Promise<OpenAiFake> {
  const apiKey = options.apiKey === undefined ? 'openai-fake-api-key' : options.apiKey;
  const state = new OpenAiFakeState();
  const control = new OpenAiControl(state);
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  // Read past OpenAI's 25 MiB so the route itself can answer OpenAI's 413.
  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) =>
    done(null, body),
  );
  app.setErrorHandler((err: { code?: string; statusCode?: number; message: string }, req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendOpenAiError(reply, 413, tooLarge(Number(req.headers['content-length'] ?? 0)));
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.statusCode === 400) {
      return sendOpenAiError(reply, 400, openAiError('We could not parse the JSON body of your request.'));
    }
    return sendOpenAiError(reply, 500, errorBodyFor(500));
  });
  installHooks(app, state, apiKey);
  registerOpenAiControlRoutes(app, control);
  registerTranscriptionRoute(app, state, {
    models: options.transcriptionModels ?? OPENAI_FAKE_TRANSCRIPTION_MODELS,
    ffmpegPath: options.ffmpegPath ?? defaultFfmpegPath(),
    noiseDb: options.noiseDb,
    minSilenceSec: options.minSilenceSec,
  });
  registerChatRoute(app, state, options.now ?? Date.now);
  const url = await listenHttp(app, options.port ?? 0, options.host ?? '127.0.0.1');
  return {
    url,
    apiKey,
    control,
    get requests() {
      return state.log;
    },
    close: () => app.close(),
  };
}
