import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { meeting } from './meeting.js';

/**
 * One participant's answer to "may this meeting be recorded?": keyed by the signed-in user id, or
 * by the anonymous device id the client keeps (`device:<id>`). A later answer replaces the earlier.
 */
export const meetingConsent = pgTable(
  'meeting_consent',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meeting.id, { onDelete: 'cascade' }),
    participantKey: text('participant_key').notNull(),
    consentGiven: boolean('consent_given').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meeting_consent_meeting_participant_key').on(t.meetingId, t.participantKey)],
);

export type MeetingConsentRow = typeof meetingConsent.$inferSelect;
