import { type DbOrTx, type OrganisationRow, type UserRow, organisations, users } from '@hpen/db';
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { containing } from '../shared/sql.js';
import type { ListUsersQuery } from './users.schemas.js';

export type NewUser = typeof users.$inferInsert;
export type UserWithOrganisation = UserRow & { organisation: OrganisationRow | null };

export function createUsersRepository({ db }: { db: DbOrTx }) {
  const withOrganisation = (tx: DbOrTx) =>
    tx.select({ user: users, organisation: organisations }).from(users).leftJoin(organisations, eq(users.organisationId, organisations.id));
  const flatten = (r: { user: UserRow; organisation: OrganisationRow | null }): UserWithOrganisation => ({
    ...r.user,
    organisation: r.organisation,
  });

  return {
    async findById(id: string, tx: DbOrTx = db): Promise<UserWithOrganisation | undefined> {
      const [row] = await withOrganisation(tx).where(eq(users.id, id));
      return row && flatten(row);
    },

    async findByEmail(email: string, tx: DbOrTx = db): Promise<UserWithOrganisation | undefined> {
      const [row] = await withOrganisation(tx).where(eq(users.email, email.toLowerCase()));
      return row && flatten(row);
    },

    /** Returns undefined when the e-mail is taken (unique index), so callers can answer 409. */
    async insert(tx: DbOrTx, values: NewUser): Promise<UserRow | undefined> {
      const [row] = await tx.insert(users).values(values).onConflictDoNothing({ target: users.email }).returning();
      return row;
    },

    async update(tx: DbOrTx, id: string, values: Partial<NewUser>): Promise<UserRow | undefined> {
      const [row] = await tx.update(users).set(values).where(eq(users.id, id)).returning();
      return row;
    },

    async delete(tx: DbOrTx, id: string) {
      await tx.delete(users).where(eq(users.id, id));
    },

    async countActiveAdmins(tx: DbOrTx = db): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
      return row?.n ?? 0;
    },

    async list(query: ListUsersQuery): Promise<{ rows: UserWithOrganisation[]; total: number }> {
      const filters: SQL[] = [];
      if (query.role) filters.push(eq(users.role, query.role));
      if (query.status) filters.push(eq(users.status, query.status));
      if (query.organisationId) filters.push(eq(users.organisationId, query.organisationId));
      if (query.q) {
        const pattern = containing(query.q);
        const match = or(ilike(users.email, pattern), ilike(users.fullName, pattern));
        if (match) filters.push(match);
      }
      const where = filters.length ? and(...filters) : undefined;
      const [rows, totals] = await Promise.all([
        withOrganisation(db)
          .where(where)
          .orderBy(desc(users.createdAt), desc(users.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(users).where(where),
      ]);
      return { rows: rows.map(flatten), total: totals[0]?.n ?? 0 };
    },
  };
}
export type UsersRepository = ReturnType<typeof createUsersRepository>;
