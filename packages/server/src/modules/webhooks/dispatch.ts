import type { MeetingEvent } from '@meetbridge/platforms';
import { ignored, type EventContext, type EventHandler, type EventOutcome, type EventRoutes } from '../../events/handler.js';
import type { MeetingEvents } from '../meetings/events.js';

/** Routes a normalized event to the module that owns its kind. */
export interface EventRouter {
  route(event: MeetingEvent, ctx: EventContext): Promise<EventOutcome>;
}

const notYet =
  (kind: string): EventHandler =>
  async () =>
    ignored(null, `${kind} events are not processed yet (recordings issue)`);

/**
 * The dispatch table: one line per event kind. A new kind is one line here plus its handler in the
 * module that owns it; the `EventRoutes` type makes a missing line a compile error.
 */
export function eventRoutes(m: { meetings: MeetingEvents }): EventRoutes {
  return {
    'participant.joined': m.meetings.participant,
    'participant.left': m.meetings.participant,
    'meeting.started': m.meetings.started,
    'meeting.ended': m.meetings.ended,
    'session.ended': m.meetings.sessionEnded,
    'recording.started': notYet('recording'),
    'recording.ready': notYet('recording'),
    'recording.error': notYet('recording'),
    unhandled: async (event) => ignored(null, `event type ${event.providerType} is not used`),
  };
}

/** An `EventRouter` over a dispatch table. */
export function createEventRouter(routes: EventRoutes): EventRouter {
  return {
    route: (event, ctx) => (routes[event.kind] as EventHandler)(event, ctx),
  };
}
