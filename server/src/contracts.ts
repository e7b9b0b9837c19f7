/**
 * The API contracts shared with web/: zod schemas only, no server code.
 * web/ imports `@hpen/server/contracts`; keep every file re-exported here free of Node imports.
 */
export * from './modules/shared/shared.schemas.js';
export * from './modules/organisations/organisations.schemas.js';
export * from './modules/users/users.schemas.js';
export * from './modules/auth/auth.schemas.js';
export * from './modules/audit/audit.schemas.js';
export * from './modules/reference/reference.schemas.js';
export * from './modules/profiles/profiles.schemas.js';
export * from './modules/data-rights/data-rights.schemas.js';
export * from './modules/privacy/privacy.schemas.js';
export * as referenceData from './modules/reference/reference.data.js';
export * from './modules/search/search.schemas.js';
export * from './modules/shortlists/shortlists.schemas.js';
export * from './modules/curation/curation.schemas.js';
export * from './modules/consultations/consultations.schemas.js';
export * from './modules/consultations/consultations.values.js';
export * from './modules/notifications/notifications.schemas.js';
export * from './modules/memberships/memberships.schemas.js';
export * from './modules/memberships/memberships.values.js';
export * from './modules/verification/verification.schemas.js';
export * from './modules/verification/verification.values.js';
export * from './modules/duplicates/duplicates.schemas.js';
export * from './modules/imports/imports.schemas.js';
export { foldVietnamese } from './modules/shared/text.js';
export * from './modules/mfa/mfa.schemas.js';
export * from './modules/mfa/mfa.values.js';
export * from './modules/profiles/profile-sections.js';
export * from './modules/reports/reports.schemas.js';
export * from './modules/eligibility/eligibility.schemas.js';
export * from './modules/eligibility/eligibility.values.js';
export {
  assignmentsSchema,
  awardListSchema,
  awardSchema,
  createNominationBodySchema,
  honourRollSchema,
  myNominationsSchema,
  myScoreSchema,
  nominationDocumentListSchema,
  nominationSchema,
  phaseConsoleSchema,
  reviewerSuggestionsSchema,
  roundPageSchema,
  scoreSheetsSchema,
} from './modules/awards/awards.schemas.js';
export {
  applicationListSchema,
  applicationReviewerSchema,
  applicationSchema,
  myReviewsSchema,
  reviewerCandidatesSchema,
  applicationStatuses,
  createProgramBodySchema,
  eligibilityListSchema,
  programListSchema,
  programSchema,
  programStatuses,
  programVersionListSchema,
  ruleTestResultSchema,
  updateProgramBodySchema,
  type ApplicationView,
  type EligibilityList,
  type ProgramContent,
  type ProgramContentInput,
  type ProgramView,
} from './modules/programs/programs.schemas.js';
export * from './modules/offers/offers.schemas.js';
