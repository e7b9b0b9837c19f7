import { type DbOrTx, type OrganisationRow, organisations } from '@hpen/db';
import { asc, eq } from 'drizzle-orm';

export type NewOrganisation = typeof organisations.$inferInsert;

export function createOrganisationsRepository({ db }: { db: DbOrTx }) {
  return {
    list: (): Promise<OrganisationRow[]> => db.select().from(organisations).orderBy(asc(organisations.kind), asc(organisations.nameVi)),

    async findById(id: string, tx: DbOrTx = db): Promise<OrganisationRow | undefined> {
      const [row] = await tx.select().from(organisations).where(eq(organisations.id, id));
      return row;
    },

    async findByCode(code: string, tx: DbOrTx = db): Promise<OrganisationRow | undefined> {
      const [row] = await tx.select().from(organisations).where(eq(organisations.code, code));
      return row;
    },

    update(tx: DbOrTx, id: string, values: Partial<NewOrganisation>) {
      return tx
        .update(organisations)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(organisations.id, id))
        .returning();
    },

    async delete(tx: DbOrTx, id: string) {
      await tx.delete(organisations).where(eq(organisations.id, id));
    },

    async insert(tx: DbOrTx, values: NewOrganisation): Promise<OrganisationRow> {
      const [row] = await tx.insert(organisations).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
  };
}
export type OrganisationsRepository = ReturnType<typeof createOrganisationsRepository>;
