import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { councilRoles, nominationStatuses, nominatorKinds, roundStatuses, type NominatorKind } from './enums.js';
import { organisations } from './organisations.js';
import { expertProfiles } from './profiles.js';

/** A legal source with the POLICY-FACTS certainty mark: [V] verified, [P] probable, [U] unverified. */
export interface LegalReference {
  document: string;
  article: string;
  link: string;
  certainty: 'V' | 'P' | 'U';
}

export interface AwardCriterion {
  code: string;
  titleVi: string;
  titleEn: string;
  weight: number;
  min: number;
  max: number;
}
export interface AwardPhaseDefinition {
  n: number;
  nameVi: string;
  nameEn: string;
  /** mean_score: weighted mean of the members' criterion scores ≥ threshold; ballot: yes/no under the council rules. */
  method: 'mean_score' | 'ballot';
  threshold: number | null;
  /** Code of the council rules (quorum, pass ratio, recusal) this phase applies, current version at the tally. */
  rulesCode: string;
  ballot: 'secret' | 'signed';
}
export interface AwardDefinition {
  organiser: string;
  legalBasis: LegalReference[];
  nominators: NominatorKind[];
  prizeLevels: Array<{ code: string; titleVi: string; titleEn: string }>;
  /** Fields or categories, each with the most prizes per level (VIFOTEC-style caps). */
  categories: Array<{ code: string; titleVi: string; titleEn: string; caps: Record<string, number> }>;
  criteria: AwardCriterion[];
  phases: AwardPhaseDefinition[];
  /** A rule document of the eligibility engine (server/src/modules/eligibility), or null. */
  eligibility: unknown;
}

export const awards = pgTable('awards', {
  id: id(),
  code: text('code').notNull().unique(),
  titleVi: text('title_vi').notNull(),
  titleEn: text('title_en').notNull(),
  definition: jsonb('definition').$type<AwardDefinition>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type AwardRow = typeof awards.$inferSelect;

/**
 * Council rules as versioned data with their legal reference: quorum and pass ratios, which base
 * the ratio is taken over, and how a recused member counts. A tally records the version it used.
 */
export interface CouncilRulesData {
  /** Share of the council that must be present (3/4 in national practice). */
  quorumRatio: number;
  /** Whether the chair or vice-chair must be among those present. */
  chairRequired: boolean;
  /** Share of yes votes needed. */
  passRatio: number;
  /** all_members: of the whole council (national practice); present: of those present. */
  passBase: 'all_members' | 'present';
  /** Recused members leave the base of quorum and pass ratio for that nomination (true), or still count (false). */
  excludeRecusedFromBase: boolean;
}
export const councilRules = pgTable(
  'award_council_rules',
  {
    id: id(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    data: jsonb('data').$type<CouncilRulesData>().notNull(),
    legalReference: jsonb('legal_reference').$type<LegalReference>().notNull(),
    isCurrent: boolean('is_current').notNull().default(false),
    effectiveFrom: timestampTz('effective_from').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('award_council_rules_version_uq').on(t.code, t.version)],
);
export type CouncilRulesRow = typeof councilRules.$inferSelect;

export interface RoundPhase {
  n: number;
  startsAt: string;
  endsAt: string;
}
export interface AwardDecision {
  number: string;
  date: string;
  signer: string;
  recordedBy: string;
  recordedAt: string;
}

export const awardRounds = pgTable(
  'award_rounds',
  {
    id: id(),
    awardId: uuid('award_id')
      .notNull()
      .references(() => awards.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    planReference: text('plan_reference').notNull().default(''),
    status: text('status', { enum: roundStatuses }).notNull().default('open'),
    nominationOpensAt: timestampTz('nomination_opens_at').notNull(),
    nominationClosesAt: timestampTz('nomination_closes_at').notNull(),
    phases: jsonb('phases').$type<RoundPhase[]>().notNull(),
    decision: jsonb('decision').$type<AwardDecision>(),
    publishAt: timestampTz('publish_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('award_rounds_year_uq').on(t.awardId, t.year)],
);
export type AwardRoundRow = typeof awardRounds.$inferSelect;

/** A seat on the council of one phase of a round. */
export const awardCouncilMembers = pgTable(
  'award_council_members',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => awardRounds.id, { onDelete: 'cascade' }),
    phase: integer('phase').notNull(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    role: text('role', { enum: councilRoles }).notNull(),
    independent: boolean('independent').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('award_council_members_seat_uq').on(t.roundId, t.phase, t.profileId)],
);
export type AwardCouncilMemberRow = typeof awardCouncilMembers.$inferSelect;

export interface Nominee {
  profileId: string | null;
  name: string;
  organisation: string;
}
export interface NominatedWork {
  title: string;
  summary: string;
  evidence: Array<{ kind: 'publication' | 'patent' | 'application' | 'document' | 'effect'; reference: string }>;
}
export interface PhaseResult {
  phase: number;
  outcome: 'passed' | 'not_passed';
  method: 'mean_score' | 'ballot';
  summary: string;
  rulesCode: string;
  rulesVersion: number;
  at: string;
}

export const awardNominations = pgTable(
  'award_nominations',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => awardRounds.id, { onDelete: 'cascade' }),
    status: text('status', { enum: nominationStatuses }).notNull().default('draft'),
    nominatorKind: text('nominator_kind', { enum: nominatorKinds }).notNull(),
    nominatorOrganisationId: uuid('nominator_organisation_id').references(() => organisations.id),
    createdBy: uuid('created_by'),
    category: text('category').notNull(),
    prizeLevel: text('prize_level'),
    team: text('team').notNull().default(''),
    nominees: jsonb('nominees').$type<Nominee[]>().notNull(),
    work: jsonb('work').$type<NominatedWork>().notNull(),
    reason: text('reason').notNull().default(''),
    phase: integer('phase').notNull().default(0),
    results: jsonb('results').$type<PhaseResult[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('award_nominations_round_idx').on(t.roundId, t.status)],
);
export type AwardNominationRow = typeof awardNominations.$inferSelect;

/** A member recused from one nomination (automatic on a screened conflict, or declared). */
export const awardRecusals = pgTable(
  'award_recusals',
  {
    id: id(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => awardNominations.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => awardCouncilMembers.id, { onDelete: 'cascade' }),
    codes: jsonb('codes').$type<string[]>().notNull(),
    evidence: text('evidence').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('award_recusals_uq').on(t.nominationId, t.memberId)],
);

/** A member's structured review and criterion scores for one nomination in one phase. */
export const awardScores = pgTable(
  'award_scores',
  {
    id: id(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => awardNominations.id, { onDelete: 'cascade' }),
    phase: integer('phase').notNull(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => awardCouncilMembers.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    review: jsonb('review').$type<{ summary: string; strengths: string; weaknesses: string }>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('award_scores_uq').on(t.nominationId, t.phase, t.memberId)],
);
export type AwardScoreRow = typeof awardScores.$inferSelect;

/**
 * A ballot. Secret ballots have no voter and no time (no column links them to the "voted" record);
 * signed ballots carry the voter.
 */
export const awardBallots = pgTable(
  'award_ballots',
  {
    id: id(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => awardNominations.id, { onDelete: 'cascade' }),
    phase: integer('phase').notNull(),
    choice: text('choice', { enum: ['yes', 'no', 'abstain'] }).notNull(),
    voterMemberId: uuid('voter_member_id').references(() => awardCouncilMembers.id, { onDelete: 'set null' }),
  },
  (t) => [index('award_ballots_nomination_idx').on(t.nominationId, t.phase)],
);

/** That a member voted (never what). */
export const awardVotesCast = pgTable(
  'award_votes_cast',
  {
    id: id(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => awardNominations.id, { onDelete: 'cascade' }),
    phase: integer('phase').notNull(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => awardCouncilMembers.id, { onDelete: 'cascade' }),
    at: createdAt(),
  },
  (t) => [uniqueIndex('award_votes_cast_uq').on(t.nominationId, t.phase, t.memberId)],
);

/** The council meeting of a phase: who attended (the secretary records it). */
export const awardSessions = pgTable(
  'award_sessions',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => awardRounds.id, { onDelete: 'cascade' }),
    phase: integer('phase').notNull(),
    presentMemberIds: jsonb('present_member_ids').$type<string[]>().notNull().default([]),
    heldAt: timestampTz('held_at'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('award_sessions_uq').on(t.roundId, t.phase)],
);

/** The nomination dossier's files (the consultation document store: sniffed type, size limit, random key). */
export const awardNominationDocuments = pgTable(
  'award_nomination_documents',
  {
    id: id(),
    nominationId: uuid('nomination_id')
      .notNull()
      .references(() => awardNominations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('award_nomination_documents_version_uq').on(t.nominationId, t.name, t.version)],
);
export type AwardNominationDocumentRow = typeof awardNominationDocuments.$inferSelect;
