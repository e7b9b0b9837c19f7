import { type SQL, sql } from 'drizzle-orm';

/**
 * A profile's reporting keys, kept by PostgreSQL as stored generated columns of expert_profiles
 * (issue 16: the dashboard over 100 000 profiles must not decompress every profile's JSON for each
 * figure). Only immutable functions are allowed here; the reports module groups by these columns.
 */

/**
 * The one place a profile's location becomes a reporting key on the 2025 map: "haiphong:<commune
 * code>" ("haiphong:unknown" while an old district awaits the expert's confirmation),
 * "province:<2-digit code>", "overseas:<country>" or "unknown".
 */
export const reportLocationSql = (content: SQL = sql.raw('content')) => sql`case ${content}->'location'->>'kind'
    when 'haiphong' then 'haiphong:' || coalesce(${content}->'location'->>'commune', 'unknown')
    when 'vietnam' then 'province:' || (${content}->'location'->>'province')
    when 'overseas' then 'overseas:' || (${content}->'location'->>'country')
    else 'unknown' end`;

/** The length of a JSON array, 0 for anything else (a write must never fail on an odd document). */
const length = (path: string) => sql.raw(`(case when jsonb_typeof(${path}) = 'array' then jsonb_array_length(${path}) else 0 end)`);

/** Mirrors profile-completeness.ts RULES (weights to 100); a test checks both agree on fixtures. */
export const reportScoreSql = sql`(
  (case when highest_degree is not null then 10 else 0 end)
  + (case when jsonb_path_exists(content, '$.fields[*] ? (@.primary == true || @.primary == "true")') then 12 else 0 end)
  + (case when ${length("content->'keywords'")} >= 3 then 6 else 0 end)
  + (case when ${length("content->'sectors'")} > 0 then 5 else 0 end)
  + (case when char_length(coalesce(content->'bio'->>'vi', '')) >= 100 or char_length(coalesce(content->'bio'->>'en', '')) >= 100 then 10 else 0 end)
  + (case when ${length("content->'education'")} > 0 then 12 else 0 end)
  + (case when ${length("content->'positions'")} > 0 then 10 else 0 end)
  + (case when ${length("content->'languages'")} > 0 then 5 else 0 end)
  + (case when ${length("content->'publications'")} > 0 then 10 else 0 end)
  + (case when jsonb_typeof(content->'location') = 'object' then 5 else 0 end)
  + (case when ${length("content->'availability'->'kinds'")} > 0 then 8 else 0 end)
  + (case when orcid is not null then 4 else 0 end)
  + (case when contact_email is not null or contact_phone is not null then 3 else 0 end)
)`;

/** The codes of the profile's fields, as a JSON array of strings. */
export const reportFieldsSql = sql`jsonb_path_query_array(content, '$.fields[*].code')`;
/** The profile's sectors, as a JSON array of strings. */
export const reportSectorsSql = sql`case when jsonb_typeof(content->'sectors') = 'array' then content->'sectors' else '[]'::jsonb end`;
