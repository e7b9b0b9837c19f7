import {
  consultationDocuments,
  consultationEvents,
  consultationMembers,
  consultationPolicies,
  consultationReviews,
  consultations,
  type DbOrTx,
  expertProfiles,
  organisations,
  users,
} from '@hpen/db';
import { and, asc, avg, count, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';

/** The open states (consultations.state.ts activeStatuses) as an SQL list. */
const activeStatusesSql = sql`('panel_forming', 'in_review', 'consolidating')`;

export type NewConsultation = typeof consultations.$inferInsert;
export type NewMember = typeof consultationMembers.$inferInsert;

export function createConsultationsRepository({ db }: { db: DbOrTx }) {
  return {
    async insert(tx: DbOrTx, values: NewConsultation) {
      const [row] = await tx.insert(consultations).values(values).returning();
      return row!;
    },

    /** With FOR UPDATE inside a transaction: two transitions of one case run one after the other. */
    async find(id: string, tx: DbOrTx = db, lock = false) {
      const q = tx.select().from(consultations).where(eq(consultations.id, id));
      const [row] = lock ? await q.for('update') : await q;
      return row;
    },

    async update(tx: DbOrTx, id: string, values: Partial<NewConsultation>) {
      const [row] = await tx
        .update(consultations)
        .set({ ...values, version: sql`${consultations.version} + 1`, updatedAt: new Date() })
        .where(eq(consultations.id, id))
        .returning();
      return row!;
    },

    /** Cases where the organisation requests or organises, or the profile is invited. */
    listFor(organisationId: string | null, profileId: string | null) {
      const asMember = profileId
        ? sql`exists (select 1 from ${consultationMembers} m where m.consultation_id = ${consultations.id} and m.profile_id = ${profileId})`
        : sql`false`;
      const asStaff = organisationId
        ? or(eq(consultations.requesterOrganisationId, organisationId), eq(consultations.organiserOrganisationId, organisationId))
        : sql`false`;
      return db.select().from(consultations).where(or(asStaff, asMember)).orderBy(desc(consultations.updatedAt)).limit(200);
    },

    async profileIdOfUser(userId: string) {
      const [row] = await db.select({ id: expertProfiles.id }).from(expertProfiles).where(eq(expertProfiles.userId, userId));
      return row?.id;
    },

    async insertEvent(tx: DbOrTx, values: typeof consultationEvents.$inferInsert) {
      await tx.insert(consultationEvents).values(values);
    },

    events: (id: string) =>
      db.select().from(consultationEvents).where(eq(consultationEvents.consultationId, id)).orderBy(asc(consultationEvents.id)),

    async currentPolicy(tx: DbOrTx = db) {
      const [row] = await tx.select().from(consultationPolicies).where(eq(consultationPolicies.isCurrent, true)).limit(1);
      return row;
    },

    async policy(code: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(consultationPolicies).where(eq(consultationPolicies.code, code));
      return row;
    },

    organisations: (ids: string[], tx: DbOrTx = db) =>
      ids.length ? tx.select().from(organisations).where(inArray(organisations.id, ids)) : Promise.resolve([]),

    /** Members with the profile row (for names and contact) and whether their review was submitted. */
    members(consultationId: string, tx: DbOrTx = db) {
      return tx
        .select({ member: consultationMembers, profile: expertProfiles, submittedAt: consultationReviews.submittedAt })
        .from(consultationMembers)
        .innerJoin(expertProfiles, eq(expertProfiles.id, consultationMembers.profileId))
        .leftJoin(consultationReviews, eq(consultationReviews.memberId, consultationMembers.id))
        .where(eq(consultationMembers.consultationId, consultationId))
        .orderBy(asc(consultationMembers.createdAt), asc(consultationMembers.id));
    },

    async findMember(id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ member: consultationMembers, userId: expertProfiles.userId })
        .from(consultationMembers)
        .innerJoin(expertProfiles, eq(expertProfiles.id, consultationMembers.profileId))
        .where(eq(consultationMembers.id, id));
      return row;
    },

    async memberOfUser(consultationId: string, userId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ member: consultationMembers })
        .from(consultationMembers)
        .innerJoin(expertProfiles, eq(expertProfiles.id, consultationMembers.profileId))
        .where(and(eq(consultationMembers.consultationId, consultationId), eq(expertProfiles.userId, userId)));
      return row?.member;
    },

    async insertMembers(tx: DbOrTx, rows: NewMember[]) {
      if (!rows.length) return [];
      return tx.insert(consultationMembers).values(rows).onConflictDoNothing().returning();
    },

    async updateMember(tx: DbOrTx, id: string, values: Partial<NewMember>) {
      const [row] = await tx
        .update(consultationMembers)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(consultationMembers.id, id))
        .returning();
      return row!;
    },

    invitationsOfUser(userId: string) {
      return db
        .select({
          member: consultationMembers,
          consultation: consultations,
          requester: organisations.nameVi,
          submittedAt: consultationReviews.submittedAt,
        })
        .from(consultationMembers)
        .innerJoin(expertProfiles, eq(expertProfiles.id, consultationMembers.profileId))
        .innerJoin(consultations, eq(consultations.id, consultationMembers.consultationId))
        .innerJoin(organisations, eq(organisations.id, consultations.requesterOrganisationId))
        .leftJoin(consultationReviews, eq(consultationReviews.memberId, consultationMembers.id))
        .where(and(eq(expertProfiles.userId, userId), ne(consultations.status, 'draft')))
        .orderBy(desc(consultationMembers.createdAt));
    },

    async review(memberId: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(consultationReviews).where(eq(consultationReviews.memberId, memberId));
      return row;
    },

    async saveReview(tx: DbOrTx, values: typeof consultationReviews.$inferInsert) {
      const [row] = await tx
        .insert(consultationReviews)
        .values(values)
        .onConflictDoUpdate({
          target: consultationReviews.memberId,
          set: { content: values.content, ...(values.submittedAt ? { submittedAt: values.submittedAt } : {}), updatedAt: new Date() },
        })
        .returning();
      return row!;
    },

    reviews: (consultationId: string, tx: DbOrTx = db) =>
      tx
        .select({ review: consultationReviews, member: consultationMembers, fullName: expertProfiles.fullName })
        .from(consultationReviews)
        .innerJoin(consultationMembers, eq(consultationMembers.id, consultationReviews.memberId))
        .innerJoin(expertProfiles, eq(expertProfiles.id, consultationMembers.profileId))
        .where(eq(consultationReviews.consultationId, consultationId))
        .orderBy(asc(consultationReviews.createdAt)),

    async staffUserIds(organisationIds: string[], tx: DbOrTx = db) {
      if (!organisationIds.length) return [];
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.organisationId, organisationIds), ne(users.role, 'expert'), eq(users.status, 'active')));
      return rows.map((r) => r.id);
    },

    /** Per profile: accepted seats in open cases, and seats accepted since `since`. */
    async workload(profileIds: string[], since: Date) {
      if (!profileIds.length) return [];
      return db
        .select({
          profileId: consultationMembers.profileId,
          active: sql<number>`count(*) filter (where ${consultations.status} in ${activeStatusesSql})`.mapWith(Number),
          recent: sql<number>`count(*) filter (where ${consultationMembers.respondedAt} >= ${since.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
        })
        .from(consultationMembers)
        .innerJoin(consultations, eq(consultations.id, consultationMembers.consultationId))
        .where(and(inArray(consultationMembers.profileId, profileIds), eq(consultationMembers.status, 'accepted')))
        .groupBy(consultationMembers.profileId);
    },

    /** Earlier seats and declarations of these profiles (other cases), for the conflict rules. */
    history(profileIds: string[], exceptConsultationId: string) {
      if (!profileIds.length) return Promise.resolve([]);
      return db
        .select({ member: consultationMembers, consultation: consultations })
        .from(consultationMembers)
        .innerJoin(consultations, eq(consultations.id, consultationMembers.consultationId))
        .where(and(inArray(consultationMembers.profileId, profileIds), ne(consultations.id, exceptConsultationId)));
    },

    documents: (consultationId: string) =>
      db
        .select()
        .from(consultationDocuments)
        .where(eq(consultationDocuments.consultationId, consultationId))
        .orderBy(asc(consultationDocuments.name), desc(consultationDocuments.version)),

    async document(consultationId: string, documentId: string) {
      const [row] = await db
        .select()
        .from(consultationDocuments)
        .where(and(eq(consultationDocuments.consultationId, consultationId), eq(consultationDocuments.id, documentId)));
      return row;
    },

    /** The next version of a named document; the unique index catches a concurrent upload of the same name. */
    async insertDocument(tx: DbOrTx, values: Omit<typeof consultationDocuments.$inferInsert, 'version'>) {
      const [last] = await tx
        .select({ v: sql<number>`coalesce(max(${consultationDocuments.version}), 0)`.mapWith(Number) })
        .from(consultationDocuments)
        .where(and(eq(consultationDocuments.consultationId, values.consultationId), eq(consultationDocuments.name, values.name)));
      const [row] = await tx
        .insert(consultationDocuments)
        .values({ ...values, version: (last?.v ?? 0) + 1 })
        .returning();
      return row!;
    },

    published: (limit: number) =>
      db
        .select()
        .from(consultations)
        .where(and(eq(consultations.status, 'closed'), eq(consultations.published, true)))
        .orderBy(desc(consultations.closedAt))
        .limit(limit),

    async ratingSummary(organiserOrganisationId: string) {
      const [row] = await db
        .select({ count: count(), average: avg(sql`(${consultations.rating} ->> 'score')::int`) })
        .from(consultations)
        .where(and(eq(consultations.organiserOrganisationId, organiserOrganisationId), isNotNull(consultations.rating)));
      return { count: row?.count ?? 0, average: row?.average === null || row?.average === undefined ? null : Number(row.average) };
    },
  };
}
export type ConsultationsRepository = ReturnType<typeof createConsultationsRepository>;
