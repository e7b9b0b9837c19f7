import { appMeta, type DbOrTx } from '@hpen/db';
import { eq } from 'drizzle-orm';

const DOCUMENTS_VERSION_KEY = 'search.documentsVersion';

/** What the search side records about the indexes it built: the shape of their documents. */
export function createSearchMetaRepository({ db }: { db: DbOrTx }) {
  return {
    async documentsVersion(): Promise<number | null> {
      const [row] = await db.select().from(appMeta).where(eq(appMeta.key, DOCUMENTS_VERSION_KEY));
      return typeof row?.value === 'number' ? row.value : null;
    },
    async setDocumentsVersion(version: number) {
      await db
        .insert(appMeta)
        .values({ key: DOCUMENTS_VERSION_KEY, value: version })
        .onConflictDoUpdate({ target: appMeta.key, set: { value: version, updatedAt: new Date() } });
    },
  };
}
export type SearchMetaRepository = ReturnType<typeof createSearchMetaRepository>;
