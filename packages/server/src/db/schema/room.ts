import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A permanent, named meeting place owned by a user; each visit gets a `meeting`. */
export const room = pgTable('room', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  userId: text('user_id').notNull(),
  isLocked: boolean('is_locked').notNull().default(false),
  roomMode: text('room_mode').notNull().default('normal'),
  roomSize: integer('room_size'),
  recordingType: text('recording_type').notNull().default('none'),
  recordingTrigger: text('recording_trigger').notNull().default('automatic-2nd-participant'),
  skipConsent: boolean('skip_consent').notNull().default(false),
  /** Added by the "add platform support" migration; existing rows become `whereby`. */
  platform: text('platform').notNull().default('whereby'),
  /** Where `transcript.completed` is POSTed (Standard Webhooks signed); null = no outbound webhook. */
  webhookUrl: text('webhook_url'),
  /** The `whsec_…` secret outbound webhooks are signed with. Write-only in the API; never logged. */
  webhookSecret: text('webhook_secret'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type RoomRow = typeof room.$inferSelect;
export type NewRoomRow = typeof room.$inferInsert;
