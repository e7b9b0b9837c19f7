import { type DbOrTx, evidenceFiles, expertProfiles, organisations, verificationRequests } from '@hpen/db';
import type { VerificationItemType, VerificationStatus } from '@hpen/db/enums';
import { and, asc, eq, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';

export type VerificationRequestRow = typeof verificationRequests.$inferSelect;
export type EvidenceFileView = { id: string; filename: string; mimeType: string; size: number };

export interface QueueFilters {
  status: VerificationStatus;
  itemType?: VerificationItemType | undefined;
  associationId?: string | undefined;
  createdBefore?: Date | undefined;
  /** null: every association and the Union's own queue. */
  associationIds: string[] | null;
}

const sameItem = (profileId: string, itemType: VerificationItemType, itemId: string | null) =>
  and(
    eq(verificationRequests.profileId, profileId),
    eq(verificationRequests.itemType, itemType),
    itemId === null ? isNull(verificationRequests.itemId) : eq(verificationRequests.itemId, itemId),
  );

export function createVerificationRepository({ db }: { db: DbOrTx }) {
  return {
    async filesOf(requestIds: string[], tx: DbOrTx = db) {
      const out = new Map<string, EvidenceFileView[]>();
      if (requestIds.length === 0) return out;
      const rows = await tx
        .select()
        .from(evidenceFiles)
        .where(inArray(evidenceFiles.requestId, requestIds))
        .orderBy(asc(evidenceFiles.createdAt));
      for (const f of rows)
        out.set(f.requestId, [...(out.get(f.requestId) ?? []), { id: f.id, filename: f.filename, mimeType: f.mimeType, size: f.size }]);
      return out;
    },

    async findRequest(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(verificationRequests).where(eq(verificationRequests.id, id));
      return row;
    },

    async findPending(tx: DbOrTx, profileId: string, itemType: VerificationItemType, itemId: string | null) {
      const [row] = await tx
        .select({ id: verificationRequests.id })
        .from(verificationRequests)
        .where(and(sameItem(profileId, itemType, itemId), eq(verificationRequests.status, 'pending')));
      return row;
    },

    /** The request that holds an item's badge or waits for one. */
    async findOpen(tx: DbOrTx, profileId: string, itemType: VerificationItemType, itemId: string | null) {
      const [row] = await tx
        .select()
        .from(verificationRequests)
        .where(
          and(
            sameItem(profileId, itemType, itemId),
            or(eq(verificationRequests.status, 'approved'), eq(verificationRequests.status, 'pending')),
          ),
        );
      return row;
    },

    async insertRequest(tx: DbOrTx, values: typeof verificationRequests.$inferInsert) {
      const [row] = await tx.insert(verificationRequests).values(values).returning();
      return row!;
    },

    async updateRequest(tx: DbOrTx, id: string, values: Partial<typeof verificationRequests.$inferInsert>) {
      const [row] = await tx.update(verificationRequests).set(values).where(eq(verificationRequests.id, id)).returning();
      return row!;
    },

    async insertFiles(tx: DbOrTx, rows: Array<typeof evidenceFiles.$inferInsert>) {
      if (rows.length) await tx.insert(evidenceFiles).values(rows);
    },

    /** A re-queued request keeps the evidence of the one it replaces. */
    async copyFiles(tx: DbOrTx, fromRequestId: string, toRequestId: string) {
      const rows = await tx.select().from(evidenceFiles).where(eq(evidenceFiles.requestId, fromRequestId));
      if (rows.length)
        await tx
          .insert(evidenceFiles)
          .values(rows.map(({ id: _id, requestId: _r, createdAt: _c, ...f }) => ({ ...f, requestId: toRequestId })));
    },

    async findFile(id: string) {
      const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
      return row;
    },

    listByProfile(profileId: string) {
      return db
        .select()
        .from(verificationRequests)
        .where(eq(verificationRequests.profileId, profileId))
        .orderBy(asc(verificationRequests.createdAt));
    },

    queue(f: QueueFilters) {
      const filters: SQL[] = [eq(verificationRequests.status, f.status)];
      if (f.itemType) filters.push(eq(verificationRequests.itemType, f.itemType));
      if (f.associationId) filters.push(eq(verificationRequests.associationId, f.associationId));
      if (f.createdBefore) filters.push(lte(verificationRequests.createdAt, f.createdBefore));
      if (f.associationIds) filters.push(inArray(verificationRequests.associationId, f.associationIds));
      return db
        .select({ request: verificationRequests, fullName: expertProfiles.fullName, associationName: organisations.nameVi })
        .from(verificationRequests)
        .innerJoin(expertProfiles, eq(expertProfiles.id, verificationRequests.profileId))
        .leftJoin(organisations, eq(organisations.id, verificationRequests.associationId))
        .where(and(...filters))
        .orderBy(asc(verificationRequests.createdAt))
        .limit(500);
    },

    /** Age and type of each pending request in scope (the dashboard). */
    pending(associationIds: string[] | null) {
      return db
        .select({ createdAt: verificationRequests.createdAt, itemType: verificationRequests.itemType })
        .from(verificationRequests)
        .where(
          and(
            eq(verificationRequests.status, 'pending'),
            ...(associationIds ? [inArray(verificationRequests.associationId, associationIds)] : []),
          ),
        );
    },

    /** A merge: requests follow the person to the kept profile. */
    async moveToProfile(tx: DbOrTx, fromProfileId: string, toProfileId: string) {
      await tx.update(verificationRequests).set({ profileId: toProfileId }).where(eq(verificationRequests.profileId, fromProfileId));
    },
  };
}
export type VerificationRepository = ReturnType<typeof createVerificationRepository>;
