import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { meeting } from './meeting.js';

/**
 * One participant's stay in a meeting, keyed by the provider's session id. Written idempotently by
 * webhooks and presence reconciliation; `left_at` is set once and never cleared.
 */
export const participantSession = pgTable(
  'participant_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    providerSessionId: text('provider_session_id').notNull(),
    userId: text('user_id'),
    userName: text('user_name'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull(),
    leftAt: timestamp('left_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('participant_session_meeting_session_key').on(t.meetingId, t.providerSessionId),
    index('participant_session_open_idx').on(t.meetingId, t.leftAt),
  ],
);

export type ParticipantSessionRow = typeof participantSession.$inferSelect;
