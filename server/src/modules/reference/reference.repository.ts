import { type DbOrTx, taxonomyFields, taxonomyVersions } from '@hpen/db';
import { asc, eq } from 'drizzle-orm';

export function createReferenceRepository({ db }: { db: DbOrTx }) {
  return {
    async currentTaxonomyVersion() {
      const [row] = await db.select().from(taxonomyVersions).where(eq(taxonomyVersions.isCurrent, true));
      return row;
    },
    async findTaxonomyVersion(code: string) {
      const [row] = await db.select().from(taxonomyVersions).where(eq(taxonomyVersions.code, code));
      return row;
    },
    listFields(version: string) {
      return db
        .select({
          code: taxonomyFields.code,
          level: taxonomyFields.level,
          parentCode: taxonomyFields.parentCode,
          nameVi: taxonomyFields.nameVi,
          nameEn: taxonomyFields.nameEn,
        })
        .from(taxonomyFields)
        .where(eq(taxonomyFields.version, version))
        .orderBy(asc(taxonomyFields.code));
    },
  };
}
export type ReferenceRepository = ReturnType<typeof createReferenceRepository>;
