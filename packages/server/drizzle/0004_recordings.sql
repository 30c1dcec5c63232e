CREATE TABLE "meeting_consent" (
	"meeting_id" uuid NOT NULL,
	"participant_key" text NOT NULL,
	"consent_given" boolean NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recording" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid,
	"room_id" uuid,
	"platform" text NOT NULL,
	"provider_recording_id" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"source" jsonb,
	"tracks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_at" timestamp with time zone,
	"duration_ms" integer,
	"size_bytes" bigint,
	"error" text,
	"audio_deleted" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_event" ADD COLUMN "source" text DEFAULT 'webhook' NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_consent" ADD CONSTRAINT "meeting_consent_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording" ADD CONSTRAINT "recording_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording" ADD CONSTRAINT "recording_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_consent_meeting_participant_key" ON "meeting_consent" USING btree ("meeting_id","participant_key");--> statement-breakpoint
CREATE UNIQUE INDEX "recording_platform_provider_recording_id_key" ON "recording" USING btree ("platform","provider_recording_id");--> statement-breakpoint
CREATE INDEX "recording_meeting_idx" ON "recording" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "recording_status_idx" ON "recording" USING btree ("status");