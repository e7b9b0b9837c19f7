import { appMeta, type DbOrTx, expertProfiles, users } from '@hpen/db';
import { eq } from 'drizzle-orm';

export function createMetaRepository({ db }: { db: DbOrTx }) {
  return {
    async get(key: string, tx: DbOrTx = db): Promise<unknown> {
      const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, key));
      return row?.value;
    },
    async set(tx: DbOrTx, key: string, value: unknown) {
      await tx
        .insert(appMeta)
        .values({ key, value })
        .onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date() } });
    },
  };
}
export type MetaRepository = ReturnType<typeof createMetaRepository>;

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
