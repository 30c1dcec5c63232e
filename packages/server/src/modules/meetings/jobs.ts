import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../jobs/define.js';
import type { MeetingLifecycle } from './lifecycle.js';
import type { PresenceReconciler } from './reconcile.js';

const ReconcilePayload = z.object({ meetingId: z.uuid(), countEmpty: z.boolean().default(false) });
/**
 * A meeting job left \`active\` by a process that died blocks its singleton (stately) until it expires:
 * 2 minutes, not pg-boss's 15 (provider calls are bounded by the transport's timeouts well within it).
 */
const EXPIRE_SECONDS = 120;

const EndPayload = z.object({ meetingId: z.uuid(), reason: z.enum(['provider_ended', 'expired', 'empty']) });
const SweepPayload = z.object({});
const DeleteRoomPayload = z.union([
  z.object({
    /** Null for a provider room no meeting row kept (created, then discarded). */
    meetingId: z.uuid().nullable(),
    platform: z.string().min(1),
    /** Our room it was created for (absent on jobs queued before it was recorded). */
    roomId: z.uuid().optional(),
    ref: z.object({
      providerMeetingId: z.string(),
      providerRoomName: z.string(),
      roomUrl: z.string(),
      hostRoomUrl: z.string().nullable(),
      endDate: z.string(),
    }),
  }),
  /** A room a create whose reply was lost may have made, known only by its planned name. */
  z.object({
    meetingId: z.null(),
    platform: z.string().min(1),
    roomId: z.uuid().optional(),
    providerRoomName: z.string().min(1),
  }),
]);

declare module '../../jobs/types.js' {
  interface JobPayloads {
    /** Reconciles one meeting with its provider (presence/sessions); coalesced per meeting id. */
    'meeting.reconcile': z.input<typeof ReconcilePayload>;
    /** Ends one meeting (its provider reported it ended); re-checked under the meeting lock. */
    'meeting.end': z.input<typeof EndPayload>;
    /** The periodic sweep over every active meeting. */
    'meeting.sweep': z.input<typeof SweepPayload>;
    /**
     * Deletes a provider room: a deactivated meeting's, one created but not kept, or one a create
     * whose reply was lost may have made (by its planned name); retried until it is gone.
     */
    'meeting.delete-room': z.input<typeof DeleteRoomPayload>;
  }
}

/** The meetings module's queues. */
export function meetingJobs(deps: {
  lifecycle: MeetingLifecycle;
  reconciler: PresenceReconciler;
  sweepEverySeconds: number;
}): JobDefinition[] {
  return [
    defineJob({
      name: 'meeting.reconcile',
      schema: ReconcilePayload,
      queue: { policy: 'stately', retryLimit: 2, retryDelay: 2, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS },
      batchSize: 5,
      handle: (p) => deps.reconciler.reconcile(p.meetingId, { countEmpty: p.countEmpty }),
    }),
    defineJob({
      name: 'meeting.end',
      schema: EndPayload,
      queue: { policy: 'stately', retryLimit: 3, retryDelay: 2, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS },
      handle: async (p) => {
        await deps.lifecycle.deactivate(p.meetingId, { reason: p.reason });
      },
    }),
    defineJob({
      name: 'meeting.delete-room',
      schema: DeleteRoomPayload,
      // 2 s, 4 s, … about 34 minutes in all; then the sweep queues a meeting's again (a lost
      // create's is not: its room still ends at the end date it was created with).
      queue: { policy: 'stately', retryLimit: 10, retryDelay: 2, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS },
      handle: (p) => deps.lifecycle.deleteRoom(p),
    }),
    defineJob({
      name: 'meeting.sweep',
      schema: SweepPayload,
      queue: { policy: 'stately', retryLimit: 0, expireInSeconds: EXPIRE_SECONDS },
      pollingIntervalSeconds: 1,
      everySeconds: deps.sweepEverySeconds,
      handle: () => deps.lifecycle.sweep(),
    }),
  ];
}
