import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { room } from './room.js';

/**
 * One occurrence of a room on a provider. It has its own id; the provider's identifiers live in
 * their own columns, and it keeps a snapshot of the room settings (and platform) it was created with.
 */
export const meeting = pgTable(
  'meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roomId: uuid('room_id')
      .notNull()
      .references(() => room.id, { onDelete: 'cascade' }),
    /** Added by the "add platform support" migration; existing rows become `whereby`. */
    platform: text('platform').notNull().default('whereby'),
    providerMeetingId: text('provider_meeting_id').notNull(),
    providerRoomName: text('provider_room_name').notNull(),
    roomUrl: text('room_url').notNull(),
    hostRoomUrl: text('host_room_url'),
    startDate: timestamp('start_date', { withTimezone: true }).notNull().defaultNow(),
    endDate: timestamp('end_date', { withTimezone: true }).notNull(),
    isActive: boolean('is_active').notNull().default(true),
    numClients: integer('num_clients').notNull().default(0),
    isLocked: boolean('is_locked').notNull(),
    roomMode: text('room_mode').notNull(),
    roomSize: integer('room_size'),
    recordingType: text('recording_type').notNull(),
    recordingTrigger: text('recording_trigger').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the provider's absolute participant count (Whereby `numClients`) was last applied. */
    numClientsAt: timestamp('num_clients_at', { withTimezone: true }),
    /** Consecutive reconciliation checks that found nobody in a meeting that had participants. */
    emptyChecks: integer('empty_checks').notNull().default(0),
    /** When the provider reported the meeting ended. */
    providerEndedAt: timestamp('provider_ended_at', { withTimezone: true }),
    /** When Meetbridge deactivated the meeting, and why. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason'),
    /**
     * When the provider room of a deactivated meeting was confirmed gone (deleted, or nothing to
     * delete). Null on an inactive meeting = its deletion is still owed and retried by a job.
     */
    roomDeletedAt: timestamp('room_deleted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('meeting_platform_provider_room_name_key').on(t.platform, t.providerRoomName),
    index('meeting_room_active_idx').on(t.roomId, t.isActive),
  ],
);

export type MeetingRow = typeof meeting.$inferSelect;
export type NewMeetingRow = typeof meeting.$inferInsert;
