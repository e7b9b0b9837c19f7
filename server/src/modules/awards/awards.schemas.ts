import { councilRoles, nominationStatuses, nominatorKinds, roundStatuses } from '@hpen/db/enums';
import { z } from 'zod';
import { criterionResultSchema, eligibilityOutcomes, ruleDocumentSchema } from '../eligibility/eligibility.schemas.js';

const text = (max = 500) => z.string().trim().max(max);
const isoDate = z.iso.datetime({ offset: true });

export const legalReferenceSchema = z.object({
  document: text(200).min(1),
  article: text(200),
  link: z.string().max(1000),
  certainty: z.enum(['V', 'P', 'U']),
});
export const criterionSchema = z.object({
  code: text(40).min(1),
  titleVi: text(200).min(1),
  titleEn: text(200).min(1),
  weight: z.number().positive().max(100),
  min: z.number().min(0).max(1000),
  max: z.number().min(1).max(1000),
});
export const phaseDefinitionSchema = z.object({
  n: z.number().int().min(1).max(10),
  nameVi: text(200).min(1),
  nameEn: text(200).min(1),
  method: z.enum(['mean_score', 'ballot']),
  threshold: z.number().min(0).max(100).nullable(),
  rulesCode: text(60).min(1),
  ballot: z.enum(['secret', 'signed']),
});
export const awardDefinitionSchema = z.object({
  organiser: text(300).min(1),
  legalBasis: z.array(legalReferenceSchema).max(20),
  nominators: z.array(z.enum(nominatorKinds)).min(1),
  prizeLevels: z
    .array(z.object({ code: text(40).min(1), titleVi: text(200), titleEn: text(200) }))
    .min(1)
    .max(10),
  categories: z
    .array(z.object({ code: text(40).min(1), titleVi: text(200), titleEn: text(200), caps: z.record(z.string(), z.number().int().min(0)) }))
    .min(1)
    .max(40),
  criteria: z.array(criterionSchema).min(1).max(20),
  phases: z.array(phaseDefinitionSchema).min(1).max(10),
  /** Who may be nominated, as a rule document of the programs' eligibility engine (null: no rule). */
  eligibility: ruleDocumentSchema.nullable(),
});
export type AwardDefinitionInput = z.infer<typeof awardDefinitionSchema>;

export const createAwardBodySchema = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/),
  titleVi: text(300).min(1),
  titleEn: text(300).min(1),
  definition: awardDefinitionSchema,
});
export const roundPhaseSchema = z.object({ n: z.number().int().min(1).max(10), startsAt: isoDate, endsAt: isoDate });
export const createRoundBodySchema = z.object({
  year: z.number().int().min(1990).max(2100),
  planReference: text(300),
  nominationOpensAt: isoDate,
  nominationClosesAt: isoDate,
  phases: z.array(roundPhaseSchema).min(1).max(10),
});

export const decisionSchema = z.object({ number: z.string(), date: z.string(), signer: z.string(), recordedAt: z.string() });
export const roundSchema = z.object({
  id: z.uuid(),
  awardId: z.uuid(),
  year: z.number(),
  planReference: z.string(),
  status: z.enum(roundStatuses),
  nominationOpensAt: z.string(),
  nominationClosesAt: z.string(),
  phases: z.array(roundPhaseSchema),
  decision: decisionSchema.nullable(),
  publishAt: z.string().nullable(),
  published: z.boolean(),
});
export type RoundView = z.infer<typeof roundSchema>;

export const awardSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  organiser: z.string(),
});
export const awardListSchema = z.object({ items: z.array(awardSummarySchema) });
export const awardSchema = awardSummarySchema.extend({ definition: awardDefinitionSchema, rounds: z.array(roundSchema) });
export type AwardView = z.infer<typeof awardSchema>;

export const publicResultSchema = z.object({
  nominationId: z.uuid(),
  category: z.string(),
  prizeLevel: z.string().nullable(),
  workTitle: z.string(),
  nominees: z.array(z.object({ profileId: z.uuid().nullable(), name: z.string() })),
});
export const roundPageSchema = z.object({
  award: awardSummarySchema.extend({ definition: awardDefinitionSchema }),
  round: roundSchema,
  nominationCount: z.number(),
  results: z.array(publicResultSchema),
});

export const awardIdParamsSchema = z.object({ id: z.uuid() });
export const roundParamsSchema = z.object({ id: z.uuid(), roundId: z.uuid() });
export const phaseParamsSchema = z.object({ id: z.uuid(), roundId: z.uuid(), phase: z.coerce.number().int().min(1).max(10) });
export const nominationParamsSchema = z.object({ nominationId: z.uuid() });

export const nomineeSchema = z.object({ profileId: z.uuid().nullable(), name: text(200).min(1), organisation: text(300) });
export const evidenceSchema = z.object({
  kind: z.enum(['publication', 'patent', 'application', 'document', 'effect']),
  reference: text(1000).min(1),
});
export const createNominationBodySchema = z.object({
  nominatorKind: z.enum(nominatorKinds),
  category: text(40).min(1),
  team: text(300).default(''),
  nominees: z.array(nomineeSchema).min(1).max(20),
  work: z.object({ title: text(500).min(1), summary: text(5000), evidence: z.array(evidenceSchema).max(50) }),
});
export type CreateNominationBody = z.infer<typeof createNominationBodySchema>;
/** The nominator's edit of a draft: any of the team, the nominees and the work (title, summary, evidence). */
export const updateNominationBodySchema = createNominationBodySchema.pick({ team: true, nominees: true, work: true }).partial();
export type UpdateNominationBody = z.infer<typeof updateNominationBodySchema>;
export const createdNominationSchema = z.object({ id: z.uuid(), status: z.literal('draft') });

export const phaseResultSchema = z.object({
  phase: z.number(),
  outcome: z.enum(['passed', 'not_passed']),
  method: z.enum(['mean_score', 'ballot']),
  summary: z.string(),
  rulesCode: z.string(),
  rulesVersion: z.number(),
  at: z.string(),
});
export const nominationSchema = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  awardId: z.uuid(),
  status: z.enum(nominationStatuses),
  nominatorKind: z.enum(nominatorKinds),
  category: z.string(),
  prizeLevel: z.string().nullable(),
  team: z.string(),
  nominees: z.array(nomineeSchema),
  work: createNominationBodySchema.shape.work,
  reason: z.string(),
  phase: z.number(),
  results: z.array(phaseResultSchema),
  /** For a council member: whether they are recused from it. */
  recused: z.boolean(),
  /** The award's eligibility rules evaluated per nominee with a profile (null: the award has no rule). */
  eligibilityCheck: z
    .array(
      z.object({ profileId: z.uuid(), name: z.string(), outcome: z.enum(eligibilityOutcomes), criteria: z.array(criterionResultSchema) }),
    )
    .nullable(),
  /**
   * Nominees with an account who have not consented to award nomination (Law 91/2025): the
   * nomination stays a draft, "awaiting nominee consent", until each of them has.
   */
  awaitingConsent: z.array(z.uuid()),
  /** What the viewer may do now (on a single nomination; empty in lists). */
  can: z.array(z.enum(['submit', 'withdraw', 'add_documents'])),
  createdAt: z.string(),
});
export type NominationView = z.infer<typeof nominationSchema>;
export const nominationListSchema = z.object({ items: z.array(nominationSchema) });
export const myNominationsSchema = z.object({
  items: z.array(nominationSchema.extend({ awardTitle: z.string(), awardTitleEn: z.string(), year: z.number() })),
});
export const nominationDocumentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  version: z.number(),
  mime: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const nominationDocumentListSchema = z.object({ items: z.array(nominationDocumentSchema) });
export const statusSchema = z.object({ id: z.uuid(), status: z.enum(nominationStatuses) });
export const eligibilityBodySchema = z.object({ eligible: z.boolean(), reason: text(2000).default('') });

export const councilMemberBodySchema = z.object({
  phase: z.number().int().min(1).max(10),
  profileId: z.uuid(),
  role: z.enum(councilRoles),
  independent: z.boolean().default(false),
});
export const councilMemberSchema = z.object({
  id: z.uuid(),
  phase: z.number(),
  profileId: z.uuid(),
  name: z.string(),
  role: z.enum(councilRoles),
  independent: z.boolean(),
});
export const councilSchema = z.object({ items: z.array(councilMemberSchema) });
export const reviewerSuggestionsSchema = z.object({
  nominationId: z.uuid(),
  /** The nomination's current phase (0 before it enters one). */
  phase: z.number(),
  items: z.array(
    z.object({
      profileId: z.uuid(),
      name: z.string(),
      score: z.number(),
      reasons: z.array(z.object({ code: z.string(), detail: z.string(), points: z.number() })),
      conflicts: z.array(z.object({ code: z.string(), evidence: z.string() })),
      registered: z.boolean(),
      seatedPhases: z.array(z.number()),
    }),
  ),
});

export const scoreBodySchema = z.object({
  scores: z.record(z.string(), z.number()),
  review: z.object({ summary: text(5000), strengths: text(5000).default(''), weaknesses: text(5000).default('') }),
});
export const myScoreSchema = z.object({
  nominationId: z.uuid(),
  phase: z.number(),
  scores: z.record(z.string(), z.number()),
  review: scoreBodySchema.shape.review,
});
export const scoreSheetsSchema = z.object({
  items: z.array(
    z.object({
      memberId: z.uuid(),
      name: z.string(),
      role: z.enum(councilRoles),
      weighted: z.number(),
      scores: z.record(z.string(), z.number()),
      review: scoreBodySchema.shape.review,
    }),
  ),
});
export const voteBodySchema = z.object({ choice: z.enum(['yes', 'no', 'abstain']) });
export const votedSchema = z.object({ nominationId: z.uuid(), phase: z.number(), voted: z.literal(true) });

export const assignmentSchema = z.object({
  memberId: z.uuid(),
  awardId: z.uuid(),
  roundId: z.uuid(),
  /** When the phase ends (the scoring and voting deadline), if the round set it. */
  endsAt: z.string().nullable(),
  awardTitle: z.string(),
  year: z.number(),
  phase: z.number(),
  role: z.enum(councilRoles),
  method: z.enum(['mean_score', 'ballot']),
  ballot: z.enum(['secret', 'signed']),
  nominations: z.array(
    z.object({
      id: z.uuid(),
      workTitle: z.string(),
      status: z.enum(nominationStatuses),
      recused: z.boolean(),
      /** My declaration of interest or the screened conflict that recused me. */
      recusal: z.object({ codes: z.array(z.string()), evidence: z.string() }).nullable(),
      scored: z.boolean(),
      voted: z.boolean(),
    }),
  ),
});
export const assignmentsSchema = z.object({ items: z.array(assignmentSchema) });

export const attendanceBodySchema = z.object({ presentMemberIds: z.array(z.uuid()).max(200) });
export const tallyRowSchema = z.object({
  nominationId: z.uuid(),
  workTitle: z.string(),
  method: z.enum(['mean_score', 'ballot']),
  quorum: z.object({ base: z.number(), presentCounted: z.number(), required: z.number(), chairPresent: z.boolean(), met: z.boolean() }),
  yes: z.number().nullable(),
  no: z.number().nullable(),
  abstain: z.number().nullable(),
  yesRequired: z.number().nullable(),
  mean: z.number().nullable(),
  threshold: z.number().nullable(),
  passed: z.boolean(),
  /** Score sheets or ballots counted so far (null when hidden from a recused viewer): 0 means no outcome yet. */
  cast: z.number().nullable(),
  recused: z.array(z.object({ memberId: z.uuid(), name: z.string(), codes: z.array(z.string()) })),
  /** Signed ballots only: who voted what. Never present for a secret ballot. */
  signedVotes: z.array(z.object({ name: z.string(), choice: z.enum(['yes', 'no', 'abstain']) })).nullable(),
});
export const phaseConsoleSchema = z.object({
  phase: z.number(),
  method: z.enum(['mean_score', 'ballot']),
  ballot: z.enum(['secret', 'signed']),
  rules: z.object({
    code: z.string(),
    version: z.number(),
    title: z.string(),
    data: z.record(z.string(), z.unknown()),
    legalReference: legalReferenceSchema,
  }),
  members: z.array(councilMemberSchema.extend({ present: z.boolean() })),
  rows: z.array(tallyRowSchema),
});
export const closePhaseSchema = z.object({ items: z.array(z.object({ nominationId: z.uuid(), status: z.enum(nominationStatuses) })) });

export const decisionBodySchema = z.object({
  number: text(100).min(1),
  date: z.iso.date(),
  signer: text(200).min(1),
  publishAt: isoDate,
  awarded: z.array(z.object({ nominationId: z.uuid(), prizeLevel: text(40).min(1) })).max(500),
});

export const councilRulesDataSchema = z.object({
  quorumRatio: z.number().gt(0).max(1),
  chairRequired: z.boolean(),
  passRatio: z.number().gt(0).max(1),
  passBase: z.enum(['all_members', 'present']),
  excludeRecusedFromBase: z.boolean(),
});
export const councilRulesSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number(),
  title: z.string(),
  data: councilRulesDataSchema,
  legalReference: legalReferenceSchema,
  isCurrent: z.boolean(),
  effectiveFrom: z.string(),
});
export const councilRulesListSchema = z.object({ items: z.array(councilRulesSchema) });
export const newRulesVersionBodySchema = z.object({
  code: z.string().regex(/^[a-z0-9-]{2,60}$/),
  title: text(300).min(1),
  data: councilRulesDataSchema,
  legalReference: legalReferenceSchema,
});

export const honourRollQuerySchema = z.object({
  year: z.coerce.number().int().optional(),
  awardId: z.uuid().optional(),
  category: z.string().max(40).optional(),
});
export const honourRollItemSchema = z.object({
  awardId: z.uuid(),
  awardCode: z.string(),
  awardTitle: z.string(),
  roundId: z.uuid(),
  year: z.number(),
  nominationId: z.uuid(),
  category: z.string(),
  prizeLevel: z.string().nullable(),
  workTitle: z.string(),
  nominees: z.array(z.object({ profileId: z.uuid().nullable(), name: z.string() })),
  decision: z.object({ number: z.string(), date: z.string(), signer: z.string() }),
  publishedAt: z.string(),
});
export type HonourRollItem = z.infer<typeof honourRollItemSchema>;
export const honourRollSchema = z.object({ items: z.array(honourRollItemSchema) });
export const expertAwardsSchema = z.object({
  items: z.array(
    z.object({
      awardTitle: z.string(),
      year: z.number(),
      prizeLevel: z.string().nullable(),
      workTitle: z.string(),
      verified: z.literal(true),
      provenance: z.object({ decisionNumber: z.string(), decisionDate: z.string(), signer: z.string(), organiser: z.string() }),
    }),
  ),
});
