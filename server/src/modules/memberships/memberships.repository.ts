import { type DbOrTx, expertProfiles, memberships, organisations, users } from '@hpen/db';
import { and, asc, count, desc, eq, ilike, inArray, type SQL } from 'drizzle-orm';
import { containing } from '../shared/sql.js';

export function createMembershipsRepository({ db }: { db: DbOrTx }) {
  /** An association's memberships (joined to their profiles) where `filters` also hold. */
  const membersWhere = (associationId: string, filters: SQL[]) => and(eq(memberships.associationId, associationId), ...filters);
  const membersQuery = (associationId: string, filters: SQL[]) =>
    db
      .select({ membership: memberships, profile: expertProfiles })
      .from(memberships)
      .innerJoin(expertProfiles, eq(expertProfiles.id, memberships.profileId))
      .where(membersWhere(associationId, filters))
      .orderBy(asc(expertProfiles.fullNameFolded), asc(memberships.id))
      .$dynamic();

  return {
    /** Associations (and the Union) with their number of approved members. */
    listAssociations() {
      return db
        .select({
          id: organisations.id,
          code: organisations.code,
          kind: organisations.kind,
          nameVi: organisations.nameVi,
          nameEn: organisations.nameEn,
          parentId: organisations.parentId,
          members: count(memberships.id),
        })
        .from(organisations)
        .leftJoin(memberships, and(eq(memberships.associationId, organisations.id), eq(memberships.status, 'approved')))
        .where(inArray(organisations.kind, ['association', 'union']))
        .groupBy(organisations.id)
        .orderBy(asc(organisations.kind), asc(organisations.nameVi));
    },

    async findAssociation(id: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(organisations)
        .where(and(eq(organisations.id, id), eq(organisations.kind, 'association')));
      return row;
    },

    async countMemberships(associationId: string, tx: DbOrTx = db) {
      return tx.$count(memberships, eq(memberships.associationId, associationId));
    },

    async findMembership(id: string, tx: DbOrTx = db) {
      const [row] = await tx.select().from(memberships).where(eq(memberships.id, id));
      return row;
    },

    async findMembershipByPair(associationId: string, profileId: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.associationId, associationId), eq(memberships.profileId, profileId)));
      return row;
    },

    async upsertMembership(tx: DbOrTx, values: typeof memberships.$inferInsert) {
      const [row] = await tx
        .insert(memberships)
        .values(values)
        .onConflictDoUpdate({
          target: [memberships.associationId, memberships.profileId],
          set: {
            status: values.status,
            source: values.source ?? 'application',
            message: values.message ?? '',
            reason: null,
            decidedBy: values.decidedBy ?? null,
            decidedAt: values.decidedAt ?? null,
            updatedAt: new Date(),
          },
        })
        .returning();
      return row!;
    },

    async updateMembership(tx: DbOrTx, id: string, values: Partial<typeof memberships.$inferInsert>) {
      const [row] = await tx
        .update(memberships)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(memberships.id, id))
        .returning();
      return row!;
    },

    membershipsOfProfile(profileId: string) {
      return db
        .select({ membership: memberships, association: organisations })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.associationId))
        .where(eq(memberships.profileId, profileId))
        .orderBy(desc(memberships.createdAt));
    },

    /** Approved association codes per profile (search documents carry them). */
    async approvedAssociationCodes(profileIds: string[], tx: DbOrTx = db): Promise<Map<string, string[]>> {
      const out = new Map<string, string[]>();
      if (profileIds.length === 0) return out;
      const rows = await tx
        .select({ profileId: memberships.profileId, code: organisations.code })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.associationId))
        .where(and(inArray(memberships.profileId, profileIds), eq(memberships.status, 'approved')));
      for (const r of rows) out.set(r.profileId, [...(out.get(r.profileId) ?? []), r.code]);
      return out;
    },

    /** An association's members by name (the CSV export takes them all). */
    members(associationId: string, status?: string) {
      return membersQuery(associationId, status ? [eq(memberships.status, status as 'approved')] : []);
    },

    /** One page of members by name, with the total, filtered by status and part of the folded name. */
    async membersPage(
      associationId: string,
      options: { status?: string | undefined; nameFolded?: string | undefined; limit: number; offset: number },
    ) {
      const filters: SQL[] = [];
      if (options.status) filters.push(eq(memberships.status, options.status as 'approved'));
      if (options.nameFolded) filters.push(ilike(expertProfiles.fullNameFolded, containing(options.nameFolded)));
      const [rows, [counted]] = await Promise.all([
        membersQuery(associationId, filters).limit(options.limit).offset(options.offset),
        db
          .select({ n: count() })
          .from(memberships)
          .innerJoin(expertProfiles, eq(expertProfiles.id, memberships.profileId))
          .where(membersWhere(associationId, filters)),
      ]);
      return { rows, total: counted?.n ?? 0 };
    },

    /** Pending applications in the given associations (null: all of them). */
    async countPending(associationIds: string[] | null) {
      if (associationIds && associationIds.length === 0) return 0;
      const inScope = associationIds ? [inArray(memberships.associationId, associationIds)] : [];
      return db.$count(memberships, and(eq(memberships.status, 'pending'), ...inScope));
    },

    /** The profiles with any membership row in an association, and how each came (import matching). */
    membersOf(associationId: string, tx: DbOrTx = db) {
      return tx
        .select({ profileId: memberships.profileId, source: memberships.source })
        .from(memberships)
        .where(eq(memberships.associationId, associationId));
    },

    /** Rows an import brings; a pair that exists already stays as it is. */
    async insertMany(tx: DbOrTx, rows: Array<typeof memberships.$inferInsert>) {
      if (rows.length === 0) return [];
      return tx.insert(memberships).values(rows).onConflictDoNothing().returning();
    },

    /** A merge: the merged-away profile's memberships go to the kept one (a pair it has already wins). */
    async moveToProfile(tx: DbOrTx, fromProfileId: string, toProfileId: string) {
      const rows = await tx.select().from(memberships).where(eq(memberships.profileId, fromProfileId));
      for (const m of rows) {
        await tx
          .insert(memberships)
          .values({ ...m, id: undefined, profileId: toProfileId })
          .onConflictDoNothing();
      }
      await tx.delete(memberships).where(eq(memberships.profileId, fromProfileId));
    },

    curatorsOf(organisationId: string) {
      return db
        .select({ email: users.email, locale: users.locale })
        .from(users)
        .where(and(eq(users.organisationId, organisationId), eq(users.role, 'curator'), eq(users.status, 'active')));
    },
  };
}
export type MembershipsRepository = ReturnType<typeof createMembershipsRepository>;
