import {
  type DbOrTx,
  expertProfiles,
  offerAlertSubscriptions,
  offerInterests,
  offers,
  organisations,
  programApplications,
  programCommitments,
  programs,
  programVersions,
  users,
} from '@hpen/db';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';

export type NewOffer = typeof offers.$inferInsert;
export type NewCommitment = typeof programCommitments.$inferInsert;

/** Offers, interests, alert opt-ins and service commitments: the only file of the module that touches tables. */
export function createOffersRepository({ db }: { db: DbOrTx }) {
  const offerWithNames = (tx: DbOrTx) =>
    tx
      .select({ offer: offers, organisationName: organisations.nameVi, programCode: programs.code })
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.organisationId))
      .leftJoin(programs, eq(programs.id, offers.programId));

  return {
    async insertOffer(tx: DbOrTx, values: NewOffer) {
      const [row] = await tx.insert(offers).values(values).returning();
      return row!;
    },
    async findOffer(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(offers).where(eq(offers.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },
    async offerWithNames(id: string, tx: DbOrTx = db) {
      const [row] = await offerWithNames(tx).where(eq(offers.id, id));
      return row;
    },
    async updateOffer(tx: DbOrTx, id: string, values: Partial<NewOffer>) {
      const [row] = await tx
        .update(offers)
        .set({ ...values, version: sql`${offers.version} + 1`, updatedAt: new Date() })
        .where(eq(offers.id, id))
        .returning();
      return row!;
    },
    /** Offers with their organisation's name and program code, newest first (a few hundred at most: filtered in the service). */
    listOffers(filter: { statuses?: ReadonlyArray<'draft' | 'published' | 'closed'>; organisationId?: string }) {
      const conds = [
        filter.statuses ? inArray(offers.status, [...filter.statuses]) : undefined,
        filter.organisationId ? eq(offers.organisationId, filter.organisationId) : undefined,
      ].filter((c) => c !== undefined);
      return offerWithNames(db)
        .where(and(...conds))
        .orderBy(desc(offers.publishedAt), desc(offers.createdAt))
        .limit(2000);
    },
    async organisation(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
      return row;
    },
    /** A program with its current version (the rules an offer's linked program applies). */
    async programWithCurrent(id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ program: programs, version: programVersions })
        .from(programs)
        .innerJoin(programVersions, and(eq(programVersions.programId, programs.id), eq(programVersions.version, programs.currentVersion)))
        .where(eq(programs.id, id));
      return row;
    },
    async programVersion(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(programVersions).where(eq(programVersions.id, id));
      return row;
    },

    // ---- interests ----
    async findInterest(offerId: string, profileId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(offerInterests)
        .where(and(eq(offerInterests.offerId, offerId), eq(offerInterests.profileId, profileId)));
      return row;
    },
    async insertInterest(tx: DbOrTx, values: typeof offerInterests.$inferInsert) {
      const [row] = await tx.insert(offerInterests).values(values).returning();
      return row!;
    },
    async updateInterest(tx: DbOrTx, id: string, values: Partial<typeof offerInterests.$inferInsert>) {
      const [row] = await tx
        .update(offerInterests)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(offerInterests.id, id))
        .returning();
      return row!;
    },
    /** Active interests in an offer with the interested profile's row (projected by the service). */
    interestsOfOffer: (offerId: string) =>
      db
        .select({ interest: offerInterests, profile: expertProfiles })
        .from(offerInterests)
        .innerJoin(expertProfiles, eq(expertProfiles.id, offerInterests.profileId))
        .where(and(eq(offerInterests.offerId, offerId), eq(offerInterests.status, 'active')))
        .orderBy(asc(offerInterests.createdAt)),
    interestsOfProfile: (profileId: string) =>
      db
        .select({ interest: offerInterests, offerTitle: offers.title })
        .from(offerInterests)
        .innerJoin(offers, eq(offers.id, offerInterests.offerId))
        .where(eq(offerInterests.profileId, profileId))
        .orderBy(desc(offerInterests.updatedAt)),
    async interestCounts(offerIds: string[]) {
      if (offerIds.length === 0) return new Map<string, number>();
      const rows = await db
        .select({ offerId: offerInterests.offerId, n: sql<number>`count(*)::int` })
        .from(offerInterests)
        .where(and(inArray(offerInterests.offerId, offerIds), eq(offerInterests.status, 'active')))
        .groupBy(offerInterests.offerId);
      return new Map(rows.map((r) => [r.offerId, Number(r.n)]));
    },

    // ---- alerts ----
    async subscribe(tx: DbOrTx, userId: string) {
      await tx.insert(offerAlertSubscriptions).values({ userId }).onConflictDoNothing();
    },
    async unsubscribe(tx: DbOrTx, userId: string) {
      await tx.delete(offerAlertSubscriptions).where(eq(offerAlertSubscriptions.userId, userId));
    },
    async subscribed(userId: string) {
      const [row] = await db.select().from(offerAlertSubscriptions).where(eq(offerAlertSubscriptions.userId, userId));
      return !!row;
    },
    /** Subscribers with their own profile (alerts compare the offer with it). */
    subscribers: () =>
      db
        .select({ userId: offerAlertSubscriptions.userId, profile: expertProfiles })
        .from(offerAlertSubscriptions)
        .innerJoin(users, and(eq(users.id, offerAlertSubscriptions.userId), eq(users.status, 'active')))
        .innerJoin(expertProfiles, eq(expertProfiles.userId, offerAlertSubscriptions.userId)),

    /** Active staff of an organisation with the given roles (to notify or to check who confirms). */
    async staffUserIds(organisationId: string | null, roles: ReadonlyArray<'agency' | 'officer' | 'admin'>, tx: DbOrTx = db) {
      if (!organisationId) return [];
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.organisationId, organisationId), inArray(users.role, [...roles]), eq(users.status, 'active')));
      return rows.map((r) => r.id);
    },

    // ---- commitments ----
    async insertCommitment(tx: DbOrTx, values: NewCommitment) {
      const [row] = await tx.insert(programCommitments).values(values).onConflictDoNothing().returning();
      return row;
    },
    async findCommitment(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(programCommitments).where(eq(programCommitments.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },
    async updateCommitment(tx: DbOrTx, id: string, values: Partial<NewCommitment>) {
      const [row] = await tx
        .update(programCommitments)
        .set({ ...values, version: sql`${programCommitments.version} + 1`, updatedAt: new Date() })
        .where(eq(programCommitments.id, id))
        .returning();
      return row!;
    },
    listCommitments(filter: { profileId?: string; status?: string; ids?: string[] } = {}) {
      const conds = [
        filter.profileId ? eq(programCommitments.profileId, filter.profileId) : undefined,
        filter.status ? eq(programCommitments.status, filter.status as NewCommitment['status'] & string) : undefined,
        filter.ids ? inArray(programCommitments.id, filter.ids) : undefined,
      ].filter((c) => c !== undefined);
      return db
        .select({
          c: programCommitments,
          programCode: programs.code,
          programOrganisationId: programs.organisationId,
          expertName: expertProfiles.fullName,
          expertUserId: expertProfiles.userId,
        })
        .from(programCommitments)
        .innerJoin(programs, eq(programs.id, programCommitments.programId))
        .innerJoin(expertProfiles, eq(expertProfiles.id, programCommitments.profileId))
        .where(and(...conds))
        .orderBy(asc(programCommitments.startDate), asc(programCommitments.id))
        .limit(1000);
    },
    /** Changes with any profile insert, edit or deletion (the eligible-search cache key). */
    async profilesStamp() {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${expertProfiles.updatedAt})::text` })
        .from(expertProfiles);
      return `${row?.n ?? 0}:${row?.last ?? ''}`;
    },
    /** The program version an application was assessed against. */
    async applicationVersion(applicationId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ version: programVersions })
        .from(programApplications)
        .innerJoin(programVersions, eq(programVersions.id, programApplications.programVersionId))
        .where(eq(programApplications.id, applicationId));
      return row?.version;
    },
    async commitmentIdsWithEmployer(tx: DbOrTx = db) {
      return tx.select({ id: programCommitments.id }).from(programCommitments).where(isNotNull(programCommitments.employerOrganisationId));
    },
  };
}
export type OffersRepository = ReturnType<typeof createOffersRepository>;
