CREATE TABLE "recording_poll" (
	"platform" text PRIMARY KEY NOT NULL,
	"watermark" timestamp with time zone,
	"scan" jsonb,
	"polled_at" timestamp with time zone,
	"error" text
);
