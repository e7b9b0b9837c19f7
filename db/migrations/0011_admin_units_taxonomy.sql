CREATE TABLE "taxonomy_crosswalks" (
	"from_version" text NOT NULL,
	"to_version" text NOT NULL,
	"old_code" text NOT NULL,
	"new_code" text NOT NULL,
	CONSTRAINT "taxonomy_crosswalks_from_version_to_version_old_code_pk" PRIMARY KEY("from_version","to_version","old_code")
);
--> statement-breakpoint
CREATE TABLE "admin_unit_versions" (
	"code" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"licence" text NOT NULL,
	"is_current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "admin_units" (
	"version" text NOT NULL,
	"level" text NOT NULL,
	"code" text NOT NULL,
	"province_code" text,
	"name_vi" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"former_province" text,
	CONSTRAINT "admin_units_version_level_code_pk" PRIMARY KEY("version","level","code")
);
--> statement-breakpoint
ALTER TABLE "taxonomy_versions" ADD COLUMN "legal_reference" text;--> statement-breakpoint
ALTER TABLE "taxonomy_crosswalks" ADD CONSTRAINT "taxonomy_crosswalks_from_version_taxonomy_versions_code_fk" FOREIGN KEY ("from_version") REFERENCES "public"."taxonomy_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "taxonomy_crosswalks" ADD CONSTRAINT "taxonomy_crosswalks_to_version_taxonomy_versions_code_fk" FOREIGN KEY ("to_version") REFERENCES "public"."taxonomy_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_version_admin_unit_versions_code_fk" FOREIGN KEY ("version") REFERENCES "public"."admin_unit_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_units_province_idx" ON "admin_units" USING btree ("version","province_code");