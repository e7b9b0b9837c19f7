import { type DbOrTx, eligibilityOutcomes, eligibilityRuns, expertProfiles, programs, programVersions } from '@hpen/db';
import { and, asc, count, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';

export interface OutcomeValues {
  programVersionId: string;
  profileId: string;
  outcome: 'eligible' | 'nearly';
  group: string | null;
  gap: number;
  asOf: string;
  /** nameSortKey(fullName): the list's order by name. */
  nameKey: string;
}

/** Precomputed eligibility outcomes and their passes: the only file of the feature that touches tables. */
export function createEligibilityOutcomesRepository({ db }: { db: DbOrTx }) {
  return {
    /** Published programs with their current version (the ones kept precomputed). */
    publishedCurrent(tx: DbOrTx = db) {
      return tx
        .select({ programId: programs.id, version: programVersions })
        .from(programs)
        .innerJoin(programVersions, and(eq(programVersions.programId, programs.id), eq(programVersions.version, programs.currentVersion)))
        .where(eq(programs.status, 'published'))
        .orderBy(asc(programs.code));
    },

    /** Replaces the outcomes of these profiles for these versions (rows not given are removed). */
    async replaceFor(versionIds: string[], profileIds: string[], rows: OutcomeValues[]) {
      if (!versionIds.length || !profileIds.length) return;
      await db.transaction(async (tx) => {
        await tx
          .delete(eligibilityOutcomes)
          .where(and(inArray(eligibilityOutcomes.programVersionId, versionIds), inArray(eligibilityOutcomes.profileId, profileIds)));
        if (rows.length) await tx.insert(eligibilityOutcomes).values(rows);
      });
    },

    run: async (versionId: string) => (await db.select().from(eligibilityRuns).where(eq(eligibilityRuns.programVersionId, versionId)))[0],

    async version(id: string) {
      const [row] = await db.select().from(programVersions).where(eq(programVersions.id, id));
      return row;
    },

    /** Starts (or restarts) a pass of a version for the day. */
    async beginPass(versionId: string, programId: string, day: string, now: Date) {
      const values = { computingFor: day, cursor: null, scanned: 0, startedAt: now };
      const [row] = await db
        .insert(eligibilityRuns)
        .values({ programVersionId: versionId, programId, ...values })
        .onConflictDoUpdate({ target: eligibilityRuns.programVersionId, set: values })
        .returning();
      return row!;
    },

    async advancePass(versionIds: string[], cursor: string, scanned: number) {
      await db
        .update(eligibilityRuns)
        .set({ cursor, scanned: sql`${eligibilityRuns.scanned} + ${scanned}` })
        .where(inArray(eligibilityRuns.programVersionId, versionIds));
    },

    /**
     * The pass is complete: outcomes from earlier days that it did not rewrite are gone (no longer
     * eligible), and so are the program's earlier versions' outcomes (no longer searched).
     */
    async completePass(versionId: string, programId: string, day: string, now: Date) {
      await db.transaction(async (tx) => {
        await tx
          .delete(eligibilityOutcomes)
          .where(and(eq(eligibilityOutcomes.programVersionId, versionId), lt(eligibilityOutcomes.asOf, day)));
        const older = tx
          .select({ id: programVersions.id })
          .from(programVersions)
          .where(and(eq(programVersions.programId, programId), ne(programVersions.id, versionId)));
        await tx.delete(eligibilityOutcomes).where(inArray(eligibilityOutcomes.programVersionId, older));
        await tx
          .update(eligibilityRuns)
          .set({
            completeFor: day,
            computingFor: null,
            cursor: null,
            lastPassMs: sql`(extract(epoch from (${now.toISOString()}::timestamptz - ${eligibilityRuns.startedAt})) * 1000)::int`,
          })
          .where(eq(eligibilityRuns.programVersionId, versionId));
      });
    },

    /**
     * One page of a version's list in its order (eligible before nearly, then by name, then id),
     * read through eligibility_outcomes_list_idx: the cost is the page, not the list.
     */
    page(versionId: string, q: { nearly: boolean; limit: number; offset: number }) {
      const where = q.nearly
        ? eq(eligibilityOutcomes.programVersionId, versionId)
        : and(eq(eligibilityOutcomes.programVersionId, versionId), eq(eligibilityOutcomes.outcome, 'eligible'));
      return db
        .select({
          profileId: eligibilityOutcomes.profileId,
          fullName: expertProfiles.fullName,
          outcome: eligibilityOutcomes.outcome,
          group: eligibilityOutcomes.group,
          gap: eligibilityOutcomes.gap,
        })
        .from(eligibilityOutcomes)
        .innerJoin(expertProfiles, eq(expertProfiles.id, eligibilityOutcomes.profileId))
        .where(where)
        .orderBy(
          eligibilityOutcomes.programVersionId,
          eligibilityOutcomes.outcome,
          sql`${eligibilityOutcomes.nameKey} collate "C"`,
          eligibilityOutcomes.profileId,
        )
        .limit(q.limit)
        .offset(q.offset);
    },

    /** How many rows of a version per outcome. */
    async counts(versionId: string) {
      const rows = await db
        .select({ outcome: eligibilityOutcomes.outcome, n: count() })
        .from(eligibilityOutcomes)
        .where(eq(eligibilityOutcomes.programVersionId, versionId))
        .groupBy(eligibilityOutcomes.outcome);
      const of = (o: string) => Number(rows.find((r) => r.outcome === o)?.n ?? 0);
      return { eligible: of('eligible'), nearly: of('nearly') };
    },

    /**
     * Fresh planner statistics after a pass rewrote a version's rows: embedded PGlite has no
     * autovacuum, and without them the list's plan can turn into a sort of every row.
     */
    async analyze() {
      await db.execute(sql`analyze ${eligibilityOutcomes}`);
    },

    async profileCount() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(expertProfiles);
      return Number(row?.n ?? 0);
    },

    /** Keyset page of profiles after `after` (by id). */
    profilesAfter(after: string | null, limit: number) {
      return db
        .select()
        .from(expertProfiles)
        .where(after ? gt(expertProfiles.id, after) : undefined)
        .orderBy(asc(expertProfiles.id))
        .limit(limit);
    },
  };
}
export type EligibilityOutcomesRepository = ReturnType<typeof createEligibilityOutcomesRepository>;
