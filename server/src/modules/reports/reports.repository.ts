import {
  annualReports,
  awardNominations,
  awardRounds,
  consultationMembers,
  consultations,
  type DbOrTx,
  expertProfiles,
  importJobs,
  memberships,
  organisations,
  programApplications,
  programCommitments,
  programs,
  users,
  verificationRequests,
} from '@hpen/db';
import { and, asc, eq, gt, inArray, max, ne, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { cells, createReportExpertsRepository, rowsOf } from './report-experts.repository.js';

const p = expertProfiles;

/**
 * The kind of organisation of a profile's current position, read from its name (positions hold the
 * organisation as text): hospital, university, research, enterprise, government, other; 'unknown'
 * without a current position.
 */
const organisationTypeSql = sql`coalesce((select case
    when o like '%bệnh viện%' then 'hospital'
    when o like '%đại học%' or o like '%học viện%' or o like '%cao đẳng%' or o like 'trường %' or o like '%university%' then 'university'
    when o like '%viện%' or o like '%trung tâm nghiên cứu%' or o like '%institute%' then 'research'
    when o like '%công ty%' or o like '%tập đoàn%' or o like '%doanh nghiệp%' or o like '%company%' then 'enterprise'
    when o like 'sở %' or o like '%ủy ban%' or o like '%ubnd%' or o like 'ban %' or o like 'bộ %' or o like 'cục %' then 'government'
    else 'other' end
  from (select lower(pos->>'organisation') as o from jsonb_array_elements(coalesce(${p.content}->'positions', '[]'::jsonb)) pos
        where coalesce((pos->>'current')::boolean, false) limit 1) cur), 'unknown')`;

export function createReportsRepository({ db }: { db: DbOrTx }) {
  const query = async (q: SQL) => rowsOf(await db.execute(q));

  return {
    ...createReportExpertsRepository({ db }),

    async curationQueue(associationId: string | undefined, now: Date) {
      const v = verificationRequests;
      const assoc = associationId ? sql` and ${v.associationId} = ${associationId}` : sql``;
      return cells(
        await query(sql`select case when ${v.createdAt} > ${new Date(now.getTime() - 7 * 864e5).toISOString()} then 'under_7_days'
            when ${v.createdAt} > ${new Date(now.getTime() - 30 * 864e5).toISOString()} then '7_30_days' else 'over_30_days' end as key,
            count(*)::int as n from ${v} where ${v.status} = 'pending'${assoc} group by 1 order by 1`),
      );
    },
    async verificationDecisions(associationId: string | undefined, from: Date, to: Date) {
      const v = verificationRequests;
      const assoc = associationId ? sql` and ${v.associationId} = ${associationId}` : sql``;
      return cells(
        await query(sql`select ${v.status} as key, count(*)::int as n from ${v}
          where ${v.updatedAt} >= ${from.toISOString()} and ${v.updatedAt} <= ${to.toISOString()}${assoc} group by 1 order by 1`),
      );
    },
    async membershipStatuses(associationId: string | undefined) {
      const assoc = associationId ? sql` where ${memberships.associationId} = ${associationId}` : sql``;
      return cells(
        await query(sql`select ${memberships.status} as key, count(*)::int as n from ${memberships}${assoc} group by 1 order by 1`),
      );
    },
    async imports(associationId: string | undefined, from: Date, to: Date) {
      const j = importJobs;
      const assoc = associationId ? sql` and ${j.associationId} = ${associationId}` : sql``;
      const [r] = await query(sql`select count(*)::int as jobs, coalesce(sum(${j.importedThrough}), 0)::int as rows_imported,
          count(*) filter (where ${j.status} = 'done')::int as done
        from ${j} where ${j.createdAt} >= ${from.toISOString()} and ${j.createdAt} <= ${to.toISOString()}${assoc}`);
      return { jobs: Number(r!.jobs), done: Number(r!.done), rowsImported: Number(r!.rows_imported) };
    },

    async consultationFigures(agencyId: string | undefined, from: Date, to: Date) {
      const c = consultations;
      const where = sql`${c.createdAt} >= ${from.toISOString()} and ${c.createdAt} <= ${to.toISOString()}${
        agencyId ? sql` and (${c.requesterOrganisationId} = ${agencyId} or ${c.organiserOrganisationId} = ${agencyId})` : sql``
      }`;
      const by = async (key: SQLWrapper) =>
        cells(await query(sql`select ${key} as key, count(*)::int as n from ${c} where ${where} group by 1 order by 2 desc, 1`));
      const [kind, status, requester, byRating, [t]] = await Promise.all([
        by(c.kind),
        by(c.status),
        by(sql`(select o.code from ${organisations} o where o.id = ${c.requesterOrganisationId})`),
        cells(
          await query(sql`select (${c.rating}->>'score') as key, count(*)::int as n from ${c}
            where ${where} and ${c.rating} is not null group by 1 order by 1`),
        ),
        query(sql`select count(*)::int as total,
            count(${c.sentAt})::int as sent,
            round(avg(extract(epoch from (${c.sentAt} - ${c.createdAt})) / 86400)::numeric, 1)::float as days_to_opinion,
            count(${c.rating})::int as rated,
            round(avg((${c.rating}->>'score')::numeric), 2)::float as rating_avg
          from ${c} where ${where}`),
      ]);
      return {
        total: Number(t!.total),
        sent: Number(t!.sent),
        daysToOpinion: t!.days_to_opinion === null ? null : Number(t!.days_to_opinion),
        rated: Number(t!.rated),
        ratingAverage: t!.rating_avg === null ? null : Number(t!.rating_avg),
        byKind: kind,
        byStatus: status,
        byRequester: requester,
        /** The usefulness ratings the requesters gave, 1 to 5. */
        byRating,
      };
    },

    /**
     * Who sat on the panels of the consultations of the period (accepted invitations), each member
     * once per panel: by gender, organisation type (of their current position), location and field.
     */
    async panelDiversity(agencyId: string | undefined, from: Date, to: Date) {
      const c = consultations;
      const m = consultationMembers;
      const base = sql`from ${m} join ${c} on ${c.id} = ${m.consultationId} join ${p} on ${p.id} = ${m.profileId}
        where ${m.status} = 'accepted' and ${c.createdAt} >= ${from.toISOString()} and ${c.createdAt} <= ${to.toISOString()}${
          agencyId ? sql` and (${c.requesterOrganisationId} = ${agencyId} or ${c.organiserOrganisationId} = ${agencyId})` : sql``
        }`;
      const by = async (key: SQLWrapper) =>
        cells(await query(sql`select ${key} as key, count(*)::int as n ${base} group by 1 order by 2 desc, 1`));
      const [[t], gender, orgType, location, field] = await Promise.all([
        query(sql`select count(*)::int as seats, count(distinct ${m.profileId})::int as people ${base}`),
        by(sql`coalesce(${p.gender}, 'unknown')`),
        by(organisationTypeSql),
        by(sql`coalesce(${p.reportLocation}, 'unknown')`),
        by(sql`coalesce((select left(f->>'code', 1) from jsonb_array_elements(coalesce(${p.content}->'fields', '[]'::jsonb)) f
            order by coalesce((f->>'primary')::boolean, false) desc limit 1), 'unknown')`),
      ]);
      return {
        seats: Number(t!.seats),
        people: Number(t!.people),
        byGender: gender,
        byOrganisationType: orgType,
        byLocation: location,
        byField: field,
      };
    },

    /**
     * Talent programs: applications created in the period (by the program's agency when given),
     * their states, the eligible ones (the rules' outcome at submission), per program; commitments.
     */
    async programFigures(agencyId: string | undefined, from: Date, to: Date) {
      const a = programApplications;
      const agency = agencyId ? sql` and ${programs.organisationId} = ${agencyId}` : sql``;
      const base = sql`from ${a} join ${programs} on ${programs.id} = ${a.programId}
        where ${a.createdAt} >= ${from.toISOString()} and ${a.createdAt} <= ${to.toISOString()}${agency}`;
      const by = async (key: SQLWrapper, filter: SQL = sql``) =>
        cells(await query(sql`select ${key} as key, count(*)::int as n ${base}${filter} group by 1 order by 2 desc, 1`));
      const [[t], status, program, approvedByProgram, [k]] = await Promise.all([
        query(sql`select count(*) filter (where ${a.submittedAt} is not null)::int as applied,
            count(*) filter (where ${a.submittedAt} is not null and ${a.assessment}->>'outcome' = 'eligible')::int as eligible,
            count(*) filter (where ${a.status} = 'approved')::int as approved,
            count(*) filter (where ${a.status} = 'rejected')::int as rejected ${base}`),
        by(a.status),
        by(programs.code, sql` and ${a.submittedAt} is not null`),
        by(programs.code, sql` and ${a.status} = 'approved'`),
        query(sql`select count(*) filter (where k.status = 'active')::int as active,
            count(*) filter (where k.status <> 'active')::int as ended
          from ${programCommitments} k join ${a} on ${a.id} = k.application_id join ${programs} on ${programs.id} = ${a.programId}
          where k.created_at <= ${to.toISOString()}${agency}`),
      ]);
      return {
        applied: Number(t!.applied),
        eligible: Number(t!.eligible),
        approved: Number(t!.approved),
        rejected: Number(t!.rejected),
        byStatus: status,
        byProgram: program,
        approvedByProgram,
        commitments: { active: Number(k!.active), ended: Number(k!.ended) },
      };
    },

    /**
     * Awards: nominations of the rounds held in the period's years (by the nominating organisation
     * when given) by state, and the awarded ones by field (the nomination's category) and by year.
     */
    async awardFigures(organisationId: string | undefined, from: Date, to: Date) {
      const n = awardNominations;
      const r = awardRounds;
      const years = sql`${r.year} between ${Number(from.toISOString().slice(0, 4))} and ${Number(to.toISOString().slice(0, 4))}`;
      const org = organisationId ? sql` and ${n.nominatorOrganisationId} = ${organisationId}` : sql``;
      const base = sql`from ${n} join ${r} on ${r.id} = ${n.roundId} where ${years}${org}`;
      const by = async (key: SQLWrapper, filter: SQL = sql``) =>
        cells(await query(sql`select ${key} as key, count(*)::int as n ${base}${filter} group by 1 order by 2 desc, 1`));
      const [[t], status, field, year] = await Promise.all([
        query(sql`select count(*) filter (where ${n.status} <> 'draft')::int as nominations,
            count(*) filter (where ${n.status} = 'awarded')::int as awarded,
            coalesce(sum(jsonb_array_length(${n.nominees})) filter (where ${n.status} = 'awarded'), 0)::int as people ${base}`),
        by(n.status),
        by(n.category, sql` and ${n.status} = 'awarded'`),
        by(sql`${r.year}::text`, sql` and ${n.status} = 'awarded'`),
      ]);
      return {
        nominations: Number(t!.nominations),
        awarded: Number(t!.awarded),
        awardedPeople: Number(t!.people),
        byStatus: status,
        awardedByField: field,
        awardedByYear: year,
      };
    },

    /** Listed profiles in id order, one page at a time (open data export; projected by the caller). */
    listedProfilesPage(afterId: string | null, limit: number) {
      return db
        .select()
        .from(p)
        .where(afterId ? and(eq(p.listed, true), gt(p.id, afterId)) : eq(p.listed, true))
        .orderBy(asc(p.id))
        .limit(limit);
    },
    /**
     * Changes when anything the figures count changes: every state change is audited (the log's
     * last id), and every profile written or removed, in bulk by the generator or an import too,
     * leaves an outbox row for search (the outbox's last id). Two primary-key lookups: counting the
     * profiles instead cost ~150 ms a request at 100 000 on PGlite, on every filtered dashboard view.
     */
    async changeStamp(): Promise<string> {
      const [row] = await query(
        sql`select (select coalesce(max(id), 0) from audit_log)::text || ':' || (select coalesce(max(id), 0) from outbox)::text as stamp`,
      );
      return String(row?.stamp ?? '');
    },
    async lastListedChange(): Promise<Date | null> {
      const [row] = await db
        .select({ at: max(p.updatedAt) })
        .from(p)
        .where(eq(p.listed, true));
      return row?.at ?? null;
    },

    // ——— yearly implementation reports ———
    async findAnnual(organisationId: string, year: number, tx: DbOrTx = db, lock = false) {
      const q = tx
        .select()
        .from(annualReports)
        .where(and(eq(annualReports.organisationId, organisationId), eq(annualReports.year, year)));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },
    async findAnnualById(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(annualReports).where(eq(annualReports.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },
    async insertAnnual(tx: DbOrTx, values: typeof annualReports.$inferInsert) {
      const [row] = await tx.insert(annualReports).values(values).returning();
      return row!;
    },
    async updateAnnual(tx: DbOrTx, id: string, values: Partial<typeof annualReports.$inferInsert>) {
      const [row] = await tx
        .update(annualReports)
        .set({ ...values, version: sql`${annualReports.version} + 1`, updatedAt: new Date() })
        .where(eq(annualReports.id, id))
        .returning();
      return row!;
    },
    listAnnual(year: number) {
      return db
        .select({ report: annualReports, organisationCode: organisations.code, organisationName: organisations.nameVi })
        .from(annualReports)
        .innerJoin(organisations, eq(organisations.id, annualReports.organisationId))
        .where(eq(annualReports.year, year))
        .orderBy(asc(organisations.nameVi));
    },
    /** Active staff of an organisation (to notify them of a decision on its report). */
    async staffUserIds(organisationId: string, tx: DbOrTx = db) {
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organisationId, organisationId), ne(users.role, 'expert'), eq(users.status, 'active')));
      return rows.map((r) => r.id);
    },
    /** Active officers and admins: the Department of S&T, who receive the agencies' reports. */
    async reviewerUserIds(tx: DbOrTx = db) {
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.role, ['officer']), eq(users.status, 'active')));
      return rows.map((r) => r.id);
    },
    async organisation(id: string) {
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
      return row;
    },
  };
}
export type ReportsRepository = ReturnType<typeof createReportsRepository>;
