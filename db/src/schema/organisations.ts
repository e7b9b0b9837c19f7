import { type AnyPgColumn, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import { organisationKinds } from './enums.js';

export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    code: text('code').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('organisations_code_uq').on(t.code)],
);

export type OrganisationRow = typeof organisations.$inferSelect;
