import {
  type DbOrTx,
  expertProfiles,
  organisations,
  programApplicationDocuments,
  programApplicationEvents,
  programApplicationReviewers,
  programApplications,
  programs,
  programVersions,
  users,
} from '@hpen/db';
import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';

export type NewProgram = typeof programs.$inferInsert;
export type NewApplication = typeof programApplications.$inferInsert;

/** Programs, their versions and applications: the only file of the module that touches tables. */
export function createProgramsRepository({ db }: { db: DbOrTx }) {
  return {
    async insertProgram(tx: DbOrTx, values: NewProgram) {
      const [row] = await tx.insert(programs).values(values).returning();
      return row!;
    },
    async findProgram(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(programs).where(eq(programs.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },
    async findProgramByCode(code: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(programs).where(eq(programs.code, code));
      return row;
    },
    async updateProgram(tx: DbOrTx, id: string, values: Partial<NewProgram>) {
      const [row] = await tx
        .update(programs)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(programs.id, id))
        .returning();
      return row!;
    },
    /** Programs with their current version's row. */
    listWithCurrent(statuses: readonly string[] | null, tx: DbOrTx = db) {
      return tx
        .select({ program: programs, version: programVersions })
        .from(programs)
        .innerJoin(programVersions, and(eq(programVersions.programId, programs.id), eq(programVersions.version, programs.currentVersion)))
        .where(statuses ? inArray(programs.status, [...statuses] as Array<(typeof programs.$inferSelect)['status']>) : sql`true`)
        .orderBy(asc(programs.code));
    },
    async version(programId: string, version: number, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(programVersions)
        .where(and(eq(programVersions.programId, programId), eq(programVersions.version, version)));
      return row;
    },
    async versionById(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(programVersions).where(eq(programVersions.id, id));
      return row;
    },
    versions: (programId: string) =>
      db.select().from(programVersions).where(eq(programVersions.programId, programId)).orderBy(desc(programVersions.version)),
    async insertVersion(tx: DbOrTx, values: typeof programVersions.$inferInsert) {
      const [row] = await tx.insert(programVersions).values(values).returning();
      return row!;
    },
    async updateVersion(tx: DbOrTx, id: string, values: Partial<typeof programVersions.$inferInsert>) {
      const [row] = await tx.update(programVersions).set(values).where(eq(programVersions.id, id)).returning();
      return row!;
    },
    async organisationIdByCode(code: string, tx: DbOrTx = db) {
      const [row] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, code));
      return row?.id ?? null;
    },
    async organisation(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
      return row;
    },

    // ---- applications ----
    async insertApplication(tx: DbOrTx, values: NewApplication) {
      const [row] = await tx.insert(programApplications).values(values).returning();
      return row!;
    },
    async findApplication(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(programApplications).where(eq(programApplications.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },
    async updateApplication(tx: DbOrTx, id: string, values: Partial<NewApplication>) {
      const [row] = await tx
        .update(programApplications)
        .set({ ...values, version: sql`${programApplications.version} + 1`, updatedAt: new Date() })
        .where(eq(programApplications.id, id))
        .returning();
      return row!;
    },
    /** An open application of this profile to this program (one at a time). */
    async openApplication(programId: string, profileId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ id: programApplications.id })
        .from(programApplications)
        .where(
          and(
            eq(programApplications.programId, programId),
            eq(programApplications.profileId, profileId),
            sql`${programApplications.status} not in ('rejected', 'withdrawn')`,
          ),
        );
      return row;
    },
    /** Applications with their program, version and applicant name, filtered. */
    listApplications(filter: {
      profileId?: string;
      organisationId?: string;
      programId?: string;
      status?: string;
      excludeDrafts?: boolean;
    }) {
      const conds = [
        filter.profileId ? eq(programApplications.profileId, filter.profileId) : undefined,
        filter.organisationId ? eq(programs.organisationId, filter.organisationId) : undefined,
        filter.programId ? eq(programApplications.programId, filter.programId) : undefined,
        filter.status ? eq(programApplications.status, filter.status as NewApplication['status'] & string) : undefined,
        filter.excludeDrafts ? ne(programApplications.status, 'draft') : undefined,
      ].filter((c) => c !== undefined);
      return db
        .select({ a: programApplications, program: programs, version: programVersions, applicantName: expertProfiles.fullName })
        .from(programApplications)
        .innerJoin(programs, eq(programs.id, programApplications.programId))
        .innerJoin(programVersions, eq(programVersions.id, programApplications.programVersionId))
        .innerJoin(expertProfiles, eq(expertProfiles.id, programApplications.profileId))
        .where(and(...conds))
        .orderBy(asc(programApplications.submittedAt), desc(programApplications.updatedAt))
        .limit(500);
    },
    async insertEvent(tx: DbOrTx, values: typeof programApplicationEvents.$inferInsert) {
      await tx.insert(programApplicationEvents).values(values);
    },
    events: (applicationId: string) =>
      db
        .select()
        .from(programApplicationEvents)
        .where(eq(programApplicationEvents.applicationId, applicationId))
        .orderBy(asc(programApplicationEvents.id)),
    documents: (applicationId: string, tx: DbOrTx = db) =>
      tx
        .select()
        .from(programApplicationDocuments)
        .where(eq(programApplicationDocuments.applicationId, applicationId))
        .orderBy(asc(programApplicationDocuments.createdAt)),
    async document(applicationId: string, documentId: string) {
      const [row] = await db
        .select()
        .from(programApplicationDocuments)
        .where(and(eq(programApplicationDocuments.applicationId, applicationId), eq(programApplicationDocuments.id, documentId)));
      return row;
    },
    async insertDocument(tx: DbOrTx, values: typeof programApplicationDocuments.$inferInsert) {
      const [row] = await tx.insert(programApplicationDocuments).values(values).returning();
      return row!;
    },
    /** Active staff of an organisation (the program's officers), to notify. */
    async staffUserIds(organisationId: string | null, tx: DbOrTx = db) {
      if (!organisationId) return [];
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organisationId, organisationId), inArray(users.role, ['officer', 'admin']), eq(users.status, 'active')));
      return rows.map((r) => r.id);
    },

    reviewers: (applicationId: string, tx: DbOrTx = db) =>
      tx
        .select()
        .from(programApplicationReviewers)
        .where(eq(programApplicationReviewers.applicationId, applicationId))
        .orderBy(asc(programApplicationReviewers.createdAt)),
    async reviewer(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(programApplicationReviewers).where(eq(programApplicationReviewers.id, id));
      return (await (lock ? q.for('update') : q))[0] ?? null;
    },
    async reviewerSeat(applicationId: string, userId: string, tx: DbOrTx = db) {
      const rows = await tx
        .select()
        .from(programApplicationReviewers)
        .where(and(eq(programApplicationReviewers.applicationId, applicationId), eq(programApplicationReviewers.userId, userId)));
      return rows[0] ?? null;
    },
    /** A reviewer's seats, newest first, with the application they are on. */
    reviewerSeatsOf: (userId: string) =>
      db
        .select({ seat: programApplicationReviewers, application: programApplications })
        .from(programApplicationReviewers)
        .innerJoin(programApplications, eq(programApplications.id, programApplicationReviewers.applicationId))
        .where(eq(programApplicationReviewers.userId, userId))
        .orderBy(desc(programApplicationReviewers.createdAt))
        .limit(200),
    async insertReviewer(tx: DbOrTx, values: typeof programApplicationReviewers.$inferInsert) {
      return (await tx.insert(programApplicationReviewers).values(values).onConflictDoNothing().returning())[0] ?? null;
    },
    async updateReviewer(tx: DbOrTx, id: string, values: Partial<typeof programApplicationReviewers.$inferInsert>) {
      return (await tx.update(programApplicationReviewers).set(values).where(eq(programApplicationReviewers.id, id)).returning())[0]!;
    },
    async deleteReviewer(tx: DbOrTx, id: string) {
      await tx.delete(programApplicationReviewers).where(eq(programApplicationReviewers.id, id));
    },
  };
}
export type ProgramsRepository = ReturnType<typeof createProgramsRepository>;
