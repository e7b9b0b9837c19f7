import { bigint, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { duplicateStatuses, importStatuses, membershipStatuses, verificationItemTypes, verificationStatuses } from './enums.js';
import { organisations } from './organisations.js';
import { expertProfiles } from './profiles.js';
import { users } from './users.js';

/** A person's membership of an association: applied, approved, rejected or left. One row per pair. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    status: text('status', { enum: membershipStatuses }).notNull(),
    /** application (by the expert) or import (a member list). */
    source: text('source').notNull().default('application'),
    message: text('message').notNull().default(''),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestampTz('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('memberships_pair_uq').on(t.associationId, t.profileId),
    index('memberships_profile_idx').on(t.profileId),
    index('memberships_status_idx').on(t.associationId, t.status),
  ],
);
export type MembershipRow = typeof memberships.$inferSelect;

/**
 * A request to verify one item of a profile (a degree = an education entry, the academic
 * title, a position). `snapshot` is the item as submitted: the badge holds while the item is
 * unchanged. Routed to an association's curators, or to the Union's when association is null.
 */
export const verificationRequests = pgTable(
  'verification_requests',
  {
    id: id(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    itemType: text('item_type', { enum: verificationItemTypes }).notNull(),
    /** The education or position item id; null for the academic title. */
    itemId: text('item_id'),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    associationId: uuid('association_id').references(() => organisations.id, { onDelete: 'set null' }),
    status: text('status', { enum: verificationStatuses }).notNull().default('pending'),
    note: text('note').notNull().default(''),
    reason: text('reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestampTz('decided_at'),
    /** The request this one re-queues after the item changed. */
    previousId: uuid('previous_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('verification_requests_queue_idx').on(t.status, t.createdAt), index('verification_requests_profile_idx').on(t.profileId)],
);
export type VerificationRequestRow = typeof verificationRequests.$inferSelect;

/** Evidence files: stored outside the web root under DATA_DIR, served only through access checks. */
export const evidenceFiles = pgTable(
  'evidence_files',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => verificationRequests.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('evidence_files_request_idx').on(t.requestId)],
);
export type EvidenceFileRow = typeof evidenceFiles.$inferSelect;

/** A pair of profiles that may be the same person, with the score and the reasons. */
export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    id: id(),
    /** No foreign keys: a decided pair stays on record after a merge deletes one side. */
    profileA: uuid('profile_a').notNull(),
    profileB: uuid('profile_b').notNull(),
    score: integer('score').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    status: text('status', { enum: duplicateStatuses }).notNull().default('open'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestampTz('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('duplicate_candidates_pair_uq').on(t.profileA, t.profileB),
    index('duplicate_candidates_status_idx').on(t.status, t.score),
  ],
);
export type DuplicateCandidateRow = typeof duplicateCandidates.$inferSelect;

/** A merged-away profile id keeps answering: it redirects to the profile it was merged into. */
export const profileRedirects = pgTable('profile_redirects', {
  fromId: uuid('from_id').primaryKey(),
  toId: uuid('to_id')
    .notNull()
    .references(() => expertProfiles.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

/** A member-list import: dry run first (per-row plan and errors), then the import on confirmation. */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: id(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    format: text('format').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    status: text('status', { enum: importStatuses }).notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    /** The import's resume point: every row up to this row number is done. */
    importedThrough: integer('imported_through').notNull().default(0),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
    error: text('error'),
    /** True when every row passed the dry run: only then can it be confirmed. */
    clean: boolean('clean').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    finishedAt: timestampTz('finished_at'),
  },
  (t) => [index('import_jobs_association_idx').on(t.associationId, t.createdAt)],
);
export type ImportJobRow = typeof importJobs.$inferSelect;

/** Each row of an import: the parsed values, its errors, and what the import will do / did. */
export const importRows = pgTable(
  'import_rows',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    rowNumber: integer('row_number').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    errors: jsonb('errors').$type<Array<{ column: string; code: string; message: string }>>().notNull().default([]),
    /** create | update | match | invalid */
    action: text('action').notNull(),
    profileId: uuid('profile_id'),
  },
  (t) => [uniqueIndex('import_rows_pk').on(t.jobId, t.rowNumber)],
);
