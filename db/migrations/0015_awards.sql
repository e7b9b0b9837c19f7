CREATE TABLE "award_ballots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"choice" text NOT NULL,
	"voter_member_id" uuid
);
--> statement-breakpoint
CREATE TABLE "award_council_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"profile_id" uuid NOT NULL,
	"role" text NOT NULL,
	"independent" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"nominator_kind" text NOT NULL,
	"nominator_organisation_id" uuid,
	"created_by" uuid,
	"category" text NOT NULL,
	"prize_level" text,
	"team" text DEFAULT '' NOT NULL,
	"nominees" jsonb NOT NULL,
	"work" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"phase" integer DEFAULT 0 NOT NULL,
	"results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_recusals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"codes" jsonb NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"plan_reference" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"nomination_opens_at" timestamp with time zone NOT NULL,
	"nomination_closes_at" timestamp with time zone NOT NULL,
	"phases" jsonb NOT NULL,
	"decision" jsonb,
	"publish_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"review" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"present_member_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"held_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_votes_cast" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"nomination_id" uuid NOT NULL,
	"phase" integer NOT NULL,
	"member_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title_vi" text NOT NULL,
	"title_en" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "awards_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "award_council_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"data" jsonb NOT NULL,
	"legal_reference" jsonb NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"effective_from" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "award_ballots" ADD CONSTRAINT "award_ballots_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_ballots" ADD CONSTRAINT "award_ballots_voter_member_id_award_council_members_id_fk" FOREIGN KEY ("voter_member_id") REFERENCES "public"."award_council_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_council_members" ADD CONSTRAINT "award_council_members_round_id_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."award_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_council_members" ADD CONSTRAINT "award_council_members_profile_id_expert_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."expert_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_round_id_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."award_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_nominator_organisation_id_organisations_id_fk" FOREIGN KEY ("nominator_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_recusals" ADD CONSTRAINT "award_recusals_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_recusals" ADD CONSTRAINT "award_recusals_member_id_award_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."award_council_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_rounds" ADD CONSTRAINT "award_rounds_award_id_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."awards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_scores" ADD CONSTRAINT "award_scores_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_scores" ADD CONSTRAINT "award_scores_member_id_award_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."award_council_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_sessions" ADD CONSTRAINT "award_sessions_round_id_award_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."award_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_votes_cast" ADD CONSTRAINT "award_votes_cast_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_votes_cast" ADD CONSTRAINT "award_votes_cast_member_id_award_council_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."award_council_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_ballots_nomination_idx" ON "award_ballots" USING btree ("nomination_id","phase");--> statement-breakpoint
CREATE UNIQUE INDEX "award_council_members_seat_uq" ON "award_council_members" USING btree ("round_id","phase","profile_id");--> statement-breakpoint
CREATE INDEX "award_nominations_round_idx" ON "award_nominations" USING btree ("round_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "award_recusals_uq" ON "award_recusals" USING btree ("nomination_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_rounds_year_uq" ON "award_rounds" USING btree ("award_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "award_scores_uq" ON "award_scores" USING btree ("nomination_id","phase","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_sessions_uq" ON "award_sessions" USING btree ("round_id","phase");--> statement-breakpoint
CREATE UNIQUE INDEX "award_votes_cast_uq" ON "award_votes_cast" USING btree ("nomination_id","phase","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_council_rules_version_uq" ON "award_council_rules" USING btree ("code","version");