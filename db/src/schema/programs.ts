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

export const applicationReviewerStatuses = ['invited', 'accepted', 'declined', 'recused'] as const;
export type ApplicationReviewerStatus = (typeof applicationReviewerStatuses)[number];

/** A reviewer's declaration of interest, the consultation panel's (Law 91/2025 confidentiality included). */
export interface ReviewerDeclaration {
  conflict: boolean;
  description: string;
  familyOrFinancial: boolean;
  confidentiality: boolean;
  signedAt: string;
}

/** A reviewer's opinion for the deciding officer. */
export interface ReviewerOpinion {
  recommendation: 'approve' | 'reject' | 'abstain';
  comment: string;
  at: string;
}

/**
 * The optional review council of an application: experts from the registry seated by the program's
 * officers, screened for conflicts with the applicant, who declare their interests (as consultation
 * panel members do) and give an opinion; the officer still decides.
 */
export const programApplicationReviewers = pgTable(
  'program_application_reviewers',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => programApplications.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: applicationReviewerStatuses }).notNull().default('invited'),
    declaration: jsonb('declaration').$type<ReviewerDeclaration>(),
    opinion: jsonb('opinion').$type<ReviewerOpinion>(),
    declineReason: text('decline_reason').notNull().default(''),
    invitedBy: uuid('invited_by'),
    respondedAt: timestampTz('responded_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('program_application_reviewers_seat_idx').on(t.applicationId, t.profileId),
    index('program_application_reviewers_user_idx').on(t.userId),
  ],
);
export type ProgramApplicationReviewerRow = typeof programApplicationReviewers.$inferSelect;

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

/** A position or short engagement offered by a city agency or public unit (hosting offer, like EURAXESS). */
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
    /** on_site, remote, hybrid. */
    mode: text('mode').notNull(),
    /** position, short_term, visiting, remote. */
    kind: text('kind').notNull(),
    /** S&T classification codes. */
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    sectors: jsonb('sectors').$type<string[]>().notNull().default([]),
    /** Where the work happens (2025 commune code), when on site. */
    communeCode: text('commune_code'),
    requirements: text('requirements').notNull().default(''),
    overseasWelcome: boolean('overseas_welcome').notNull().default(false),
    status: text('status', { enum: ['draft', 'published', 'closed'] })
      .notNull()
      .default('draft'),
    closesAt: timestampTz('closes_at'),
    publishedAt: timestampTz('published_at'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('offers_status_idx').on(t.status), index('offers_organisation_idx').on(t.organisationId)],
);
export type OfferRow = typeof offers.$inferSelect;

/** An expert's interest in an offer, with a note; withdrawn rather than deleted (audit keeps the story). */
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
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message').notNull().default(''),
    status: text('status', { enum: ['active', 'withdrawn'] })
      .notNull()
      .default('active'),
    withdrawnAt: timestampTz('withdrawn_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('offer_interests_uq').on(t.offerId, t.profileId), index('offer_interests_profile_idx').on(t.profileId)],
);
export type OfferInterestRow = typeof offerInterests.$inferSelect;

/** Experts who opted in to alerts for new offers that fit their profile. */
export const offerAlertSubscriptions = pgTable('offer_alert_subscriptions', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
});

export interface CommitmentConfirmation {
  year: number;
  by: string;
  at: string;
  note: string;
}
export interface CommitmentExit {
  date: string;
  reason: string;
  /** From the program version's service commitment; `amountVnd` null = the source gives no amount ("to confirm"). */
  consequence: { text: string; textEn: string; amountVnd: number | null; toConfirm: boolean; sourceUrl: string | null };
  by: string;
  at: string;
}

/** The service commitment that starts with an approval (e.g. 5 years for Resolution 53/2025), confirmed yearly. */
export const programCommitments = pgTable(
  'program_commitments',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => programApplications.id, { onDelete: 'cascade' }),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    /** The employing organisation: its agency users (and the program's officers) confirm each year. */
    employerOrganisationId: uuid('employer_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    startDate: text('start_date').notNull(),
    years: integer('years').notNull(),
    employer: text('employer').notNull().default(''),
    field: text('field').notNull().default(''),
    status: text('status', { enum: ['active', 'completed', 'ended_early'] })
      .notNull()
      .default('active'),
    confirmations: jsonb('confirmations').$type<CommitmentConfirmation[]>().notNull().default([]),
    exit: jsonb('exit').$type<CommitmentExit | null>(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('program_commitments_profile_idx').on(t.profileId), index('program_commitments_employer_idx').on(t.employerOrganisationId)],
);
export type ProgramCommitmentRow = typeof programCommitments.$inferSelect;
