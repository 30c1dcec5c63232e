-- Add platform support (spec Step 2.8): every existing room and meeting was a Whereby one, so the
-- new NOT NULL column defaults to 'whereby' and no row changes otherwise. Provider room names are
-- unique per platform from now on.
DROP INDEX "meeting_provider_room_name_key";--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "platform" text DEFAULT 'whereby' NOT NULL;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "platform" text DEFAULT 'whereby' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_platform_provider_room_name_key" ON "meeting" USING btree ("platform","provider_room_name");