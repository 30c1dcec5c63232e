ALTER TABLE "join_reservation" ADD COLUMN "caller" text;--> statement-breakpoint
CREATE INDEX "join_reservation_caller_idx" ON "join_reservation" USING btree ("meeting_id","caller","expires_at");