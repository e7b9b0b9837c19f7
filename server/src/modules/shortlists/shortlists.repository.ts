import { type DbOrTx, expertProfiles, shortlistItems, shortlists } from '@hpen/db';
import { and, asc, count, desc, eq } from 'drizzle-orm';

export function createShortlistsRepository({ db }: { db: DbOrTx }) {
  return {
    listForOwner(ownerUserId: string) {
      return db
        .select({
          id: shortlists.id,
          name: shortlists.name,
          description: shortlists.description,
          createdAt: shortlists.createdAt,
          updatedAt: shortlists.updatedAt,
          count: count(shortlistItems.profileId),
        })
        .from(shortlists)
        .leftJoin(shortlistItems, eq(shortlistItems.shortlistId, shortlists.id))
        .where(eq(shortlists.ownerUserId, ownerUserId))
        .groupBy(shortlists.id)
        .orderBy(desc(shortlists.updatedAt));
    },

    async countForOwner(ownerUserId: string, tx: DbOrTx = db) {
      return tx.$count(shortlists, eq(shortlists.ownerUserId, ownerUserId));
    },

    async findOwned(id: string, ownerUserId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(shortlists)
        .where(and(eq(shortlists.id, id), eq(shortlists.ownerUserId, ownerUserId)));
      return row;
    },

    /** Items with the profile row, oldest first (the order they were added). */
    items(shortlistId: string, tx: DbOrTx = db) {
      return tx
        .select({ item: shortlistItems, profile: expertProfiles })
        .from(shortlistItems)
        .innerJoin(expertProfiles, eq(expertProfiles.id, shortlistItems.profileId))
        .where(eq(shortlistItems.shortlistId, shortlistId))
        .orderBy(asc(shortlistItems.addedAt));
    },

    async countItems(shortlistId: string, tx: DbOrTx = db) {
      return tx.$count(shortlistItems, eq(shortlistItems.shortlistId, shortlistId));
    },

    async insert(tx: DbOrTx, values: typeof shortlists.$inferInsert) {
      const [row] = await tx.insert(shortlists).values(values).returning();
      return row!;
    },

    async update(tx: DbOrTx, id: string, values: Partial<typeof shortlists.$inferInsert>) {
      const [row] = await tx
        .update(shortlists)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(shortlists.id, id))
        .returning();
      return row!;
    },

    async delete(tx: DbOrTx, id: string) {
      await tx.delete(shortlists).where(eq(shortlists.id, id));
    },

    async upsertItem(tx: DbOrTx, values: typeof shortlistItems.$inferInsert) {
      const [row] = await tx
        .insert(shortlistItems)
        .values(values)
        .onConflictDoUpdate({ target: [shortlistItems.shortlistId, shortlistItems.profileId], set: { note: values.note ?? '' } })
        .returning();
      return row!;
    },

    async deleteItem(tx: DbOrTx, shortlistId: string, profileId: string) {
      const rows = await tx
        .delete(shortlistItems)
        .where(and(eq(shortlistItems.shortlistId, shortlistId), eq(shortlistItems.profileId, profileId)))
        .returning({ profileId: shortlistItems.profileId });
      return rows.length > 0;
    },

    /** A duplicate merge: entries follow the person to the kept profile (a list that has both keeps one). */
    async moveItemsToProfile(tx: DbOrTx, fromProfileId: string, toProfileId: string) {
      const rows = await tx.select().from(shortlistItems).where(eq(shortlistItems.profileId, fromProfileId));
      if (rows.length)
        await tx
          .insert(shortlistItems)
          .values(rows.map((i) => ({ ...i, profileId: toProfileId })))
          .onConflictDoNothing();
      await tx.delete(shortlistItems).where(eq(shortlistItems.profileId, fromProfileId));
    },
  };
}
export type ShortlistsRepository = ReturnType<typeof createShortlistsRepository>;
