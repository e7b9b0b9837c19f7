CREATE TABLE "report_aggregates" (
	"key" text PRIMARY KEY NOT NULL,
	"figures" jsonb NOT NULL,
	"stamp" text NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"compute_ms" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- One statement, so the table is rewritten once for the four generated columns.
ALTER TABLE "expert_profiles"
  ADD COLUMN "report_location" text GENERATED ALWAYS AS (case content->'location'->>'kind'
    when 'haiphong' then 'haiphong:' || coalesce(content->'location'->>'commune', 'unknown')
    when 'vietnam' then 'province:' || (content->'location'->>'province')
    when 'overseas' then 'overseas:' || (content->'location'->>'country')
    else 'unknown' end) STORED,
  ADD COLUMN "report_score" smallint GENERATED ALWAYS AS ((
  (case when highest_degree is not null then 10 else 0 end)
  + (case when jsonb_path_exists(content, '$.fields[*] ? (@.primary == true || @.primary == "true")') then 12 else 0 end)
  + (case when (case when jsonb_typeof(content->'keywords') = 'array' then jsonb_array_length(content->'keywords') else 0 end) >= 3 then 6 else 0 end)
  + (case when (case when jsonb_typeof(content->'sectors') = 'array' then jsonb_array_length(content->'sectors') else 0 end) > 0 then 5 else 0 end)
  + (case when char_length(coalesce(content->'bio'->>'vi', '')) >= 100 or char_length(coalesce(content->'bio'->>'en', '')) >= 100 then 10 else 0 end)
  + (case when (case when jsonb_typeof(content->'education') = 'array' then jsonb_array_length(content->'education') else 0 end) > 0 then 12 else 0 end)
  + (case when (case when jsonb_typeof(content->'positions') = 'array' then jsonb_array_length(content->'positions') else 0 end) > 0 then 10 else 0 end)
  + (case when (case when jsonb_typeof(content->'languages') = 'array' then jsonb_array_length(content->'languages') else 0 end) > 0 then 5 else 0 end)
  + (case when (case when jsonb_typeof(content->'publications') = 'array' then jsonb_array_length(content->'publications') else 0 end) > 0 then 10 else 0 end)
  + (case when jsonb_typeof(content->'location') = 'object' then 5 else 0 end)
  + (case when (case when jsonb_typeof(content->'availability'->'kinds') = 'array' then jsonb_array_length(content->'availability'->'kinds') else 0 end) > 0 then 8 else 0 end)
  + (case when orcid is not null then 4 else 0 end)
  + (case when contact_email is not null or contact_phone is not null then 3 else 0 end)
)) STORED,
  ADD COLUMN "report_fields" jsonb GENERATED ALWAYS AS (jsonb_path_query_array(content, '$.fields[*].code')) STORED,
  ADD COLUMN "report_sectors" jsonb GENERATED ALWAYS AS (case when jsonb_typeof(content->'sectors') = 'array' then content->'sectors' else '[]'::jsonb end) STORED;
