import { appMeta, type DbOrTx, eligibilityOutcomes, eligibilityRuns, expertProfiles, outbox, programs, programVersions } from '@hpen/db';
import { and, asc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';

export interface OutcomeValues {
  programVersionId: string;
  profileId: string;
  outcome: 'eligible' | 'nearly';
  group: string | null;
  gap: number;
  asOf: string;
}

const CURSOR_KEY = 'eligibility.outbox_cursor';

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

    /** Every outcome of a version with the profile's name (the search sorts them as it always has). */
    hits(versionId: string) {
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
        .where(eq(eligibilityOutcomes.programVersionId, versionId));
    },

    /** Changes whenever a row of the version is written or removed (a name change rewrites the row too). */
    async outcomesStamp(versionId: string) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${eligibilityOutcomes.updatedAt})::text` })
        .from(eligibilityOutcomes)
        .where(eq(eligibilityOutcomes.programVersionId, versionId));
      return `${row?.n ?? 0}:${row?.last ?? ''}`;
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

    // ---- the outbox, read after a cursor of our own (the search relay owns delivery) ----
    async outboxCursor(): Promise<number | null> {
      const [row] = await db.select().from(appMeta).where(eq(appMeta.key, CURSOR_KEY));
      return row ? Number(row.value) : null;
    },
    async setOutboxCursor(id: number) {
      await db
        .insert(appMeta)
        .values({ key: CURSOR_KEY, value: id })
        .onConflictDoUpdate({ target: appMeta.key, set: { value: id, updatedAt: new Date() } });
    },
    async outboxMaxId() {
      const [row] = await db.select({ id: sql<number>`coalesce(max(${outbox.id}), 0)::int` }).from(outbox);
      return Number(row?.id ?? 0);
    },
    changedProfilesAfter(afterId: number, limit: number) {
      return db
        .select({ id: outbox.id, profileId: outbox.aggregateId })
        .from(outbox)
        .where(and(gt(outbox.id, afterId), eq(outbox.aggregateType, 'expert_profile')))
        .orderBy(asc(outbox.id))
        .limit(limit);
    },
  };
}
export type EligibilityOutcomesRepository = ReturnType<typeof createEligibilityOutcomesRepository>;
