CREATE TABLE "eligibility_outcomes" (
	"program_version_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"group" text,
	"gap" integer NOT NULL,
	"as_of" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "eligibility_outcomes_program_version_id_profile_id_pk" PRIMARY KEY("program_version_id","profile_id")
);
--> statement-breakpoint
CREATE TABLE "eligibility_runs" (
	"program_version_id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"complete_for" text,
	"computing_for" text,
	"cursor" uuid,
	"scanned" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone,
	"last_pass_ms" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eligibility_outcomes" ADD CONSTRAINT "eligibility_outcomes_program_version_id_program_versions_id_fk" FOREIGN KEY ("program_version_id") REFERENCES "public"."program_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_outcomes" ADD CONSTRAINT "eligibility_outcomes_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_runs" ADD CONSTRAINT "eligibility_runs_program_version_id_program_versions_id_fk" FOREIGN KEY ("program_version_id") REFERENCES "public"."program_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_runs" ADD CONSTRAINT "eligibility_runs_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eligibility_outcomes_profile_idx" ON "eligibility_outcomes" USING btree ("profile_id");