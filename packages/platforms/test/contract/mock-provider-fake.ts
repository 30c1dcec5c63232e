import { randomUUID } from 'node:crypto';
import type { Clock } from '../../src/core/clock.js';
import type { MockProviderState } from '../../src/providers/mock/state.js';
import { signMockWebhook } from '../../src/providers/mock/webhooks.js';

/**
 * The mock provider's "remote side" for the contract suite. In production it is Meetbridge's own
 * mock room page (server `modules/mock-provider/routes.ts`): joining changes the mock provider's
 * state and POSTs a signed webhook. This does the same, over real HTTP, to any URL, so the mock
 * adapter is held to the same contract as the adapters backed by the Whereby and Daily fakes.
 */
export class MockProviderFake {
  constructor(
    readonly state: MockProviderState,
    private readonly secret: string,
    private readonly webhookUrl: string,
    private readonly clock: Clock,
  ) {}

  private async deliver(type: string, data: Record<string, unknown>): Promise<void> {
    const now = this.clock.now();
    const body = Buffer.from(JSON.stringify({ type, timestamp: now.toISOString(), data }));
    const headers = signMockWebhook(this.secret, `msg_${randomUUID()}`, Math.floor(now.getTime() / 1000), body);
    const res = await fetch(this.webhookUrl, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
    if (!res.ok) throw new Error(`mock webhook ${type} refused with ${res.status}`);
  }

  /** A participant enters: `meeting.started` when the room was empty, then `participant.joined`. */
  async join(providerRoomName: string, who: { userId: string; userName: string }): Promise<string> {
    const room = this.state.room(providerRoomName);
    if (!room || room.deleted) throw new Error(`no live mock room ${providerRoomName}`);
    const wasEmpty = room.participants.size === 0;
    const p = this.state.join(providerRoomName, who, this.clock.now());
    const ids = { room_name: providerRoomName, meeting_id: room.providerMeetingId };
    if (wasEmpty) await this.deliver('meeting.started', ids);
    await this.deliver('participant.joined', { ...ids, session_id: p.sessionId, user_id: p.userId, user_name: p.userName });
    return p.sessionId;
  }

  /** A participant leaves: `participant.left`, then `meeting.ended` when the room empties. */
  async leave(providerRoomName: string, sessionId: string): Promise<void> {
    const room = this.state.room(providerRoomName);
    const p = this.state.leave(providerRoomName, sessionId, this.clock.now());
    if (!room || !p) throw new Error(`no participant ${sessionId} in mock room ${providerRoomName}`);
    const ids = { room_name: providerRoomName, meeting_id: room.providerMeetingId };
    await this.deliver('participant.left', { ...ids, session_id: p.sessionId, user_id: p.userId, user_name: p.userName });
    if (room.participants.size === 0) await this.deliver('meeting.ended', ids);
  }
}
