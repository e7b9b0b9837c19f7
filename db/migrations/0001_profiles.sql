CREATE TABLE "expert_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"full_name" text NOT NULL,
	"full_name_folded" text NOT NULL,
	"academic_title" text,
	"highest_degree" text,
	"orcid" text,
	"birth_year" integer,
	"gender" text,
	"contact_email" text,
	"contact_phone" text,
	"content" jsonb NOT NULL,
	"visibility" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"profile_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"actor_user_id" uuid,
	"actor_role" text,
	"changes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "taxonomy_fields" (
	"version" text NOT NULL,
	"code" text NOT NULL,
	"level" integer NOT NULL,
	"parent_code" text,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "taxonomy_fields_version_code_pk" PRIMARY KEY("version","code")
);
--> statement-breakpoint
CREATE TABLE "taxonomy_versions" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_tokens" ADD COLUMN "subject_id" text;--> statement-breakpoint
ALTER TABLE "expert_profiles" ADD CONSTRAINT "expert_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profile_versions" ADD CONSTRAINT "profile_versions_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_fields" ADD CONSTRAINT "taxonomy_fields_version_taxonomy_versions_code_fk" FOREIGN KEY ("version") REFERENCES "public"."taxonomy_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "expert_profiles_user_uq" ON "expert_profiles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "expert_profiles_name_folded_idx" ON "expert_profiles" USING btree ("full_name_folded");--> statement-breakpoint
CREATE INDEX "expert_profiles_contact_email_idx" ON "expert_profiles" USING btree ("contact_email");--> statement-breakpoint
CREATE INDEX "expert_profiles_orcid_idx" ON "expert_profiles" USING btree ("orcid");--> statement-breakpoint
CREATE UNIQUE INDEX "profile_versions_profile_version_uq" ON "profile_versions" USING btree ("profile_id","version");--> statement-breakpoint
CREATE INDEX "taxonomy_fields_parent_idx" ON "taxonomy_fields" USING btree ("version","parent_code");