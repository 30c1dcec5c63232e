import { ApiError } from '@/lib/api/errors';
import type { JoinResponse, Meeting, Room } from '@/lib/api/types';
import { getOrCreateMeeting } from './get-or-create-meeting';
import { getRoomByName } from './get-room-by-name';
import { joinMeeting } from './join-meeting';
import { reservePlace } from './reserve-place';

/** The steps of entering a room, in order; a failure says which one failed. */
export type EntryStep = 'room' | 'meeting' | 'reserve' | 'join';

export class RoomEntryError extends Error {
  constructor(
    readonly step: EntryStep,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : 'Entering the room failed.');
    this.name = 'RoomEntryError';
  }

  get apiError(): ApiError | null {
    return this.cause instanceof ApiError ? this.cause : null;
  }
}

async function step<T>(name: EntryStep, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new RoomEntryError(name, error);
  }
}

export interface RoomEntry {
  room: Room;
  meeting: Meeting;
  join: JoinResponse;
}

/**
 * Spec step 3.5's RoomContainer flow: read the room, get or create its meeting, reserve a place,
 * then ask how to join. Each failure is a `RoomEntryError` naming its step.
 */
export async function enterRoom(roomName: string): Promise<RoomEntry> {
  const room = await step('room', () => getRoomByName(roomName));
  const meeting = await step('meeting', () => getOrCreateMeeting(roomName));
  await step('reserve', () => reservePlace(roomName, meeting.id));
  const join = await step('join', () => joinMeeting(roomName, meeting.id));
  return { room, meeting, join };
}

/** Renews the place right before joining after a wait (a locked room whose host just arrived). */
export const renewPlace = (roomName: string, meetingId: string) => step('reserve', () => reservePlace(roomName, meetingId));
