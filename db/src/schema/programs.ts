import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { applicationStatuses, programStatuses } from './enums.js';
import { organisations } from './organisations.js';
import { expertProfiles } from './profiles.js';
import { users } from './users.js';

/**
 * A talent-attraction program (Resolution 53/2025/NQ-HĐND Hải Phòng, Decree 263/2025/NĐ-CP, …).
 * Its content lives in versions: a change after publication adds a version, and an application
 * keeps the version it was assessed against.
 */
export const programs = pgTable(
  'programs',
  {
    id: id(),
    code: text('code').notNull(),
    status: text('status', { enum: programStatuses }).notNull().default('draft'),
    /** The agency that runs it (its officers edit it and review its applications). */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    currentVersion: integer('current_version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('programs_code_uq').on(t.code), index('programs_status_idx').on(t.status)],
);
export type ProgramRow = typeof programs.$inferSelect;

/** One version of a program's content (validated by the server's programContentSchema). */
export const programVersions = pgTable(
  'program_versions',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    /** Set when the version was first shown to the public; a published version is never edited. */
    publishedAt: timestampTz('published_at'),
    createdBy: uuid('created_by'),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('program_versions_uq').on(t.programId, t.version)],
);
export type ProgramVersionRow = typeof programVersions.$inferSelect;

export interface ApplicationDecision {
  outcome: 'approved' | 'rejected';
  number: string;
  date: string;
  reason: string;
  by: string;
  at: string;
}

/** An expert's application to one version of a program, with what it was assessed on. */
export const programApplications = pgTable(
  'program_applications',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    programVersionId: uuid('program_version_id')
      .notNull()
      .references(() => programVersions.id),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    applicantUserId: uuid('applicant_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: applicationStatuses }).notNull().default('draft'),
    /** The owner's view of the profile when the application was created, refreshed on submission. */
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    declared: jsonb('declared').$type<Record<string, boolean | number | string>>().notNull().default({}),
    statement: text('statement').notNull().default(''),
    /** The evaluation of the rules on the snapshot at submission. */
    assessment: jsonb('assessment').$type<Record<string, unknown>>(),
    /** Reviewer checklist: one entry per criterion of the rules. */
    checklist: jsonb('checklist').$type<Array<{ criterionId: string; checked: boolean; note: string }>>().notNull().default([]),
    infoRequest: text('info_request'),
    decision: jsonb('decision').$type<ApplicationDecision>(),
    submittedAt: timestampTz('submitted_at'),
    decidedAt: timestampTz('decided_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('program_applications_program_idx').on(t.programId, t.status), index('program_applications_profile_idx').on(t.profileId)],
);
export type ProgramApplicationRow = typeof programApplications.$inferSelect;

export const programApplicationEvents = pgTable(
  'program_application_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => programApplications.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: uuid('actor_user_id'),
    note: text('note').notNull().default(''),
    at: createdAt(),
  },
  (t) => [index('program_application_events_idx').on(t.applicationId, t.id)],
);
export type ProgramApplicationEventRow = typeof programApplicationEvents.$inferSelect;

/** Evidence files of an application; the bytes live in the consultation document store. */
export const programApplicationDocuments = pgTable(
  'program_application_documents',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => programApplications.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** Which required document or declared fact it supports ('' = other). */
    purpose: text('purpose').notNull().default(''),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('program_application_documents_idx').on(t.applicationId)],
);
export type ProgramApplicationDocumentRow = typeof programApplicationDocuments.$inferSelect;

/** A position or short engagement offered by a city agency or public unit (hosting offer). */
export const offers = pgTable(
  'offers',
  {
    id: id(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    programId: uuid('program_id').references(() => programs.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** on_site, remote, visiting. */
    mode: text('mode').notNull(),
    kind: text('kind').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    sectors: jsonb('sectors').$type<string[]>().notNull().default([]),
    requirements: text('requirements').notNull().default(''),
    overseasWelcome: boolean('overseas_welcome').notNull().default(false),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    closesAt: timestampTz('closes_at'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('offers_status_idx').on(t.status)],
);
export type OfferRow = typeof offers.$inferSelect;

export const offerInterests = pgTable(
  'offer_interests',
  {
    id: id(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    message: text('message').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('offer_interests_uq').on(t.offerId, t.profileId)],
);

/** The service commitment that starts with an approval (e.g. 5 years for Resolution 53/2025), confirmed yearly. */
export const programCommitments = pgTable('program_commitments', {
  id: id(),
  applicationId: uuid('application_id')
    .notNull()
    .unique()
    .references(() => programApplications.id, { onDelete: 'cascade' }),
  startDate: text('start_date').notNull(),
  years: integer('years').notNull(),
  employer: text('employer').notNull().default(''),
  field: text('field').notNull().default(''),
  status: text('status', { enum: ['active', 'completed', 'exited'] })
    .notNull()
    .default('active'),
  confirmations: jsonb('confirmations').$type<Array<{ year: number; by: string; at: string; note: string }>>().notNull().default([]),
  exit: jsonb('exit').$type<{ date: string; reason: string; consequence: string; by: string } | null>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type ProgramCommitmentRow = typeof programCommitments.$inferSelect;
