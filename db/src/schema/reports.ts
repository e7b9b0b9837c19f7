import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { annualReportStatuses } from './enums.js';
import { organisations } from './organisations.js';
import { users } from './users.js';

/**
 * An agency's yearly report on carrying out Plan 09/KH-UBND (closing paragraph: every agency
 * reports yearly to the City People's Committee through the Department of S&T). The figures are
 * computed when read; only what the agency writes (results, difficulties, proposals) is stored.
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    status: text('status', { enum: annualReportStatuses }).notNull().default('draft'),
    /** The agency's document number, e.g. "45/BC-SKHCN". */
    documentNumber: text('document_number').notNull().default(''),
    texts: jsonb('texts').$type<{ results: string; difficulties: string; proposals: string }>().notNull(),
    signerName: text('signer_name').notNull().default(''),
    signerTitle: text('signer_title').notNull().default(''),
    version: integer('version').notNull().default(1),
    submittedAt: timestampTz('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestampTz('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    returnReason: text('return_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('annual_reports_org_year_uq').on(t.organisationId, t.year), index('annual_reports_year_idx').on(t.year, t.status)],
);
export type AnnualReportRow = typeof annualReports.$inferSelect;

/**
 * Dashboard figures computed by the scheduler (issue 16, item 2: "materialised views refreshed by
 * the scheduler"), one row per audience ('overview:v1' for staff, 'public:v1' for visitors; the version follows the figures' shape). The API
 * answers from here with `asOf`; `stamp` is the change stamp the figures were computed at, so a
 * refresh runs only when something was written since.
 */
export const reportAggregates = pgTable('report_aggregates', {
  key: text('key').primaryKey(),
  figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
  stamp: text('stamp').notNull(),
  asOf: timestampTz('as_of').notNull(),
  /** How long the computation took, in milliseconds (to watch it grow with the data). */
  computeMs: integer('compute_ms').notNull().default(0),
  updatedAt: updatedAt(),
});
export type ReportAggregateRow = typeof reportAggregates.$inferSelect;
