CREATE TABLE "program_application_reviewers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"user_id" uuid,
	"status" text DEFAULT 'invited' NOT NULL,
	"declaration" jsonb,
	"opinion" jsonb,
	"decline_reason" text DEFAULT '' NOT NULL,
	"invited_by" uuid,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "program_application_reviewers" ADD CONSTRAINT "program_application_reviewers_application_id_program_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."program_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_application_reviewers" ADD CONSTRAINT "program_application_reviewers_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_application_reviewers" ADD CONSTRAINT "program_application_reviewers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "program_application_reviewers_seat_idx" ON "program_application_reviewers" USING btree ("application_id","profile_id");--> statement-breakpoint
CREATE INDEX "program_application_reviewers_user_idx" ON "program_application_reviewers" USING btree ("user_id");