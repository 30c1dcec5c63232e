import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { meeting } from './meeting.js';

/**
 * A place held by someone about to join (`POST …/joining`): while one is live the meeting is never
 * deactivated, so two people joining at once cannot end up in different provider rooms.
 */
export const joinReservation = pgTable(
  'join_reservation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Who asked (`user:<id>` or `ip:<address>`), so live reservations can be limited per caller; null on rows from before. */
    caller: text('caller'),
  },
  (t) => [
    index('join_reservation_meeting_idx').on(t.meetingId, t.expiresAt),
    index('join_reservation_caller_idx').on(t.meetingId, t.caller, t.expiresAt),
  ],
);
