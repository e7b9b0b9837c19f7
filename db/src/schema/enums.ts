/**
 * Pure enumerations shared by the schema, the API contracts and the web app.
 * No imports here: web/ bundles this file.
 */
export const roles = ['expert', 'agency', 'curator', 'officer', 'admin'] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ['agency', 'curator', 'officer', 'admin'] as const;

export const userStatuses = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

export const organisationKinds = ['department', 'district', 'union', 'association', 'university', 'public_unit', 'other'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/** proposed: a member-list import invited an existing expert, who accepts or declines. */
export const membershipStatuses = ['pending', 'proposed', 'approved', 'rejected', 'left'] as const;
export type MembershipStatus = (typeof membershipStatuses)[number];

export const verificationItemTypes = ['degree', 'title', 'position'] as const;
export type VerificationItemType = (typeof verificationItemTypes)[number];
export const verificationStatuses = ['pending', 'approved', 'rejected', 'changes_requested', 'superseded', 'withdrawn'] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

export const duplicateStatuses = ['open', 'dismissed', 'merged'] as const;
export const importStatuses = ['parsing', 'dry_run_ready', 'failed', 'importing', 'done'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export const consultationKinds = ['tu_van', 'phan_bien', 'giam_dinh'] as const;
export type ConsultationKind = (typeof consultationKinds)[number];
export const consultationStatuses = [
  'draft',
  'panel_forming',
  'in_review',
  'consolidating',
  'sent',
  'replied',
  'closed',
  'cancelled',
] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];
export const panelRoles = ['chair', 'reviewer', 'member', 'secretary'] as const;
export type PanelRole = (typeof panelRoles)[number];
export const invitationStatuses = ['invited', 'accepted', 'declined', 'withdrawn'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];
export const jobStatuses = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];
/** A yearly implementation report: the agency drafts and submits, the Department of S&T accepts or returns it. */
export const annualReportStatuses = ['draft', 'submitted', 'accepted'] as const;
export type AnnualReportStatus = (typeof annualReportStatuses)[number];

/** Talent-attraction programs (issue 14). */
export const programStatuses = ['draft', 'published', 'closed', 'archived'] as const;
export type ProgramStatus = (typeof programStatuses)[number];
export const applicationStatuses = ['draft', 'submitted', 'in_review', 'needs_information', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Recognition (awards): who may nominate, council seats, nomination and round states. */
export const nominatorKinds = ['agency', 'association', 'organisation', 'self'] as const;
export type NominatorKind = (typeof nominatorKinds)[number];
export const councilRoles = ['chair', 'vice_chair', 'reviewer', 'member', 'secretary'] as const;
export type CouncilRole = (typeof councilRoles)[number];
export const nominationStatuses = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'in_phase',
  'passed',
  'not_passed',
  'awarded',
  'not_awarded',
  'withdrawn',
] as const;
export type NominationStatus = (typeof nominationStatuses)[number];
export const roundStatuses = ['open', 'reviewing', 'decided'] as const;
export type RoundStatus = (typeof roundStatuses)[number];
