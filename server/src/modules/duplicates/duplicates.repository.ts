import { type DbOrTx, duplicateCandidates, expertProfiles, profileRedirects } from '@hpen/db';
import { and, count, desc, eq, or, sql } from 'drizzle-orm';
import type { Candidate } from './duplicate-candidates.js';

type DuplicateStatus = 'open' | 'dismissed' | 'merged';

export function createDuplicatesRepository({ db }: { db: DbOrTx }) {
  return {
    /** What the scan compares, for every profile. */
    scanRows() {
      return db
        .select({
          id: expertProfiles.id,
          fullNameFolded: expertProfiles.fullNameFolded,
          birthYear: expertProfiles.birthYear,
          contactEmail: expertProfiles.contactEmail,
          contactPhone: expertProfiles.contactPhone,
          orcid: expertProfiles.orcid,
        })
        .from(expertProfiles);
    },

    /** Stores pairs; a pair already dismissed or merged stays decided, an open one gets the new score. Returns how many are new. */
    async upsertCandidates(chunk: Candidate[]) {
      if (chunk.length === 0) return 0;
      const rows = await db
        .insert(duplicateCandidates)
        .values(chunk.map((c) => ({ profileA: c.a, profileB: c.b, score: c.score, reasons: c.reasons })))
        .onConflictDoUpdate({
          target: [duplicateCandidates.profileA, duplicateCandidates.profileB],
          set: { score: sql`excluded.score`, reasons: sql`excluded.reasons`, updatedAt: new Date() },
          setWhere: eq(duplicateCandidates.status, 'open'),
        })
        .returning({ created: sql<boolean>`xmax = 0` });
      return rows.filter((r) => r.created).length;
    },

    list(status: DuplicateStatus) {
      return db
        .select()
        .from(duplicateCandidates)
        .where(eq(duplicateCandidates.status, status))
        .orderBy(desc(duplicateCandidates.score))
        .limit(200);
    },

    async countOpen() {
      const [row] = await db.select({ n: count() }).from(duplicateCandidates).where(eq(duplicateCandidates.status, 'open'));
      return row?.n ?? 0;
    },

    async findOpen(tx: DbOrTx, id: string) {
      const [row] = await tx
        .select()
        .from(duplicateCandidates)
        .where(and(eq(duplicateCandidates.id, id), eq(duplicateCandidates.status, 'open')));
      return row;
    },

    /** Decides one open pair; undefined when there is none. */
    async decide(tx: DbOrTx, id: string, status: 'dismissed' | 'merged', decidedBy: string, decidedAt: Date) {
      const [row] = await tx
        .update(duplicateCandidates)
        .set({ status, decidedBy, decidedAt })
        .where(and(eq(duplicateCandidates.id, id), eq(duplicateCandidates.status, 'open')))
        .returning();
      return row;
    },

    /** Other open pairs with a merged-away profile are settled by its merge. */
    async settlePairsOf(tx: DbOrTx, profileId: string, decidedBy: string, decidedAt: Date) {
      await tx
        .update(duplicateCandidates)
        .set({ status: 'merged', decidedBy, decidedAt })
        .where(
          and(
            eq(duplicateCandidates.status, 'open'),
            or(eq(duplicateCandidates.profileA, profileId), eq(duplicateCandidates.profileB, profileId)),
          ),
        );
    },

    /** The merged-away id (and every id that pointed at it) now leads to the kept profile. */
    async redirect(tx: DbOrTx, fromId: string, toId: string) {
      await tx.update(profileRedirects).set({ toId }).where(eq(profileRedirects.toId, fromId));
      await tx.insert(profileRedirects).values({ fromId, toId });
    },

    async redirectFor(id: string): Promise<string | null> {
      const [row] = await db.select().from(profileRedirects).where(eq(profileRedirects.fromId, id));
      return row?.toId ?? null;
    },
  };
}
export type DuplicatesRepository = ReturnType<typeof createDuplicatesRepository>;
