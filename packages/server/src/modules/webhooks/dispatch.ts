import type { MeetingEvent } from '@meetbridge/platforms';
import type { Executor } from '../../db/client.js';
import {
  ignored,
  type BatchEvent,
  type BatchPreparer,
  type EventBatch,
  type EventContext,
  type EventHandler,
  type EventOutcome,
  type EventRoutes,
} from '../../events/handler.js';
import type { MeetingEvents } from '../meetings/events.js';
import type { RecordingEvents } from '../recordings/events.js';
import type { RecordingStarter } from '../recordings/starter.js';

/** Routes a normalized event to the module that owns its kind. */
export interface EventRouter {
  /** Lets the modules prepare for a batch's events (lock their rows in one statement). */
  prepare(events: readonly BatchEvent[], batch: EventBatch, tx: Executor): Promise<void>;
  route(event: MeetingEvent, ctx: EventContext): Promise<EventOutcome>;
}

/**
 * The dispatch table: one line per event kind. A new kind is one line here plus its handler in the
 * module that owns it; the `EventRoutes` type makes a missing line a compile error.
 */
export function eventRoutes(m: { meetings: MeetingEvents; recordings: RecordingEvents; recordingStarter: RecordingStarter }): EventRoutes {
  return {
    // Participants first (the meetings module records the join), then recordings: a join may reach
    // the room's recording trigger (`automatic`: the 1st, `automatic-2nd-participant`: the 2nd).
    'participant.joined': async (event, ctx) => {
      const { meeting, ...outcome } = await m.meetings.participant(event, ctx);
      if (outcome.status === 'processed' && meeting) await m.recordingStarter.onParticipantJoined(event, ctx, meeting);
      return outcome;
    },
    'participant.left': m.meetings.participant,
    'meeting.started': m.meetings.started,
    'meeting.ended': m.meetings.ended,
    'session.ended': m.meetings.sessionEnded,
    'recording.started': m.recordings.started,
    'recording.ready': m.recordings.ready,
    'recording.error': m.recordings.error,
    unhandled: async (event) => ignored(null, `event type ${event.providerType} is not used`),
  };
}

/** The modules that prepare for a batch (before any of its events is routed), in this order. */
export function batchPreparers(m: { meetings: MeetingEvents }): BatchPreparer[] {
  return [m.meetings.prepare];
}

/** An `EventRouter` over a dispatch table and the batch preparers. */
export function createEventRouter(routes: EventRoutes, preparers: readonly BatchPreparer[] = []): EventRouter {
  return {
    prepare: async (events, batch, tx) => {
      for (const prepare of preparers) await prepare(events, batch, tx);
    },
    route: (event, ctx) => (routes[event.kind] as EventHandler)(event, ctx),
  };
}
