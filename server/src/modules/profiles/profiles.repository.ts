import { type DbOrTx, type ExpertProfileRow, expertProfiles, profileVersions } from '@hpen/db';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';

export type NewProfile = typeof expertProfiles.$inferInsert;

export function createProfilesRepository({ db }: { db: DbOrTx }) {
  return {
    async findById(id: string, tx: DbOrTx = db): Promise<ExpertProfileRow | undefined> {
      const [row] = await tx.select().from(expertProfiles).where(eq(expertProfiles.id, id));
      return row;
    },

    async findByUserId(userId: string, tx: DbOrTx = db): Promise<ExpertProfileRow | undefined> {
      const [row] = await tx.select().from(expertProfiles).where(eq(expertProfiles.userId, userId));
      return row;
    },

    async insert(tx: DbOrTx, values: NewProfile): Promise<ExpertProfileRow> {
      const [row] = await tx.insert(expertProfiles).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Writes only if the stored version is still `expectedVersion`; undefined means someone else saved first. */
    async updateIfVersion(tx: DbOrTx, id: string, expectedVersion: number, values: Partial<NewProfile>): Promise<ExpertProfileRow | undefined> {
      const [row] = await tx
        .update(expertProfiles)
        .set({ ...values, version: expectedVersion + 1 })
        .where(and(eq(expertProfiles.id, id), eq(expertProfiles.version, expectedVersion)))
        .returning();
      return row;
    },

    async delete(tx: DbOrTx, id: string) {
      await tx.delete(expertProfiles).where(eq(expertProfiles.id, id));
    },

    async insertVersion(tx: DbOrTx, values: typeof profileVersions.$inferInsert) {
      await tx.insert(profileVersions).values(values);
    },

    listVersions(profileId: string, tx: DbOrTx = db) {
      return tx.select().from(profileVersions).where(eq(profileVersions.profileId, profileId)).orderBy(desc(profileVersions.version));
    },

    findUnclaimedByContactEmail(email: string, tx: DbOrTx = db) {
      return tx
        .select()
        .from(expertProfiles)
        .where(and(isNull(expertProfiles.userId), eq(expertProfiles.contactEmail, email.toLowerCase())))
        .orderBy(asc(expertProfiles.createdAt));
    },
  };
}
export type ProfilesRepository = ReturnType<typeof createProfilesRepository>;
