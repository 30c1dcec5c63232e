import { z } from 'zod';
import type { LogoInput } from '../../core/adapter.js';
import { ProviderError } from '../../core/errors.js';
import { pathSegment, type HttpClient } from '../../core/http.js';
import {
  WherebyAccessLinkWire,
  WherebyMeetingWire,
  WherebyRecordingsWire,
  WherebyRoomSessionsWire,
  type WherebyCreateMeetingBody,
} from './wire.js';

/** Default validity of a recording access link, in seconds (Whereby allows 1..43200). */
export const DEFAULT_ACCESS_LINK_SECONDS = 3600;

/**
 * Whereby Embedded REST API v1 (`https://api.whereby.dev/v1`). Each method builds one request,
 * sends it through the shared transport (timeouts, retries, errors, the rate budget) and returns
 * the parsed reply. Meeting creation is `interactive` (someone is waiting); deletions and reads
 * made by jobs are `background`.
 */
export class WherebyClient {
  constructor(private readonly http: HttpClient) {}

  /** `POST /meetings` → 201. Not idempotent: a repeat creates a second room, so it is not retried on 5xx. */
  createMeeting(body: WherebyCreateMeetingBody): Promise<WherebyMeetingWire> {
    return this.http.request({
      operation: 'createMeeting',
      method: 'POST',
      path: '/meetings',
      body,
      schema: WherebyMeetingWire,
      priority: 'interactive',
    });
  }

  /** `DELETE /meetings/{meetingId}` → 204. A meeting that is already gone (404) counts as deleted. */
  async deleteMeeting(meetingId: string): Promise<void> {
    try {
      await this.http.request({
        operation: 'deleteMeeting',
        method: 'DELETE',
        path: `/meetings/${pathSegment(meetingId)}`,
        schema: z.unknown(),
        priority: 'background',
      });
    } catch (error) {
      if (error instanceof ProviderError && error.providerStatus === 404) return;
      throw error;
    }
  }

  /**
   * One page of `GET /insights/room-sessions`. `roomName` keeps its leading "/" (the insights API
   * wants the same form the create reply and webhooks use).
   */
  listRoomSessions(roomName: string, options: { cursor?: string; limit?: number } = {}): Promise<WherebyRoomSessionsWire> {
    return this.http.request({
      operation: 'listRoomSessions',
      method: 'GET',
      path: '/insights/room-sessions',
      query: { roomName, cursor: options.cursor, limit: options.limit },
      schema: WherebyRoomSessionsWire,
      priority: 'background',
    });
  }

  /** `PUT /rooms/{roomName}/theme/logo`, multipart field `image`; `roomName` WITHOUT the leading "/". */
  async uploadRoomLogo(roomName: string, logo: LogoInput): Promise<void> {
    const form = new FormData();
    // Copy into a fresh Uint8Array: Blob wants an ArrayBuffer-backed view, not a shared one.
    form.append('image', new Blob([new Uint8Array(logo.data)], { type: logo.contentType }), logo.filename);
    await this.http.request({
      operation: 'uploadRoomLogo',
      method: 'PUT',
      path: `/rooms/${pathSegment(roomName)}/theme/logo`,
      form,
      schema: z.unknown(),
      priority: 'interactive',
    });
  }

  /** One page of `GET /recordings?roomName=` (Whereby-hosted recordings of a room, newest first). */
  listRecordings(roomName: string, options: { cursor?: string; limit?: number } = {}): Promise<WherebyRecordingsWire> {
    return this.http.request({
      operation: 'listRecordings',
      method: 'GET',
      path: '/recordings',
      query: { roomName, cursor: options.cursor, limit: options.limit ?? 100, sortBy: 'startDate:desc' },
      schema: WherebyRecordingsWire,
      priority: 'background',
    });
  }

  /** `GET /recordings/{id}/access-link`; Whereby-hosted recordings only (self-hosted S3 gives 403). */
  getRecordingAccessLink(recordingId: string, validForSeconds = DEFAULT_ACCESS_LINK_SECONDS): Promise<WherebyAccessLinkWire> {
    return this.http.request({
      operation: 'getRecordingAccessLink',
      method: 'GET',
      path: `/recordings/${pathSegment(recordingId)}/access-link`,
      query: { validForSeconds },
      schema: WherebyAccessLinkWire,
      priority: 'background',
    });
  }

  /** `DELETE /recordings/{recordingId}` → 204 (Whereby-hosted recordings). Already gone (404) counts as deleted. */
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
}
