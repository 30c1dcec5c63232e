CREATE TABLE "webhook_health" (
	"platform" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"webhook_id" text,
	"url" text,
	"failed_count" integer,
	"checked_at" timestamp with time zone NOT NULL,
	"reactivated_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD COLUMN "room_deleted_at" timestamp with time zone;--> statement-breakpoint
-- Meetings that ended before this migration were handled by the old code (one deletion attempt):
-- nothing is owed for them, so the retrying deletion job leaves them alone.
UPDATE "meeting" SET "room_deleted_at" = coalesce("ended_at", now()) WHERE "is_active" = false;
