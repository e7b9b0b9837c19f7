import { appMeta, type DbOrTx } from '@hpen/db';
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
