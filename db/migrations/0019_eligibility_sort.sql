-- Outcomes stored before the name key existed are recomputed: the start-up catch-up schedules a pass for every published program without one.
DELETE FROM "eligibility_outcomes";--> statement-breakpoint
DELETE FROM "eligibility_runs";--> statement-breakpoint
ALTER TABLE "eligibility_outcomes" ADD COLUMN "name_key" text NOT NULL;--> statement-breakpoint
CREATE INDEX "eligibility_outcomes_list_idx" ON "eligibility_outcomes" USING btree ("program_version_id","outcome","name_key" collate "C","profile_id");