CREATE TABLE "meeting" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"room_id" uuid NOT NULL,
	"provider_meeting_id" text NOT NULL,
	"provider_room_name" text NOT NULL,
	"room_url" text NOT NULL,
	"host_room_url" text,
	"start_date" timestamp with time zone DEFAULT now() NOT NULL,
	"end_date" timestamp with time zone NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"num_clients" integer DEFAULT 0 NOT NULL,
	"is_locked" boolean NOT NULL,
	"room_mode" text NOT NULL,
	"room_size" integer,
	"recording_type" text NOT NULL,
	"recording_trigger" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"user_id" text NOT NULL,
	"is_locked" boolean DEFAULT false NOT NULL,
	"room_mode" text DEFAULT 'normal' NOT NULL,
	"room_size" integer,
	"recording_type" text DEFAULT 'none' NOT NULL,
	"recording_trigger" text DEFAULT 'automatic-2nd-participant' NOT NULL,
	"skip_consent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "meeting" ADD CONSTRAINT "meeting_room_id_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."room"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_provider_room_name_key" ON "meeting" USING btree ("provider_room_name");--> statement-breakpoint
CREATE INDEX "meeting_room_active_idx" ON "meeting" USING btree ("room_id","is_active");