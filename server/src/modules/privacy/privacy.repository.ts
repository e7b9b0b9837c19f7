import {
  type DbOrTx,
  appSettings,
  consents,
  dataBreaches,
  dataRequests,
  expertProfiles,
  privacyNotices,
  privacyPolicies,
  users,
  type DataBreachRow,
  type DataRequestRow,
  type PrivacyNoticeRow,
  type PrivacyPolicyRow,
} from '@hpen/db';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, notInArray, sql } from 'drizzle-orm';

export type ConsentRow = typeof consents.$inferSelect;
export type DataRequestWithSubject = DataRequestRow & { subjectName: string | null; subjectEmail: string | null; policyVersion: string };
const OPEN = ['received', 'acknowledged', 'extended'];

/** Consents, requests, breaches, notices and policy rows: the only file here that touches the tables. */
export function createPrivacyRepository({ db }: { db: DbOrTx }) {
  const requestColumns = {
    request: dataRequests,
    subjectName: users.fullName,
    subjectEmail: users.email,
    policyVersion: privacyPolicies.version,
  };
  const flatten = (r: { request: DataRequestRow; subjectName: string | null; subjectEmail: string | null; policyVersion: string }) => ({
    ...r.request,
    subjectName: r.subjectName,
    subjectEmail: r.subjectEmail,
    policyVersion: r.policyVersion,
  });

  return {
    // ---- consents
    async consentsOf(userId: string, tx: DbOrTx = db): Promise<ConsentRow[]> {
      return tx.select().from(consents).where(eq(consents.userId, userId)).orderBy(desc(consents.createdAt), desc(consents.id));
    },
    /**
     * The latest consent for a purpose of each profile's owner: the owning user (null for a profile
     * nobody has claimed) and the last action (null when never answered).
     */
    async profileConsents(profileIds: string[], purpose: string, tx: DbOrTx = db) {
      if (!profileIds.length) return [];
      return tx
        .select({
          profileId: expertProfiles.id,
          userId: expertProfiles.userId,
          action: sql<'granted' | 'withdrawn' | null>`(select c.action from ${consents} c
            where c.user_id = ${expertProfiles}.user_id and c.purpose = ${purpose}
            order by c.created_at desc, c.id desc limit 1)`,
        })
        .from(expertProfiles)
        .where(inArray(expertProfiles.id, profileIds));
    },
    // ---- data protection officers (a designation of officer-role staff, kept as a setting)
    async readDesignatedOfficers(): Promise<string[]> {
      const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, 'privacy.officers'));
      return Array.isArray(row?.value) ? (row.value as string[]) : [];
    },
    async writeDesignatedOfficers(tx: DbOrTx, userIds: string[], updatedBy: string | null) {
      await tx
        .insert(appSettings)
        .values({ key: 'privacy.officers', value: userIds, updatedBy })
        .onConflictDoUpdate({ target: appSettings.key, set: { value: userIds, updatedBy } });
    },
    /** Active officer-role users among these ids. */
    async activeOfficers(userIds: string[]) {
      if (!userIds.length) return [];
      return db
        .select({ id: users.id, email: users.email, fullName: users.fullName })
        .from(users)
        .where(and(inArray(users.id, userIds), eq(users.role, 'officer'), eq(users.status, 'active')));
    },
    async insertConsent(tx: DbOrTx, values: typeof consents.$inferInsert) {
      const [row] = await tx.insert(consents).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    /** The owner's consent flags on the profile row the projection reads. Returns the profile id when one changed. */
    async setProfileConsentFlags(
      tx: DbOrTx,
      userId: string,
      flags: { publicationConsent?: boolean; agencySharingConsent?: boolean },
    ): Promise<string | null> {
      const [row] = await tx
        .update(expertProfiles)
        .set(flags)
        .where(eq(expertProfiles.userId, userId))
        .returning({ id: expertProfiles.id });
      return row?.id ?? null;
    },
    /** Users with no consent row for a purpose yet, with what their current settings say. */
    async usersWithoutConsent(purpose: string, tx: DbOrTx = db) {
      return tx
        .select({ userId: users.id, listed: expertProfiles.listed, hasProfile: sql<boolean>`${expertProfiles.id} is not null` })
        .from(users)
        .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
        .where(sql`not exists (select 1 from ${consents} c where c.user_id = ${users.id} and c.purpose = ${purpose})`);
    },

    // ---- policies
    async latestPolicy(tx: DbOrTx = db): Promise<PrivacyPolicyRow | undefined> {
      const [row] = await tx
        .select()
        .from(privacyPolicies)
        .orderBy(desc(privacyPolicies.createdAt), desc(privacyPolicies.version))
        .limit(1);
      return row;
    },
    listPolicies: (): Promise<PrivacyPolicyRow[]> => db.select().from(privacyPolicies).orderBy(desc(privacyPolicies.createdAt)),
    async findPolicy(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(privacyPolicies).where(eq(privacyPolicies.id, id));
      return row;
    },
    /** Inserts unless that version exists; returns the row when it did insert. */
    async insertPolicy(tx: DbOrTx, values: typeof privacyPolicies.$inferInsert): Promise<PrivacyPolicyRow | undefined> {
      const [row] = await tx.insert(privacyPolicies).values(values).onConflictDoNothing().returning();
      return row;
    },

    // ---- notices
    async latestNotice(tx: DbOrTx = db): Promise<PrivacyNoticeRow | undefined> {
      const [row] = await tx.select().from(privacyNotices).orderBy(desc(privacyNotices.publishedAt)).limit(1);
      return row;
    },
    listNotices: (): Promise<PrivacyNoticeRow[]> => db.select().from(privacyNotices).orderBy(desc(privacyNotices.publishedAt)),
    async insertNotice(tx: DbOrTx, values: typeof privacyNotices.$inferInsert): Promise<PrivacyNoticeRow | undefined> {
      const [row] = await tx.insert(privacyNotices).values(values).onConflictDoNothing().returning();
      return row;
    },

    // ---- data requests
    async insertRequest(tx: DbOrTx, values: typeof dataRequests.$inferInsert): Promise<DataRequestRow> {
      const [row] = await tx.insert(dataRequests).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    async updateRequest(tx: DbOrTx, id: string, values: Partial<typeof dataRequests.$inferInsert>) {
      await tx.update(dataRequests).set(values).where(eq(dataRequests.id, id));
    },
    async findRequest(id: string, tx: DbOrTx = db): Promise<DataRequestWithSubject | undefined> {
      const [row] = await tx
        .select(requestColumns)
        .from(dataRequests)
        .innerJoin(privacyPolicies, eq(privacyPolicies.id, dataRequests.policyId))
        .leftJoin(users, eq(users.id, dataRequests.userId))
        .where(eq(dataRequests.id, id))
        .for('update', { of: dataRequests });
      return row ? flatten(row) : undefined;
    },
    async requestsOf(userId: string): Promise<DataRequestWithSubject[]> {
      const rows = await db
        .select(requestColumns)
        .from(dataRequests)
        .innerJoin(privacyPolicies, eq(privacyPolicies.id, dataRequests.policyId))
        .leftJoin(users, eq(users.id, dataRequests.userId))
        .where(eq(dataRequests.userId, userId))
        .orderBy(desc(dataRequests.receivedAt));
      return rows.map(flatten);
    },
    async queue(status: 'open' | 'closed' | 'all'): Promise<DataRequestWithSubject[]> {
      const where =
        status === 'open' ? inArray(dataRequests.status, OPEN) : status === 'closed' ? notInArray(dataRequests.status, OPEN) : undefined;
      const rows = await db
        .select(requestColumns)
        .from(dataRequests)
        .innerJoin(privacyPolicies, eq(privacyPolicies.id, dataRequests.policyId))
        .leftJoin(users, eq(users.id, dataRequests.userId))
        .where(where)
        .orderBy(status === 'open' ? asc(dataRequests.dueAt) : desc(dataRequests.receivedAt))
        .limit(500);
      return rows.map(flatten);
    },
    countRequests: () => db.$count(dataRequests),

    // ---- breaches
    async insertBreach(tx: DbOrTx, values: typeof dataBreaches.$inferInsert): Promise<DataBreachRow> {
      const [row] = await tx.insert(dataBreaches).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    async updateBreach(tx: DbOrTx, id: string, values: Partial<typeof dataBreaches.$inferInsert>) {
      await tx.update(dataBreaches).set(values).where(eq(dataBreaches.id, id));
    },
    async findBreach(id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ breach: dataBreaches, policyVersion: privacyPolicies.version })
        .from(dataBreaches)
        .innerJoin(privacyPolicies, eq(privacyPolicies.id, dataBreaches.policyId))
        .where(eq(dataBreaches.id, id));
      return row;
    },
    listBreaches: () =>
      db
        .select({ breach: dataBreaches, policyVersion: privacyPolicies.version })
        .from(dataBreaches)
        .innerJoin(privacyPolicies, eq(privacyPolicies.id, dataBreaches.policyId))
        .orderBy(desc(dataBreaches.detectedAt))
        .limit(500),
    countBreaches: () => db.$count(dataBreaches),

    // ---- retention
    /** Owned, listed profiles untouched since `before` that were not asked to confirm yet. */
    async staleProfiles(before: Date, limit: number) {
      return db
        .select({ profileId: expertProfiles.id, userId: expertProfiles.userId })
        .from(expertProfiles)
        .where(
          and(
            isNotNull(expertProfiles.userId),
            eq(expertProfiles.listed, true),
            isNull(expertProfiles.confirmRequestedAt),
            lt(expertProfiles.updatedAt, before),
          ),
        )
        .limit(limit);
    },
    /** Marks the request without touching updatedAt (which is what "untouched" measures). */
    async markConfirmRequested(tx: DbOrTx, profileId: string, at: Date | null) {
      await tx
        .update(expertProfiles)
        .set({ confirmRequestedAt: at, updatedAt: sql`${expertProfiles.updatedAt}` })
        .where(eq(expertProfiles.id, profileId));
    },
    async findProfile(profileId: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(expertProfiles).where(eq(expertProfiles.id, profileId));
      return row;
    },
    async findProfileOfUser(userId: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(expertProfiles).where(eq(expertProfiles.userId, userId));
      return row;
    },
    /** Touches the profile (the owner confirmed it): it is no longer "untouched". */
    async confirmProfile(tx: DbOrTx, profileId: string, at: Date) {
      await tx.update(expertProfiles).set({ confirmRequestedAt: null, updatedAt: at }).where(eq(expertProfiles.id, profileId));
    },
    async adminIds(tx: DbOrTx = db): Promise<string[]> {
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
      return rows.map((r) => r.id);
    },
  };
}
export type PrivacyRepository = ReturnType<typeof createPrivacyRepository>;
