CREATE TABLE "outbound_webhook_delivery" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" text NOT NULL,
	"event_type" text NOT NULL,
	"transcript_id" uuid,
	"room_id" uuid,
	"url" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"last_attempt_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transcript" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recording_id" uuid NOT NULL,
	"meeting_id" uuid,
	"room_id" uuid,
	"user_id" text,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"stage" text DEFAULT 'prepare' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"error" text,
	"summary_error" text,
	"run" integer DEFAULT 1 NOT NULL,
	"duration" double precision,
	"language" text,
	"segments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"title" text,
	"summary" text,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"action_items" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"audio_key" text,
	"audio_deleted" boolean DEFAULT false NOT NULL,
	"work" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "webhook_url" text;--> statement-breakpoint
ALTER TABLE "room" ADD COLUMN "webhook_secret" text;--> statement-breakpoint
ALTER TABLE "outbound_webhook_delivery" ADD CONSTRAINT "outbound_webhook_delivery_transcript_id_transcript_id_fk" FOREIGN KEY ("transcript_id") REFERENCES "public"."transcript"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_webhook_delivery" ADD CONSTRAINT "outbound_webhook_delivery_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript" ADD CONSTRAINT "transcript_recording_id_recording_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recording"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript" ADD CONSTRAINT "transcript_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meeting"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript" ADD CONSTRAINT "transcript_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbound_webhook_delivery_event_key" ON "outbound_webhook_delivery" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "outbound_webhook_delivery_room_idx" ON "outbound_webhook_delivery" USING btree ("room_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transcript_recording_key" ON "transcript" USING btree ("recording_id");--> statement-breakpoint
CREATE INDEX "transcript_user_created_idx" ON "transcript" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "transcript_meeting_idx" ON "transcript" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "transcript_status_idx" ON "transcript" USING btree ("status");