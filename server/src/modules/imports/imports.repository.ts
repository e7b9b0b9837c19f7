import { type DbOrTx, expertProfiles, importJobs, importRows, insertMany } from '@hpen/db';
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { JOB_ERROR_MAX_CHARS } from './import-limits.js';

export type ImportJobValues = typeof importJobs.$inferInsert;
export type ImportRowValues = typeof importRows.$inferInsert;

/** Every column but the error, which is read cut short (a job stored before the cap may hold megabytes). */
const jobColumns = {
  id: importJobs.id,
  associationId: importJobs.associationId,
  createdBy: importJobs.createdBy,
  filename: importJobs.filename,
  format: importJobs.format,
  sha256: importJobs.sha256,
  size: importJobs.size,
  status: importJobs.status,
  totalRows: importJobs.totalRows,
  processedRows: importJobs.processedRows,
  importedThrough: importJobs.importedThrough,
  counts: importJobs.counts,
  error: sql<string | null>`left(${importJobs.error}, ${JOB_ERROR_MAX_CHARS})`,
  clean: importJobs.clean,
  createdAt: importJobs.createdAt,
  updatedAt: importJobs.updatedAt,
  finishedAt: importJobs.finishedAt,
};

export function createImportsRepository({ db }: { db: DbOrTx }) {
  return {
    async findJob(id: string) {
      const [row] = await db.select(jobColumns).from(importJobs).where(eq(importJobs.id, id));
      return row;
    },

    /** The 50 most recent jobs of one association, of some, or (null) of all. */
    listJobs(associationIds: string[] | null) {
      return db
        .select(jobColumns)
        .from(importJobs)
        .where(associationIds ? inArray(importJobs.associationId, associationIds) : undefined)
        .orderBy(desc(importJobs.createdAt))
        .limit(50);
    },

    async insertJob(tx: DbOrTx, values: ImportJobValues) {
      const [row] = await tx.insert(importJobs).values(values).returning(jobColumns);
      return row!;
    },

    async updateJob(id: string, values: Partial<ImportJobValues>, tx: DbOrTx = db) {
      await tx
        .update(importJobs)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(importJobs.id, id));
    },

    /** Moves a job from `from` to `to` unless someone else did first; undefined if they did. */
    async transition(id: string, from: string, values: Partial<ImportJobValues>) {
      const [row] = await db
        .update(importJobs)
        .set({ ...values, updatedAt: new Date() })
        .where(and(eq(importJobs.id, id), eq(importJobs.status, from as 'importing')))
        .returning(jobColumns);
      return row;
    },

    jobsIn(status: 'importing' | 'parsing') {
      return db.select(jobColumns).from(importJobs).where(eq(importJobs.status, status));
    },

    /** A job goes with its rows (cascade). */
    async deleteJob(tx: DbOrTx, id: string) {
      await tx.delete(importJobs).where(eq(importJobs.id, id));
    },

    async insertRows(rows: ImportRowValues[]) {
      await insertMany(db, importRows, rows);
    },

    /** A dry run that starts again from the file replaces what an earlier attempt wrote. */
    async deleteRows(jobId: string) {
      await db.delete(importRows).where(eq(importRows.jobId, jobId));
    },

    async countRowsThrough(jobId: string, rowNumber: number) {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(importRows)
        .where(and(eq(importRows.jobId, jobId), lte(importRows.rowNumber, rowNumber)));
      return row?.n ?? 0;
    },

    rowsAfter(jobId: string, rowNumber: number, limit: number) {
      return db
        .select()
        .from(importRows)
        .where(and(eq(importRows.jobId, jobId), gt(importRows.rowNumber, rowNumber)))
        .orderBy(asc(importRows.rowNumber))
        .limit(limit);
    },

    /** `places`: only rows whose place (old district, old Hải Dương address) was resolved, with what it became. */
    async rowsPage(jobId: string, action: string | undefined, limit: number, offset: number, places = false) {
      const where = and(
        eq(importRows.jobId, jobId),
        action ? eq(importRows.action, action) : undefined,
        places ? sql`${importRows.data} ? 'place_note'` : undefined,
      );
      const [rows, total] = await Promise.all([
        db.select().from(importRows).where(where).orderBy(asc(importRows.rowNumber)).limit(limit).offset(offset),
        db.$count(importRows, where),
      ]);
      return { rows, total };
    },

    /** What matching may use of each profile: the identifiers, and the visibility that says who may see them. */
    matchCandidates(tx: DbOrTx = db) {
      return tx
        .select({
          id: expertProfiles.id,
          email: expertProfiles.contactEmail,
          orcid: expertProfiles.orcid,
          name: expertProfiles.fullNameFolded,
          birthYear: expertProfiles.birthYear,
          userId: expertProfiles.userId,
          visibility: expertProfiles.visibility,
        })
        .from(expertProfiles);
    },
  };
}
export type ImportsRepository = ReturnType<typeof createImportsRepository>;
export type ImportJob = NonNullable<Awaited<ReturnType<ImportsRepository['findJob']>>>;
