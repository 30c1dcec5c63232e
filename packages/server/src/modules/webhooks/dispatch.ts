import type { MeetingEvent } from '@meetbridge/platforms';
import { ignored, type EventContext, type EventHandler, type EventOutcome, type EventRoutes } from '../../events/handler.js';
import type { MeetingEvents } from '../meetings/events.js';
import type { RecordingEvents } from '../recordings/events.js';
import type { RecordingStarter } from '../recordings/starter.js';

/** Routes a normalized event to the module that owns its kind. */
export interface EventRouter {
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
      const outcome = await m.meetings.participant(event, ctx);
      if (outcome.status === 'processed' && outcome.meetingId) await m.recordingStarter.onParticipantJoined(event, ctx, outcome.meetingId);
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

/** An `EventRouter` over a dispatch table. */
export function createEventRouter(routes: EventRoutes): EventRouter {
  return {
    route: (event, ctx) => (routes[event.kind] as EventHandler)(event, ctx),
  };
}
