import { appMeta, type DbOrTx, expertProfiles, organisations, taxonomyFields, taxonomyVersions, users } from '@hpen/db';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';

/** The seed's own reads and writes: its run marker (app_meta) and the taxonomy codes it draws from. */
export function createSeedRepository({ db }: { db: DbOrTx }) {
  return {
    async getMeta(key: string, tx: DbOrTx = db): Promise<unknown> {
      const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, key));
      return row?.value;
    },
    async setMeta(tx: DbOrTx, key: string, value: unknown) {
      await tx
        .insert(appMeta)
        .values({ key, value })
        .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date() } });
    },
    /** The sub-field codes of the current taxonomy (below the six top-level areas): what experts pick. */
    async currentFieldCodes(): Promise<string[]> {
      const rows = await db
        .select({ code: taxonomyFields.code })
        .from(taxonomyFields)
        .innerJoin(taxonomyVersions, eq(taxonomyVersions.code, taxonomyFields.version))
        .where(and(eq(taxonomyVersions.isCurrent, true), gt(taxonomyFields.level, 1)));
      return rows.map((r) => r.code);
    },
  };
}
export type SeedRepository = ReturnType<typeof createSeedRepository>;

/** What the consultation demo needs to act as the demo accounts. */
export function createDemoActorsRepository({ db }: { db: DbOrTx }) {
  return {
    async actor(email: string) {
      const [row] = await db
        .select({ userId: users.id, role: users.role, organisationId: users.organisationId, profileId: expertProfiles.id })
        .from(users)
        .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
        .where(eq(users.email, email));
      return row;
    },
  };
}

/**
 * The demo works on at most this many generated (unclaimed) profiles: a fresh demo has about 300, and
 * a first start over a large registry (a benchmark's 100 000 profiles, an import) must not share,
 * import and apply over all of them.
 */
export const DEMO_PROFILE_POOL = 1_000;

/** What the curation demo reads: the associations by code and the generated (unclaimed) profiles, in a stable order. */
export function createDemoCurationRepository({ db }: { db: DbOrTx }) {
  return {
    async organisationId(code: string) {
      const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, code));
      return row?.id;
    },
    unclaimedProfiles() {
      return db
        .select()
        .from(expertProfiles)
        .where(isNull(expertProfiles.userId))
        .orderBy(asc(expertProfiles.contactEmail), asc(expertProfiles.id))
        .limit(DEMO_PROFILE_POOL);
    },
  };
}
