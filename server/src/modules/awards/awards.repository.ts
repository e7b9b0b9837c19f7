import {
  awardBallots,
  awardCouncilMembers,
  awardNominationDocuments,
  awardNominations,
  awardRecusals,
  awardRounds,
  awardScores,
  awardSessions,
  awards,
  awardVotesCast,
  councilRules,
  type DbOrTx,
  expertProfiles,
  users,
} from '@hpen/db';
import { and, asc, desc, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';

export type NewAward = typeof awards.$inferInsert;
export type NewRound = typeof awardRounds.$inferInsert;
export type NewNomination = typeof awardNominations.$inferInsert;
export type NewRules = typeof councilRules.$inferInsert;

export function createAwardsRepository({ db }: { db: DbOrTx }) {
  const one = async <T>(q: Promise<T[]>) => (await q)[0];
  return {
    listAwards: () => db.select().from(awards).orderBy(asc(awards.code)),
    findAward: (id: string, tx: DbOrTx = db) => one(tx.select().from(awards).where(eq(awards.id, id))),
    findAwardByCode: (code: string, tx: DbOrTx = db) => one(tx.select().from(awards).where(eq(awards.code, code))),
    insertAward: (tx: DbOrTx, v: NewAward) => one(tx.insert(awards).values(v).returning()),

    roundsOf: (awardId: string, tx: DbOrTx = db) =>
      tx.select().from(awardRounds).where(eq(awardRounds.awardId, awardId)).orderBy(desc(awardRounds.year)),
    findRound: (id: string, tx: DbOrTx = db, lock = false) => {
      const q = tx.select().from(awardRounds).where(eq(awardRounds.id, id));
      return one(lock ? q.for('update') : q);
    },
    insertRound: (tx: DbOrTx, v: NewRound) => one(tx.insert(awardRounds).values(v).returning()),
    updateRound: (tx: DbOrTx, id: string, v: Partial<NewRound>) =>
      one(
        tx
          .update(awardRounds)
          .set({ ...v, updatedAt: new Date() })
          .where(eq(awardRounds.id, id))
          .returning(),
      ),
    publishedRounds: (now: Date) =>
      db
        .select({ round: awardRounds, award: awards })
        .from(awardRounds)
        .innerJoin(awards, eq(awards.id, awardRounds.awardId))
        .where(and(isNotNull(awardRounds.decision), lte(awardRounds.publishAt, now)))
        .orderBy(desc(awardRounds.year)),

    insertNomination: (tx: DbOrTx, v: NewNomination) => one(tx.insert(awardNominations).values(v).returning()),
    findNomination: (id: string, tx: DbOrTx = db, lock = false) => {
      const q = tx.select().from(awardNominations).where(eq(awardNominations.id, id));
      return one(lock ? q.for('update') : q);
    },
    updateNomination: (tx: DbOrTx, id: string, v: Partial<NewNomination>) =>
      one(
        tx
          .update(awardNominations)
          .set({ ...v, version: sql`${awardNominations.version} + 1`, updatedAt: new Date() })
          .where(eq(awardNominations.id, id))
          .returning(),
      ),
    nominationsOfRound: (roundId: string, tx: DbOrTx = db) =>
      tx.select().from(awardNominations).where(eq(awardNominations.roundId, roundId)).orderBy(asc(awardNominations.createdAt)),
    countNominations: async (roundId: string) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(awardNominations)
          .where(and(eq(awardNominations.roundId, roundId), ne(awardNominations.status, 'draft')))
      )[0]?.n ?? 0,

    /** Nominations I made, my organisation made (staff), or that name my profile. */
    nominationsFor: (userId: string, organisationId: string | null, profileId: string | null) =>
      db
        .select({ nomination: awardNominations, round: awardRounds, award: awards })
        .from(awardNominations)
        .innerJoin(awardRounds, eq(awardRounds.id, awardNominations.roundId))
        .innerJoin(awards, eq(awards.id, awardRounds.awardId))
        .where(
          or(
            eq(awardNominations.createdBy, userId),
            organisationId ? eq(awardNominations.nominatorOrganisationId, organisationId) : undefined,
            profileId ? sql`${awardNominations.nominees} @> ${JSON.stringify([{ profileId }])}::jsonb` : undefined,
          ),
        )
        .orderBy(desc(awardNominations.createdAt)),

    documents: (nominationId: string) =>
      db
        .select()
        .from(awardNominationDocuments)
        .where(eq(awardNominationDocuments.nominationId, nominationId))
        .orderBy(asc(awardNominationDocuments.name), desc(awardNominationDocuments.version)),
    document: (nominationId: string, documentId: string) =>
      one(
        db
          .select()
          .from(awardNominationDocuments)
          .where(and(eq(awardNominationDocuments.nominationId, nominationId), eq(awardNominationDocuments.id, documentId))),
      ),
    /** The same name again is a new version. */
    async insertDocument(tx: DbOrTx, values: Omit<typeof awardNominationDocuments.$inferInsert, 'version'>) {
      const [last] = await tx
        .select({ v: sql<number>`coalesce(max(${awardNominationDocuments.version}), 0)`.mapWith(Number) })
        .from(awardNominationDocuments)
        .where(and(eq(awardNominationDocuments.nominationId, values.nominationId), eq(awardNominationDocuments.name, values.name)));
      return (
        await tx
          .insert(awardNominationDocuments)
          .values({ ...values, version: (last?.v ?? 0) + 1 })
          .returning()
      )[0]!;
    },

    council: (roundId: string, tx: DbOrTx = db) =>
      tx
        .select({ member: awardCouncilMembers, name: expertProfiles.fullName, userId: expertProfiles.userId })
        .from(awardCouncilMembers)
        .innerJoin(expertProfiles, eq(expertProfiles.id, awardCouncilMembers.profileId))
        .where(eq(awardCouncilMembers.roundId, roundId))
        .orderBy(asc(awardCouncilMembers.phase), asc(awardCouncilMembers.createdAt)),
    insertMember: (tx: DbOrTx, v: typeof awardCouncilMembers.$inferInsert) =>
      one(tx.insert(awardCouncilMembers).values(v).onConflictDoNothing().returning()),
    seatsOfUser: (userId: string) =>
      db
        .select({ member: awardCouncilMembers, round: awardRounds, award: awards })
        .from(awardCouncilMembers)
        .innerJoin(expertProfiles, eq(expertProfiles.id, awardCouncilMembers.profileId))
        .innerJoin(awardRounds, eq(awardRounds.id, awardCouncilMembers.roundId))
        .innerJoin(awards, eq(awards.id, awardRounds.awardId))
        .where(eq(expertProfiles.userId, userId))
        .orderBy(desc(awardRounds.year), asc(awardCouncilMembers.phase)),

    recusalsOf: (nominationIds: string[], tx: DbOrTx = db) =>
      nominationIds.length
        ? tx.select().from(awardRecusals).where(inArray(awardRecusals.nominationId, nominationIds))
        : Promise.resolve([]),
    insertRecusal: (tx: DbOrTx, v: typeof awardRecusals.$inferInsert) => tx.insert(awardRecusals).values(v).onConflictDoNothing(),

    upsertScore: (tx: DbOrTx, v: typeof awardScores.$inferInsert) =>
      one(
        tx
          .insert(awardScores)
          .values(v)
          .onConflictDoUpdate({
            target: [awardScores.nominationId, awardScores.phase, awardScores.memberId],
            set: { scores: v.scores, review: v.review },
          })
          .returning(),
      ),
    scoresOf: (nominationIds: string[], phase: number, tx: DbOrTx = db) =>
      nominationIds.length
        ? tx
            .select()
            .from(awardScores)
            .where(and(inArray(awardScores.nominationId, nominationIds), eq(awardScores.phase, phase)))
        : Promise.resolve([]),

    /** The ballot and the "voted" record in one transaction; a secret ballot gets no voter column. */
    insertBallot: (tx: DbOrTx, v: typeof awardBallots.$inferInsert) => tx.insert(awardBallots).values(v),
    insertVoteCast: (tx: DbOrTx, v: typeof awardVotesCast.$inferInsert) =>
      one(tx.insert(awardVotesCast).values(v).onConflictDoNothing().returning()),
    ballotsOf: (nominationIds: string[], phase: number, tx: DbOrTx = db) =>
      nominationIds.length
        ? tx
            .select()
            .from(awardBallots)
            .where(and(inArray(awardBallots.nominationId, nominationIds), eq(awardBallots.phase, phase)))
        : Promise.resolve([]),
    votesCastOf: (nominationIds: string[], phase: number, tx: DbOrTx = db) =>
      nominationIds.length
        ? tx
            .select()
            .from(awardVotesCast)
            .where(and(inArray(awardVotesCast.nominationId, nominationIds), eq(awardVotesCast.phase, phase)))
        : Promise.resolve([]),

    session: (roundId: string, phase: number, tx: DbOrTx = db) =>
      one(
        tx
          .select()
          .from(awardSessions)
          .where(and(eq(awardSessions.roundId, roundId), eq(awardSessions.phase, phase))),
      ),
    saveSession: (tx: DbOrTx, roundId: string, phase: number, presentMemberIds: string[], heldAt: Date) =>
      tx
        .insert(awardSessions)
        .values({ roundId, phase, presentMemberIds, heldAt })
        .onConflictDoUpdate({
          target: [awardSessions.roundId, awardSessions.phase],
          set: { presentMemberIds, heldAt, updatedAt: new Date() },
        }),

    rules: () => db.select().from(councilRules).orderBy(asc(councilRules.code), desc(councilRules.version)),
    currentRules: (code: string, tx: DbOrTx = db) =>
      one(
        tx
          .select()
          .from(councilRules)
          .where(and(eq(councilRules.code, code), eq(councilRules.isCurrent, true))),
      ),
    /** A new version becomes current; earlier versions stay for the tallies that used them. */
    async insertRulesVersion(tx: DbOrTx, v: Omit<NewRules, 'version' | 'isCurrent'>) {
      const [last] = await tx.select().from(councilRules).where(eq(councilRules.code, v.code)).orderBy(desc(councilRules.version)).limit(1);
      await tx.update(councilRules).set({ isCurrent: false }).where(eq(councilRules.code, v.code));
      return one(
        tx
          .insert(councilRules)
          .values({ ...v, version: (last?.version ?? 0) + 1, isCurrent: true })
          .returning(),
      );
    },

    profileIdOfUser: async (userId: string, tx: DbOrTx = db) =>
      (await tx.select({ id: expertProfiles.id }).from(expertProfiles).where(eq(expertProfiles.userId, userId)))[0]?.id,
    officerUserIds: async (tx: DbOrTx = db) =>
      (
        await tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.role, ['officer', 'admin']), eq(users.status, 'active')))
      ).map((r) => r.id),
    userIdsOfProfiles: async (profileIds: string[], tx: DbOrTx = db) =>
      profileIds.length
        ? (
            await tx
              .select({ id: expertProfiles.userId })
              .from(expertProfiles)
              .where(and(inArray(expertProfiles.id, profileIds), isNotNull(expertProfiles.userId)))
          ).map((r) => r.id!)
        : [],
    /** Awarded nominations of published rounds naming this profile. */
    awardedFor: (profileId: string, now: Date) =>
      db
        .select({ nomination: awardNominations, round: awardRounds, award: awards })
        .from(awardNominations)
        .innerJoin(awardRounds, eq(awardRounds.id, awardNominations.roundId))
        .innerJoin(awards, eq(awards.id, awardRounds.awardId))
        .where(
          and(
            eq(awardNominations.status, 'awarded'),
            lte(awardRounds.publishAt, now),
            sql`${awardNominations.nominees} @> ${JSON.stringify([{ profileId }])}::jsonb`,
          ),
        ),
    awardedOfRounds: (roundIds: string[]) =>
      roundIds.length
        ? db
            .select()
            .from(awardNominations)
            .where(and(inArray(awardNominations.roundId, roundIds), eq(awardNominations.status, 'awarded')))
            .orderBy(asc(awardNominations.category), asc(awardNominations.createdAt))
        : Promise.resolve([]),
  };
}
export type AwardsRepository = ReturnType<typeof createAwardsRepository>;
