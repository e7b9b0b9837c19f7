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
ALTER TABLE "admin_units" ADD CONSTRAINT "admin_units_version_admin_unit_versions_code_fk" FOREIGN KEY ("version") REFERENCES "public"."admin_unit_versions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_units_province_idx" ON "admin_units" USING btree ("version","province_code");