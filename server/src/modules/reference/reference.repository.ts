import {
  ADMIN_UNITS_2025,
  type DbOrTx,
  adminUnits,
  adminUnitVersions,
  expertProfiles,
  insertMany,
  readAdminUnits2025,
  taxonomyCrosswalks,
  taxonomyFields,
  taxonomyVersions,
} from '@hpen/db';
import { and, asc, desc, eq, sql } from 'drizzle-orm';

export function createReferenceRepository({ db }: { db: DbOrTx }) {
  return {
    /** Loads the 2025 administrative units once per database (idempotent; a later list is a new version). */
    async ensureAdminUnits(): Promise<boolean> {
      return db.transaction(async (tx) => {
        const inserted = await tx
          .insert(adminUnitVersions)
          .values({
            code: ADMIN_UNITS_2025.code,
            title: ADMIN_UNITS_2025.title,
            source: ADMIN_UNITS_2025.source,
            licence: ADMIN_UNITS_2025.licence,
            isCurrent: true,
          })
          .onConflictDoNothing()
          .returning({ code: adminUnitVersions.code });
        if (inserted.length === 0) return false;
        await insertMany(
          tx,
          adminUnits,
          readAdminUnits2025().map((u) => ({ ...u, version: ADMIN_UNITS_2025.code })),
        );
        return true;
      });
    },
    async currentAdminUnitVersion() {
      const [row] = await db.select().from(adminUnitVersions).where(eq(adminUnitVersions.isCurrent, true));
      return row;
    },
    listAdminUnits(version: string, level: 'province' | 'commune') {
      return db
        .select({
          code: adminUnits.code,
          provinceCode: adminUnits.provinceCode,
          nameVi: adminUnits.nameVi,
          nameEn: adminUnits.nameEn,
          kind: adminUnits.kind,
          formerProvince: adminUnits.formerProvince,
        })
        .from(adminUnits)
        .where(and(eq(adminUnits.version, version), eq(adminUnits.level, level)))
        .orderBy(asc(adminUnits.code));
    },
    /** A new classification version becomes the current one, with its fields and the crosswalk from the previous one. */
    async insertTaxonomyVersion(
      tx: DbOrTx,
      input: {
        code: string;
        title: string;
        legalReference: string | null;
        fromVersion: string;
        fields: Array<{ code: string; level: number; parentCode: string | null; nameVi: string; nameEn: string }>;
        crosswalk: Array<{ oldCode: string; newCode: string }>;
      },
    ): Promise<void> {
      await tx.update(taxonomyVersions).set({ isCurrent: false }).where(eq(taxonomyVersions.isCurrent, true));
      await tx
        .insert(taxonomyVersions)
        .values({ code: input.code, title: input.title, legalReference: input.legalReference, isCurrent: true });
      await insertMany(
        tx,
        taxonomyFields,
        input.fields.map((f) => ({ ...f, version: input.code })),
      );
      await insertMany(
        tx,
        taxonomyCrosswalks,
        input.crosswalk.map((c) => ({ ...c, fromVersion: input.fromVersion, toVersion: input.code })),
      );
    },
    async currentTaxonomyVersion() {
      const [row] = await db.select().from(taxonomyVersions).where(eq(taxonomyVersions.isCurrent, true));
      return row;
    },
    /** Every classification version, newest first, with its number of fields and crosswalk rows into it. */
    listTaxonomyVersions() {
      return db
        .select({
          code: taxonomyVersions.code,
          title: taxonomyVersions.title,
          legalReference: taxonomyVersions.legalReference,
          isCurrent: taxonomyVersions.isCurrent,
          createdAt: taxonomyVersions.createdAt,
          fields: sql<number>`(select count(*)::int from ${taxonomyFields} f where f.version = ${taxonomyVersions}.code)`,
          crosswalkRows: sql<number>`(select count(*)::int from ${taxonomyCrosswalks} c where c.to_version = ${taxonomyVersions}.code)`,
        })
        .from(taxonomyVersions)
        .orderBy(desc(taxonomyVersions.createdAt), desc(taxonomyVersions.code));
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

    /** Keywords of profiles whose expertise is public, with each profile's primary field, counted. */
    async publicKeywordUsage(): Promise<Array<{ keyword: string; fieldCode: string | null; count: number }>> {
      const p = expertProfiles;
      const result: unknown = await db.execute(sql`
        select k.value as keyword, f.code as field_code, count(*)::int as n
        from ${p}
        cross join lateral jsonb_array_elements_text(coalesce(${p.content}->'keywords', '[]'::jsonb)) as k(value)
        left join lateral (
          select e->>'code' as code from jsonb_array_elements(coalesce(${p.content}->'fields', '[]'::jsonb)) as e
          where (e->>'primary')::boolean limit 1
        ) as f on true
        where ${p.visibility}->>'expertise' = 'public'
        group by 1, 2`);
      // postgres.js answers an array of rows, PGlite an object holding them.
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{
        keyword: string;
        field_code: string | null;
        n: number;
      }>;
      return rows.map((r) => ({ keyword: r.keyword, fieldCode: r.field_code, count: Number(r.n) }));
    },
  };
}
export type ReferenceRepository = ReturnType<typeof createReferenceRepository>;
