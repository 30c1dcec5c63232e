import { randomUUID } from 'node:crypto';
import type { PresenceParticipant, RoomSession } from '../../core/adapter.js';

/** One room of the in-process mock provider. */
export interface MockRoom {
  providerMeetingId: string;
  providerRoomName: string;
  endDate: Date;
  deleted: boolean;
  participants: Map<string, PresenceParticipant>;
  sessions: RoomSession[];
  recordings: Map<string, { recordingId: string; instanceId: string; type: string }>;
}

/**
 * The mock provider's world, kept in memory inside the process that runs it. The mock room page
 * served by Meetbridge itself adds and removes participants here, exactly as a real provider's
 * call would, so presence reconciliation and webhooks behave as they do with real providers.
 */
export class MockProviderState {
  readonly rooms = new Map<string, MockRoom>();

  addRoom(room: Pick<MockRoom, 'providerMeetingId' | 'providerRoomName' | 'endDate'>): MockRoom {
    const created: MockRoom = { ...room, deleted: false, participants: new Map(), sessions: [], recordings: new Map() };
    this.rooms.set(room.providerRoomName, created);
    return created;
  }

  room(providerRoomName: string): MockRoom | undefined {
    return this.rooms.get(providerRoomName);
  }

  /** A participant enters the call; starts a call session if the room was empty. */
  join(providerRoomName: string, who: { userId: string | null; userName: string | null }, at: Date): PresenceParticipant {
    const room = this.rooms.get(providerRoomName);
    if (!room || room.deleted) throw new Error(`The mock room ${providerRoomName} does not exist.`);
    if (room.participants.size === 0) room.sessions.push({ sessionId: randomUUID(), startedAt: at, endedAt: null });
    const participant: PresenceParticipant = { sessionId: randomUUID(), userId: who.userId, userName: who.userName, joinedAt: at };
    room.participants.set(participant.sessionId, participant);
    return participant;
  }

  /** A participant leaves; the call session ends with the last one. Unknown sessions are ignored. */
  leave(providerRoomName: string, sessionId: string, at: Date): PresenceParticipant | undefined {
    const room = this.rooms.get(providerRoomName);
    const participant = room?.participants.get(sessionId);
    if (!room || !participant) return undefined;
    room.participants.delete(sessionId);
    if (room.participants.size === 0) {
      const open = room.sessions.find((s) => s.endedAt === null);
      if (open) open.endedAt = at;
    }
    return participant;
  }
}

/** The process-wide mock world: the mock adapter and Meetbridge's mock room pages share it. */
export const defaultMockState = new MockProviderState();
