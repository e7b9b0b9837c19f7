import { type DbOrTx, expertProfiles, memberships, organisations } from '@hpen/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Cell } from './reports.schemas.js';

type Row = Record<string, unknown>;
// postgres.js answers an array of rows, PGlite an object holding them.
export const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
export const cells = (rows: Row[]): Cell[] => rows.map((r) => ({ key: String(r.key), count: Number(r.n) }));

const p = expertProfiles;

export interface ExpertScope {
  /** Only profiles visible to the public (directory), for public figures. */
  listedOnly: boolean;
  /** Profiles that existed at this moment. */
  asOf: Date;
  associationId?: string | undefined;
  /** A taxonomy code; sub-fields match by prefix ("1" takes "101", "10101"). */
  field?: string | undefined;
}

function expertWhere(s: ExpertScope): SQL {
  const parts: SQL[] = [sql`${p.createdAt} <= ${s.asOf.toISOString()}`];
  if (s.listedOnly) parts.push(sql`${p.listed}`);
  if (s.associationId)
    parts.push(
      sql`exists (select 1 from ${memberships} m where m.profile_id = ${p.id} and m.association_id = ${s.associationId} and m.status = 'approved')`,
    );
  if (s.field) parts.push(sql`exists (select 1 from jsonb_array_elements_text(${p.reportFields}) ff where ff like ${`${s.field}%`})`);
  return sql.join(parts, sql` and `);
}

/** Largest count first, then the key in code-point order (the same on PGlite and on any PostgreSQL collation). */
const byCountThenKey = (a: Cell, b: Cell) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const byKey = (a: Cell, b: Cell) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const ageBandSql = (year: number) => sql`case when ${p.birthYear} is null then 'unknown'
  when ${year} - ${p.birthYear} < 30 then 'under_30' when ${year} - ${p.birthYear} < 40 then '30_39'
  when ${year} - ${p.birthYear} < 50 then '40_49' when ${year} - ${p.birthYear} < 60 then '50_59'
  when ${year} - ${p.birthYear} < 70 then '60_69' else '70_plus' end`;

/**
 * The profiles of a scope, read once (one scan instead of one per breakdown) and reduced to their
 * reporting keys, which every breakdown then groups. The keys are generated columns
 * (profile-report-keys.ts): nothing here decompresses a profile's `content`.
 */
function scopedProfiles(scope: ExpertScope, year: number): SQL {
  return sql`b as materialized (select ${p.id} as id, ${p.verifications} <> '{}'::jsonb as verified,
      (${p.claimedAt} is not null or ${p.userId} is not null) as registered, coalesce(${p.highestDegree}, 'unknown') as degree,
      coalesce(${p.academicTitle}, 'none') as title, coalesce(${p.gender}, 'unknown') as gender, ${ageBandSql(year)} as age,
      ${p.reportScore} as score, ${p.reportLocation} as location, ${p.reportFields} as fields, ${p.reportSectors} as sectors,
      ${p.createdAt} as created_at, ${p.claimedAt} as claimed_at, ${p.updatedAt} as updated_at
    from ${p} where ${expertWhere(scope)})`;
}

const growthMonth = (col: string) => sql.raw(`to_char(date_trunc('month', ${col} at time zone 'Asia/Ho_Chi_Minh'), 'YYYY-MM')`);

export function createReportExpertsRepository({ db }: { db: DbOrTx }) {
  const query = async (q: SQL) => rowsOf(await db.execute(q));

  return {
    /**
     * Every expert breakdown of a scope in one statement: rows of (dimension, key, count). Profiles
     * count once per element of their fields and sectors; growth (per month of [from, to]: created,
     * claimed, updated) only with a period.
     */
    async expertBreakdowns(scope: ExpertScope, period?: { from: Date; to: Date }) {
      const growth = (dim: string, col: string) => {
        const at = sql.raw(col);
        return sql` union all select ${sql.raw(`'${dim}'`)}, ${growthMonth(col)}, count(*)::int, 0, 0, 0 from b
          where ${at} >= ${period!.from.toISOString()} and ${at} <= ${period!.to.toISOString()} group by 2`;
      };
      // (profile, key) pairs made distinct by hashing, then counted: a profile counts once per key.
      const perElement = (dim: string, array: string, key: string) =>
        sql` union all select ${sql.raw(`'${dim}'`)}, e.k, count(*)::int, 0, 0, 0 from
          (select distinct b.id, ${sql.raw(key)} as k from b cross join lateral jsonb_array_elements_text(b.${sql.raw(array)}) v) e group by 2`;
      const rows = await query(sql`with ${scopedProfiles(scope, scope.asOf.getFullYear())}
        select 'totals' as dim, '' as key, count(*)::int as n, count(*) filter (where verified)::int as verified,
          count(*) filter (where registered)::int as registered, coalesce(round(avg(score)), 0)::int as completeness from b
        union all select 'band', case when score >= 70 then '70-100' when score >= 40 then '40-69' else '0-39' end, count(*)::int, 0, 0, 0 from b group by 2
        union all select 'degree', degree, count(*)::int, 0, 0, 0 from b group by 2
        union all select 'title', title, count(*)::int, 0, 0, 0 from b group by 2
        union all select 'gender', gender, count(*)::int, 0, 0, 0 from b group by 2
        union all select 'age', age, count(*)::int, 0, 0, 0 from b group by 2
        union all select 'location', location, count(*)::int, 0, 0, 0 from b group by 2
        union all select 'association', o.code, count(distinct b.id)::int, 0, 0, 0 from b
          join ${memberships} m on m.profile_id = b.id and m.status = 'approved' join ${organisations} o on o.id = m.association_id group by 2
        ${perElement('fieldTop', 'fields', 'left(v, 1)')}${perElement('fieldSub', 'fields', 'v')}
        ${perElement('sector', 'sectors', 'v')}
        ${period ? sql.join([growth('created', 'b.created_at'), growth('claimed', 'b.claimed_at'), growth('updated', 'b.updated_at')]) : sql``}`);
      const dim = (name: string, order = byCountThenKey) => cells(rows.filter((r) => r.dim === name)).sort(order);
      const t = rows.find((r) => r.dim === 'totals')!;
      return {
        total: Number(t.n),
        verified: Number(t.verified),
        registered: Number(t.registered),
        completeness: Number(t.completeness),
        completenessBands: dim('band'),
        fieldsTop: dim('fieldTop'),
        fieldsSub: dim('fieldSub'),
        sectors: dim('sector'),
        degrees: dim('degree'),
        titles: dim('title'),
        genders: dim('gender'),
        ageBands: dim('age'),
        locations: dim('location'),
        associations: dim('association'),
        growth: period ? { created: dim('created', byKey), claimed: dim('claimed', byKey), updated: dim('updated', byKey) } : undefined,
      };
    },

    /** The yearly report's expert figures in one scan: registered by `asOf`, new in [from, to], verified, overseas. */
    async expertAnnual(scope: ExpertScope, from: Date, to: Date) {
      const [r] = await query(sql`select count(*)::int as total,
          count(*) filter (where ${p.createdAt} >= ${from.toISOString()} and ${p.createdAt} <= ${to.toISOString()})::int as created,
          count(*) filter (where ${p.verifications} <> '{}'::jsonb)::int as verified,
          count(*) filter (where ${p.reportLocation} like 'overseas:%')::int as overseas
        from ${p} where ${expertWhere(scope)}`);
      return { total: Number(r!.total), created: Number(r!.created), verified: Number(r!.verified), overseas: Number(r!.overseas) };
    },
  };
}
