import { bigserial, boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { consultationKinds, consultationStatuses, invitationStatuses, panelRoles } from './enums.js';
import { organisations } from './organisations.js';
import { expertProfiles } from './profiles.js';
import { users } from './users.js';

export interface ConsultationScheme {
  title: string;
  ownerAgency: string;
  ownerOrganisationId: string | null;
  type: string;
  summary: string;
  draftingTeam: string[];
}
export interface ConsultationBudget {
  estimateVnd: number | null;
  fundingSource: 'requester' | 'state_budget' | 'other' | null;
  approvalReference: string;
}
export interface ConsultationReport {
  summary: string;
  body: string;
  /** Review points pulled in, by review id; a dissenting point is kept as dissent. */
  points: Array<{ reviewId: string; text: string; dissent: boolean }>;
  draftedBy: string;
  draftedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}
export interface ConsultationReply {
  accepted: string;
  notAccepted: string;
  explanation: string;
  by: string;
  at: string;
}

/** A consultation, critical review or social assessment case (Decision 14/2014/QĐ-TTg; HP Decision 55/2023/QĐ-UBND). */
export const consultations = pgTable(
  'consultations',
  {
    id: id(),
    kind: text('kind', { enum: consultationKinds }).notNull(),
    status: text('status', { enum: consultationStatuses }).notNull().default('draft'),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    scheme: jsonb('scheme').$type<ConsultationScheme>().notNull(),
    requesterOrganisationId: uuid('requester_organisation_id')
      .notNull()
      .references(() => organisations.id),
    organiserOrganisationId: uuid('organiser_organisation_id')
      .notNull()
      .references(() => organisations.id),
    initiator: text('initiator', { enum: ['requester', 'union'] })
      .notNull()
      .default('requester'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    questions: jsonb('questions').$type<string[]>().notNull().default([]),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    sectors: jsonb('sectors').$type<string[]>().notNull().default([]),
    keywords: jsonb('keywords').$type<string[]>().notNull().default([]),
    dueAt: timestampTz('due_at').notNull(),
    panelSize: integer('panel_size').notNull(),
    blind: boolean('blind').notNull().default(false),
    budget: jsonb('budget').$type<ConsultationBudget>().notNull(),
    publishable: boolean('publishable').notNull().default(false),
    published: boolean('published').notNull().default(false),
    policyCode: text('policy_code').notNull(),
    report: jsonb('report').$type<ConsultationReport>(),
    reply: jsonb('reply').$type<ConsultationReply>(),
    rating: jsonb('rating').$type<{ score: number; comment: string; by: string; at: string }>(),
    sentAt: timestampTz('sent_at'),
    closedAt: timestampTz('closed_at'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consultations_requester_idx').on(t.requesterOrganisationId),
    index('consultations_organiser_idx').on(t.organiserOrganisationId),
    index('consultations_status_idx').on(t.status),
  ],
);
export type ConsultationRow = typeof consultations.$inferSelect;

/** The state timeline: one row per transition (the audit log has the same, with request details). */
export const consultationEvents = pgTable(
  'consultation_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorUserId: uuid('actor_user_id'),
    note: text('note').notNull().default(''),
    at: createdAt(),
  },
  (t) => [index('consultation_events_case_idx').on(t.consultationId, t.id)],
);

export interface MemberDeclaration {
  conflict: boolean;
  description: string;
  familyOrFinancial: boolean;
  confidentiality: boolean;
  shareContact: boolean;
  publishName: boolean;
  signedAt: string;
}

/** An invitation and, once accepted, a panel seat. Its id is the invitation id. */
export const consultationMembers = pgTable(
  'consultation_members',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    role: text('role', { enum: panelRoles }).notNull().default('reviewer'),
    status: text('status', { enum: invitationStatuses }).notNull().default('invited'),
    invitedBy: uuid('invited_by'),
    respondedAt: timestampTz('responded_at'),
    declineReason: text('decline_reason'),
    declaration: jsonb('declaration').$type<MemberDeclaration>(),
    /** Conflict flags staff overrode when inviting, each with the written reason. */
    overrides: jsonb('overrides').$type<Array<{ code: string; reason: string; by: string; at: string }>>().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('consultation_members_case_profile_uq').on(t.consultationId, t.profileId),
    index('consultation_members_profile_idx').on(t.profileId),
  ],
);
export type ConsultationMemberRow = typeof consultationMembers.$inferSelect;

/** A member's structured written review: a draft until submitted, then read-only. */
export const consultationReviews = pgTable('consultation_reviews', {
  id: id(),
  consultationId: uuid('consultation_id')
    .notNull()
    .references(() => consultations.id, { onDelete: 'cascade' }),
  memberId: uuid('member_id')
    .notNull()
    .unique()
    .references(() => consultationMembers.id, { onDelete: 'cascade' }),
  content: jsonb('content').$type<Record<string, string>>().notNull(),
  submittedAt: timestampTz('submitted_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type ConsultationReviewRow = typeof consultationReviews.$inferSelect;

/**
 * Deadlines, reminder offsets and report sections with their legal reference, versioned: many of
 * these facts are unverified (POLICY-FACTS §1), so an officer corrects data, not code.
 */
export const consultationPolicies = pgTable('consultation_policies', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  legalReference: text('legal_reference').notNull(),
  verified: boolean('verified').notNull().default(false),
  data: jsonb('data')
    .$type<{ reminderDaysBefore: number[]; overdueEveryDays: number; minReviewDays: number; reportSections: string[] }>()
    .notNull(),
  effectiveFrom: timestampTz('effective_from').notNull(),
  isCurrent: boolean('is_current').notNull().default(false),
  createdAt: createdAt(),
});

/** A case document (request letter, draft scheme, explanatory note…), versioned by name; the bytes live outside the web root. */
export const consultationDocuments = pgTable(
  'consultation_documents',
  {
    id: id(),
    consultationId: uuid('consultation_id')
      .notNull()
      .references(() => consultations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('consultation_documents_version_uq').on(t.consultationId, t.name, t.version)],
);
export type ConsultationDocumentRow = typeof consultationDocuments.$inferSelect;
