import { type DbOrTx, type ExpertProfileRow, expertProfiles, insertMany, profileVersions } from '@hpen/db';
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';

import { profilesErrors } from './profiles.errors.js';

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

    findByIds(ids: string[], tx: DbOrTx = db): Promise<ExpertProfileRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return tx.select().from(expertProfiles).where(inArray(expertProfiles.id, ids));
    },

    /** Keyset pages of every profile, by id: a reindex or drift check reads them all. */
    async *pages(pageSize: number): AsyncGenerator<ExpertProfileRow[]> {
      let after: string | null = null;
      for (;;) {
        const rows: ExpertProfileRow[] = await db
          .select()
          .from(expertProfiles)
          .where(after ? gt(expertProfiles.id, after) : undefined)
          .orderBy(asc(expertProfiles.id))
          .limit(pageSize);
        if (rows.length) yield rows;
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },

    /** Every profile that names at least one field, with those fields (a taxonomy move reads them all). */
    withFields(tx: DbOrTx = db): Promise<Array<{ id: string; fields: Array<{ code: string; primary?: boolean; version?: string }> }>> {
      const fields = sql`${expertProfiles.content}->'fields'`;
      return tx
        .select({ id: expertProfiles.id, fields: sql<Array<{ code: string; primary?: boolean; version?: string }>>`${fields}` })
        .from(expertProfiles)
        .where(sql`jsonb_typeof(${fields}) = 'array' and jsonb_array_length(${fields}) > 0`);
    },

    /** Rewrites only the fields inside the content (a taxonomy move, not an edit: no new version). */
    async setStoredFields(tx: DbOrTx, id: string, fields: unknown): Promise<void> {
      await tx
        .update(expertProfiles)
        .set({ content: sql`jsonb_set(${expertProfiles.content}, '{fields}', ${JSON.stringify(fields)}::jsonb)` })
        .where(eq(expertProfiles.id, id));
    },

    /** Profiles whose location has a pre-2025 shape: a Hải Phòng district, or a province named by slug. */
    legacyLocations(tx: DbOrTx = db): Promise<Array<{ id: string; location: unknown }>> {
      const loc = sql`${expertProfiles.content}->'location'`;
      return tx
        .select({ id: expertProfiles.id, location: sql<unknown>`${loc}` })
        .from(expertProfiles)
        .where(
          sql`jsonb_typeof(${loc}) = 'object' and (${loc} ? 'district' or (${loc}->>'kind' = 'vietnam' and ${loc}->>'province' !~ '^[0-9]{2}$'))`,
        );
    },

    /** Rewrites only the location inside the content (a reference-data migration, not an edit: no new version). */
    async setStoredLocation(tx: DbOrTx, id: string, location: unknown): Promise<void> {
      await tx
        .update(expertProfiles)
        .set({ content: sql`jsonb_set(${expertProfiles.content}, '{location}', ${JSON.stringify(location)}::jsonb)` })
        .where(eq(expertProfiles.id, id));
    },

    async count(): Promise<number> {
      return await db.$count(expertProfiles);
    },

    /** Lists or hides the profile a user owns; returns its id only when that changed something. */
    async setListedForUser(tx: DbOrTx, userId: string, listed: boolean): Promise<string | null> {
      const [row] = await tx
        .update(expertProfiles)
        .set({ listed })
        .where(and(eq(expertProfiles.userId, userId), eq(expertProfiles.listed, !listed)))
        .returning({ id: expertProfiles.id });
      return row?.id ?? null;
    },

    async insert(tx: DbOrTx, values: NewProfile): Promise<ExpertProfileRow> {
      const [row] = await tx.insert(expertProfiles).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Many new profiles in one statement (imports, seeds): the caller gives each its id. */
    async insertMany(tx: DbOrTx, rows: NewProfile[]) {
      await insertMany(tx, expertProfiles, rows);
    },

    /** Writes only if the stored version is still `expectedVersion`; undefined means someone else saved first. */
    async updateIfVersion(
      tx: DbOrTx,
      id: string,
      expectedVersion: number,
      values: Partial<NewProfile>,
    ): Promise<ExpertProfileRow | undefined> {
      const [row] = await tx
        .update(expertProfiles)
        .set({ ...values, version: expectedVersion + 1 })
        .where(and(eq(expertProfiles.id, id), eq(expertProfiles.version, expectedVersion)))
        .returning();
      return row;
    },

    /**
     * The one way to change a profile: writes `values` if nobody saved since `row` was read
     * (else 409), and records the new version with who changed what.
     */
    async saveVersion(
      tx: DbOrTx,
      row: ExpertProfileRow,
      values: Partial<NewProfile>,
      meta: { actorUserId: string | null; actorRole: string | null; changes: Array<{ field: string; before: unknown; after: unknown }> },
    ): Promise<ExpertProfileRow> {
      const updated = await this.updateIfVersion(tx, row.id, row.version, values);
      if (!updated) throw profilesErrors.versionConflict(row.version + 1);
      await this.insertVersion(tx, { profileId: row.id, version: updated.version, ...meta });
      return updated;
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
