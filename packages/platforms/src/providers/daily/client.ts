import { z } from 'zod';
import { ProviderError } from '../../core/errors.js';
import { pathSegment, type HttpClient } from '../../core/http.js';
import {
  DailyAccessLinkWire,
  DailyMeetingTokenWire,
  DailyMeetingsWire,
  DailyPresenceWire,
  DailyRecordingWire,
  DailyRecordingsWire,
  DailyRoomWire,
  DailyStartRecordingWire,
  DailyWebhookListWire,
  DailyWebhookRegistrationWire,
  type DailyCreateRoomBody,
  type DailyMeetingTokenBody,
  type DailyWebhookBody,
} from './wire.js';
import type { CallPriority } from '../../core/errors.js';

/** Daily's maximum page size for list endpoints. */
export const DAILY_MAX_PAGE = 100;
/** Default validity of a recording access link, in seconds (custom buckets allow 15 min to 12 h). */
export const DEFAULT_ACCESS_LINK_SECONDS = 3600;

/** Filters and cursor of `GET /recordings`. */
export interface ListRecordingsOptions {
  roomName?: string;
  /** Cursor: the id of the last recording of the previous page. */
  startingAfter?: string;
  /** Page size, 1..100. Default 100. */
  limit?: number;
}

/** Body options of `POST /rooms/:name/recordings/start`. */
export interface StartRecordingBody {
  type: 'cloud' | 'raw-tracks';
  instanceId: string;
  maxDuration?: number;
}

function clampLimit(limit: number | undefined): number {
  return Math.min(Math.max(Math.floor(limit ?? DAILY_MAX_PAGE), 1), DAILY_MAX_PAGE);
}

/**
 * Daily REST API (`https://api.daily.co/v1`). Each method builds one request, sends it through the
 * shared transport (timeouts, retries, errors, the rate budget) and returns the parsed reply. Room
 * creation, tokens and recording starts are `interactive` (someone is waiting); deletions and reads
 * made by jobs are `background`.
 */
export class DailyClient {
  constructor(private readonly http: HttpClient) {}

  /** `POST /rooms`. Not idempotent (a repeat would fail on the taken name), so 5xx is not retried. */
  createRoom(body: DailyCreateRoomBody): Promise<DailyRoomWire> {
    return this.http.request({
      operation: 'createRoom',
      method: 'POST',
      path: '/rooms',
      body,
      schema: DailyRoomWire,
      priority: 'interactive',
    });
  }

  /** `POST /rooms/:name` with the properties to change (a background call: the sweep extends rooms). */
  updateRoom(roomName: string, body: { properties: { exp: number } }): Promise<DailyRoomWire> {
    return this.http.request({
      operation: 'updateRoom',
      method: 'POST',
      path: `/rooms/${pathSegment(roomName)}`,
      body,
      // Setting the same exp twice is harmless.
      idempotent: true,
      schema: DailyRoomWire,
      priority: 'background',
    });
  }

  /** `DELETE /rooms/:name`; a room that is gone or expired (404) counts as deleted. */
  async deleteRoom(roomName: string): Promise<void> {
    try {
      await this.http.request({
        operation: 'deleteRoom',
        method: 'DELETE',
        path: `/rooms/${pathSegment(roomName)}`,
        schema: z.unknown(),
        priority: 'background',
      });
    } catch (error) {
      if (error instanceof ProviderError && error.providerStatus === 404) return;
      throw error;
    }
  }

  /** `POST /meeting-tokens` → the token. Minting a token changes nothing server-side, so it is retried like a read. */
  async createMeetingToken(body: DailyMeetingTokenBody): Promise<string> {
    const reply = await this.http.request({
      operation: 'createMeetingToken',
      method: 'POST',
      path: '/meeting-tokens',
      body,
      idempotent: true,
      schema: DailyMeetingTokenWire,
      priority: 'interactive',
    });
    return reply.token;
  }

  /** `GET /rooms/:name/presence?limit=`: one page of who is in the call now (up to ~15 s stale), with `total_count`. */
  getRoomPresence(roomName: string, limit: number): Promise<DailyPresenceWire> {
    return this.http.request({
      operation: 'getRoomPresence',
      method: 'GET',
      path: `/rooms/${pathSegment(roomName)}/presence`,
      query: { limit },
      schema: DailyPresenceWire,
      priority: 'background',
    });
  }

  /** `GET /meetings?room=`: the room's call sessions, newest first. */
  listMeetings(roomName: string, limit = DAILY_MAX_PAGE): Promise<DailyMeetingsWire> {
    return this.http.request({
      operation: 'listMeetings',
      method: 'GET',
      path: '/meetings',
      query: { room: roomName, limit },
      schema: DailyMeetingsWire,
      priority: 'background',
    });
  }

  /**
   * `POST /rooms/:name/recordings/start` → the recording id when Daily returns one. Marked
   * idempotent: a repeat with the same `instanceId` is refused as "has an active stream", never
   * doubled, so the transport may retry Daily's 503 "no recording workers".
   */
  async startRecording(roomName: string, body: StartRecordingBody): Promise<string | null> {
    const reply = await this.http.request({
      operation: 'startRecording',
      method: 'POST',
      path: `/rooms/${pathSegment(roomName)}/recordings/start`,
      body,
      idempotent: true,
      schema: DailyStartRecordingWire,
      priority: 'interactive',
    });
    return reply?.recordingId ?? reply?.id ?? null;
  }

  /** `POST /rooms/:name/recordings/stop` for one `instanceId`. */
  async stopRecording(roomName: string, instanceId: string): Promise<void> {
    await this.http.request({
      operation: 'stopRecording',
      method: 'POST',
      path: `/rooms/${pathSegment(roomName)}/recordings/stop`,
      body: { instanceId },
      schema: z.unknown(),
      priority: 'interactive',
    });
  }

  /** `DELETE /recordings/:id`. A recording already gone (404) counts as deleted. */
  async deleteRecording(recordingId: string): Promise<void> {
    try {
      await this.http.request({
        operation: 'deleteRecording',
        method: 'DELETE',
        path: `/recordings/${pathSegment(recordingId)}`,
        schema: z.unknown(),
        priority: 'background',
      });
    } catch (error) {
      if (error instanceof ProviderError && error.providerStatus === 404) return;
      throw error;
    }
  }

  /** `GET /recordings/:id`. */
  getRecording(recordingId: string): Promise<DailyRecordingWire> {
    return this.http.request({
      operation: 'getRecording',
      method: 'GET',
      path: `/recordings/${pathSegment(recordingId)}`,
      schema: DailyRecordingWire,
      priority: 'background',
    });
  }

  /** One page of `GET /recordings` (newest first; Daily allows ~2 requests/s here). */
  listRecordings(options: ListRecordingsOptions = {}): Promise<DailyRecordingsWire> {
    const limit = clampLimit(options.limit);
    return this.http.request({
      operation: 'listRecordings',
      method: 'GET',
      path: '/recordings',
      query: { room_name: options.roomName, starting_after: options.startingAfter, limit },
      schema: DailyRecordingsWire,
      priority: 'background',
    });
  }

  /** Every recording matching `options`, page after page, following the `starting_after` cursor. */
  async *iterateRecordings(options: Omit<ListRecordingsOptions, 'startingAfter'> = {}): AsyncGenerator<DailyRecordingWire> {
    let startingAfter: string | undefined;
    for (;;) {
      const page = await this.listRecordings({ ...options, startingAfter });
      yield* page.data;
      const last = page.data.at(-1);
      if (!last || page.data.length < clampLimit(options.limit)) return;
      startingAfter = last.id;
    }
  }

  /** `GET /webhooks`: the domain's webhook (Daily allows one), with its `state` and `failedCount`. */
  listWebhooks(priority: CallPriority = 'interactive'): Promise<DailyWebhookListWire> {
    return this.http.request({ operation: 'listWebhooks', method: 'GET', path: '/webhooks', schema: DailyWebhookListWire, priority });
  }

  /**
   * `POST /webhooks`. Daily first POSTs `{"test":"test"}` to the URL and refuses (400) unless it
   * answers 200 quickly (https://docs.daily.co/reference/rest-api/webhooks/create).
   */
  createWebhook(body: DailyWebhookBody, priority: CallPriority = 'interactive'): Promise<DailyWebhookRegistrationWire> {
    return this.http.request({
      operation: 'createWebhook',
      method: 'POST',
      path: '/webhooks',
      body,
      schema: DailyWebhookRegistrationWire,
      priority,
    });
  }

  /**
   * `POST /webhooks/:uuid`: updates the webhook and re-activates a FAILED one (Daily sends the test
   * POST again). An empty body only re-activates.
   */
  updateWebhook(
    uuid: string,
    body: Partial<DailyWebhookBody>,
    priority: CallPriority = 'interactive',
  ): Promise<DailyWebhookRegistrationWire> {
    return this.http.request({
      operation: 'updateWebhook',
      method: 'POST',
      path: `/webhooks/${pathSegment(uuid)}`,
      body,
      // Repeating it changes nothing more than the first time.
      idempotent: true,
      schema: DailyWebhookRegistrationWire,
      priority,
    });
  }

  /** `GET /recordings/:id/access-link`; throws `ProviderError` when `download_link` is not a URL. */
  getRecordingAccessLink(recordingId: string, validForSeconds = DEFAULT_ACCESS_LINK_SECONDS): Promise<DailyAccessLinkWire> {
    return this.http.request({
      operation: 'getRecordingAccessLink',
      method: 'GET',
      path: `/recordings/${pathSegment(recordingId)}/access-link`,
      query: { valid_for_secs: validForSeconds },
      schema: DailyAccessLinkWire,
      priority: 'background',
    });
  }
}
