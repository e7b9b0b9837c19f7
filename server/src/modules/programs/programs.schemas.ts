import { z } from 'zod';
import { degreeCodes } from '../reference/reference.data.js';
import { multilineTextSchema } from '../shared/shared.schemas.js';
import {
  criterionResultSchema,
  criterionValueSchema,
  declaredFactsSchema,
  eligibilityOutcomes,
  gapHintSchema,
  legalSourceSchema,
  localisedTextSchema,
  ruleDocumentSchema,
} from '../eligibility/eligibility.schemas.js';

/** Talent-attraction programs: contracts shared with web/. Amounts, windows and rules are data. */

export const programStatuses = ['draft', 'published', 'closed', 'archived'] as const;
export const applicationStatuses = ['draft', 'submitted', 'in_review', 'needs_information', 'approved', 'rejected', 'withdrawn'] as const;
export type ApplicationStatusCode = (typeof applicationStatuses)[number];

const longText = z.strictObject({ vi: z.string().trim().max(5000), en: z.string().trim().max(5000) });
const code = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,62}$/);
const isoDate = z.iso.date();

export const legalBasisSchema = z.strictObject({
  number: z.string().trim().min(1).max(100),
  title: z.string().trim().max(500).default(''),
  date: isoDate.nullable().default(null),
  article: z.string().trim().max(200).default(''),
  link: z.url().max(1000).nullable().default(null),
  certainty: z.enum(['V', 'P', 'U']),
});

export const benefitSchema = z.strictObject({
  /** A benefit group code of the rules (e.g. "doctorate"); one row per group. */
  group: code,
  label: localisedTextSchema,
  oneTimeVnd: z.number().int().min(0).max(100_000_000_000).nullable().default(null),
  /** Monthly support as a multiple of the regional minimum wage. */
  monthlyMinWageMultiple: z.number().min(0).max(100).nullable().default(null),
  note: longText.default({ vi: '', en: '' }),
  source: legalSourceSchema.optional(),
  toConfirm: z.boolean().default(false),
});

export const programContentSchema = z.strictObject({
  title: localisedTextSchema,
  summary: longText,
  agency: z.string().trim().min(1).max(300),
  legalBasis: z.array(legalBasisSchema).min(1).max(10),
  targetGroups: z
    .array(z.strictObject({ code, label: localisedTextSchema }))
    .max(30)
    .default([]),
  benefits: z.array(benefitSchema).max(30).default([]),
  applicationWindow: z.strictObject({ opensOn: isoDate.nullable().default(null), closesOn: isoDate.nullable().default(null) }),
  requiredDocuments: z
    .array(z.strictObject({ code, label: localisedTextSchema, required: z.boolean().default(true) }))
    .max(30)
    .default([]),
  serviceCommitment: z
    .strictObject({ years: z.number().int().min(0).max(30), conditions: longText, source: legalSourceSchema.optional() })
    .nullable()
    .default(null),
  rules: ruleDocumentSchema,
});
export type ProgramContent = z.infer<typeof programContentSchema>;
export type ProgramContentInput = z.input<typeof programContentSchema>;

/**
 * What an officer's edit must also satisfy (checked on write only, so a stored version never fails
 * to read): one row per target group, benefit group and document code, and a window that opens
 * before it closes. Each issue names its row, so the form shows it under that field.
 */
export const programContentWriteSchema = programContentSchema.superRefine((c, ctx) => {
  const unique = (list: 'targetGroups' | 'benefits' | 'requiredDocuments', key: 'code' | 'group', codes: string[]) => {
    const seen = new Set<string>();
    codes.forEach((value, i) => {
      if (seen.has(value))
        ctx.addIssue({ code: 'custom', message: `Duplicate code ${value}`, path: [list, i, key], params: { code: 'duplicate' } });
      seen.add(value);
    });
  };
  unique(
    'targetGroups',
    'code',
    c.targetGroups.map((g) => g.code),
  );
  unique(
    'benefits',
    'group',
    c.benefits.map((b) => b.group),
  );
  unique(
    'requiredDocuments',
    'code',
    c.requiredDocuments.map((d) => d.code),
  );
  const { opensOn, closesOn } = c.applicationWindow;
  if (opensOn && closesOn && closesOn < opensOn)
    ctx.addIssue({
      code: 'custom',
      message: 'The window closes before it opens',
      path: ['applicationWindow', 'closesOn'],
      params: { code: 'window_order' },
    });
});

export const createProgramBodySchema = z.strictObject({
  code,
  content: programContentWriteSchema,
  /** Defaults to the officer's own organisation. */
  organisationId: z.uuid().optional(),
});
export const updateProgramBodySchema = z.strictObject({
  content: programContentWriteSchema,
  /** The version the edit was based on (409 when another edit came first). */
  version: z.number().int().min(1),
  note: z.string().trim().max(500).default(''),
});
export const programStatusBodySchema = z.strictObject({ status: z.enum(programStatuses) });

export const programSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  status: z.enum(programStatuses),
  version: z.number().int(),
  title: localisedTextSchema,
  summary: longText,
  agency: z.string(),
  applicationWindow: programContentSchema.shape.applicationWindow,
  /** The largest one-time amount, for the catalogue card. */
  maxOneTimeVnd: z.number().nullable(),
  open: z.boolean(),
});
export const programListSchema = z.object({ items: z.array(programSummarySchema) });

export const programSchema = programSummarySchema.extend({
  organisationId: z.uuid().nullable(),
  content: programContentSchema,
  versionId: z.uuid(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** Criteria, benefits and legal bases still to check against the official text (officers). */
  toConfirm: z.array(z.object({ id: z.string(), label: localisedTextSchema, source: legalSourceSchema.optional() })),
  can: z.array(z.string()),
});
export type ProgramView = z.infer<typeof programSchema>;

export const programVersionListSchema = z.object({
  items: z.array(z.object({ version: z.number().int(), publishedAt: z.string().nullable(), createdAt: z.string(), note: z.string() })),
});

export const programIdParamsSchema = z.strictObject({ id: z.uuid() });
export const langQuerySchema = z.object({ lang: z.enum(['vi', 'en']).default('vi') });

export const eligibilityCriterionSchema = criterionResultSchema.omit({ label: true }).extend({
  label: z.string(),
  labels: localisedTextSchema,
  value: criterionValueSchema.optional(),
  fill: gapHintSchema.optional(),
  /** Where to go to fill the gap (a web path). */
  link: z.string().optional(),
});
export const programEligibilitySchema = z.object({
  programId: z.uuid(),
  code: z.string(),
  title: z.string(),
  version: z.number().int(),
  outcome: z.enum(eligibilityOutcomes),
  criteria: z.array(eligibilityCriterionSchema),
  groups: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      status: z.enum(['met', 'not_met', 'missing']),
      criteria: z.array(eligibilityCriterionSchema),
    }),
  ),
  benefit: z
    .object({ group: z.string(), label: z.string(), oneTimeVnd: z.number().nullable(), monthlyMinWageMultiple: z.number().nullable() })
    .nullable(),
});
export const eligibilityListSchema = z.object({ profileId: z.uuid(), asOf: z.string(), programs: z.array(programEligibilitySchema) });
export type EligibilityList = z.infer<typeof eligibilityListSchema>;

/** A sample profile's facts (the test profiles of the rule editor). */
export const sampleFactsSchema = z.strictObject({
  asOf: isoDate,
  highestDegree: z.enum(degreeCodes).nullable().optional(),
  academicTitle: z.enum(['GS', 'PGS']).nullable().optional(),
  birthYear: z.number().int().min(1900).max(2200).nullable().optional(),
  gender: z.enum(['female', 'male', 'other']).nullable().optional(),
  sectors: z.array(z.string().max(60)).max(50).optional(),
  declared: declaredFactsSchema.default({}),
});
export const ruleTestBodySchema = z.strictObject({ rules: ruleDocumentSchema, facts: sampleFactsSchema });

export const ruleTestResultSchema = z.object({
  outcome: z.enum(['eligible', 'nearly', 'not_eligible']),
  status: z.enum(['met', 'not_met', 'missing']),
  gap: z.number().int(),
  group: z.string().nullable(),
  criteria: z.array(z.object({ id: z.string(), status: z.string(), value: z.unknown().optional(), depth: z.number().int() })),
  groups: z.array(z.object({ code: z.string(), status: z.string() })),
});

/**
 * The rule editor's test panel: a rule document (default: the program's current rules) against
 * sample profiles and/or stored profiles (as agencies see them); at most 20 of each.
 */
export const programRuleTestBodySchema = z
  .strictObject({
    rules: ruleDocumentSchema.optional(),
    profiles: z
      .array(z.strictObject({ label: z.string().trim().min(1).max(100), facts: sampleFactsSchema }))
      .max(20)
      .default([]),
    profileIds: z.array(z.uuid()).max(20).default([]),
  })
  .refine((b) => b.profiles.length + b.profileIds.length > 0, {
    message: 'Give at least one sample profile or profile id',
    path: ['profiles'],
    params: { code: 'required' },
  });
export const programRuleTestResultSchema = z.object({
  results: z.array(ruleTestResultSchema.extend({ label: z.string(), profileId: z.uuid().nullable() })),
});

// ---- Applications ----

export const createApplicationBodySchema = z.strictObject({
  declared: declaredFactsSchema.default({}),
  /** Officers only: register a paper dossier for a profile without an account. */
  profileId: z.uuid().optional(),
  statement: z.string().trim().max(5000).default(''),
  /**
   * In person: the applicant consents here to assessment in talent programs (Law 91/2025), unless
   * they already have. Paper dossier: the officer attests the signed consent form in the dossier.
   */
  assessmentConsent: z.boolean().optional(),
});
export const updateApplicationBodySchema = z.strictObject({
  declared: declaredFactsSchema.optional(),
  statement: z.string().trim().max(5000).optional(),
});
export const applicationCreatedSchema = z.object({ id: z.uuid(), status: z.literal('draft') });
export const applicationStatusSchema = z.object({ id: z.uuid(), status: z.enum(applicationStatuses) });
export const applicationIdParamsSchema = z.strictObject({ id: z.uuid() });
export const requestInformationBodySchema = z.strictObject({ message: z.string().trim().min(1).max(2000) });
export const withdrawBodySchema = z.strictObject({ reason: z.string().trim().max(2000).default('') });
export const decisionBodySchema = z
  .strictObject({
    outcome: z.enum(['approved', 'rejected']),
    number: z.string().trim().min(1).max(100),
    date: isoDate,
    reason: z.string().trim().max(2000).default(''),
  })
  .refine((d) => d.outcome === 'approved' || d.reason.length > 0, {
    message: 'A rejection needs its reason',
    path: ['reason'],
    params: { code: 'required' },
  });
export const checklistBodySchema = z.strictObject({
  items: z
    .array(z.strictObject({ criterionId: z.string().max(63), checked: z.boolean(), note: z.string().trim().max(1000).default('') }))
    .max(200),
});

/** The text fields of an evidence upload: what the file proves (a criterion id, as in the checklist, or 'other'). */
/** What a file proves: a required document's code, `fact:<key>` for a declared fact's evidence, `other`, or nothing. */
export const documentFieldsSchema = z.object({
  purpose: z
    .string()
    .trim()
    .max(63, { abort: true })
    .regex(/^(?:fact:[a-z][a-z0-9_]{0,57}|[a-z0-9][a-z0-9_-]{1,62})?$/, 'a required document code, fact:<key> or other')
    .default(''),
});

export const applicationDocumentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});

export const applicationSummarySchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  programCode: z.string(),
  programTitle: localisedTextSchema,
  programVersion: z.number().int(),
  applicantName: z.string(),
  status: z.enum(applicationStatuses),
  outcomeAtSubmission: z.enum(eligibilityOutcomes).nullable(),
  submittedAt: z.string().nullable(),
  /** Days since submission (or since creation for a draft): the queue's ageing. */
  ageDays: z.number().int(),
  updatedAt: z.string(),
});
export const applicationListSchema = z.object({ items: z.array(applicationSummarySchema) });
export const applicationListQuerySchema = z.object({
  status: z.enum(applicationStatuses).optional(),
  programId: z.uuid().optional(),
  scope: z.enum(['mine', 'queue']).optional(),
});

export const applicationReviewerStatuses = ['invited', 'accepted', 'declined', 'recused'] as const;
export const reviewerRecommendations = ['approve', 'reject', 'abstain'] as const;
/** A seat on an application's review council, as the program's officers (and the reviewer, their own) see it. */
export const applicationReviewerSchema = z.object({
  id: z.uuid(),
  profileId: z.uuid(),
  name: z.string(),
  status: z.enum(applicationReviewerStatuses),
  declaration: z
    .object({
      conflict: z.boolean(),
      description: z.string(),
      familyOrFinancial: z.boolean(),
      confidentiality: z.boolean(),
      signedAt: z.string(),
    })
    .nullable(),
  opinion: z.object({ recommendation: z.enum(reviewerRecommendations), comment: z.string(), at: z.string() }).nullable(),
  declineReason: z.string(),
  invitedAt: z.string(),
});
export type ApplicationReviewerView = z.infer<typeof applicationReviewerSchema>;
export const seatReviewerBodySchema = z.strictObject({ profileId: z.uuid() });
export const reviewerParamsSchema = z.strictObject({ id: z.uuid(), reviewerId: z.uuid() });
export const reviewSeatParamsSchema = z.strictObject({ reviewerId: z.uuid() });
/** The consultation panel's declaration of interest, for a reviewer (a declared conflict recuses them). */
export const reviewerAnswerBodySchema = z.discriminatedUnion('accept', [
  z.strictObject({
    accept: z.literal(true),
    declaration: z.strictObject({
      conflict: z.boolean(),
      description: multilineTextSchema().trim().max(2000).default(''),
      familyOrFinancial: z.boolean().default(false),
      confidentiality: z.boolean(),
    }),
  }),
  z.strictObject({ accept: z.literal(false), reason: multilineTextSchema().trim().min(1).max(2000) }),
]);
export const reviewerOpinionBodySchema = z.strictObject({
  recommendation: z.enum(reviewerRecommendations),
  comment: multilineTextSchema().trim().max(4000).default(''),
});
export const reviewerCandidatesQuerySchema = z.strictObject({ q: z.string().trim().max(200).default('') });
/**
 * Experts who could sit on an application's review council: found in the agencies' index (by the
 * words asked, or by the applicant's fields), each screened for conflicts and said whether they
 * have an account; clean, registered candidates first.
 */
export const reviewerCandidatesSchema = z.object({
  items: z.array(
    z.object({
      profileId: z.uuid(),
      name: z.string(),
      workplace: z.string().nullable(),
      registered: z.boolean(),
      seated: z.boolean(),
      conflicts: z.array(z.object({ code: z.string(), evidence: z.string() })),
    }),
  ),
});
/** My seats on review councils, with the application each is on. */
export const myReviewsSchema = z.object({
  items: z.array(
    applicationReviewerSchema.extend({
      applicationId: z.uuid(),
      applicationStatus: z.enum(applicationStatuses),
      programTitle: localisedTextSchema,
      applicantName: z.string(),
    }),
  ),
});

export const applicationSchema = applicationSummarySchema.extend({
  profileId: z.uuid(),
  declared: declaredFactsSchema,
  statement: z.string(),
  snapshot: z.record(z.string(), z.unknown()),
  assessment: programEligibilitySchema.nullable(),
  checklist: z.array(z.object({ criterionId: z.string(), label: z.string(), status: z.string(), checked: z.boolean(), note: z.string() })),
  infoRequest: z.string().nullable(),
  decision: z
    .object({ outcome: z.enum(['approved', 'rejected']), number: z.string(), date: z.string(), reason: z.string(), at: z.string() })
    .nullable(),
  documents: z.array(applicationDocumentSchema),
  requiredDocuments: programContentSchema.shape.requiredDocuments,
  declaredFacts: ruleDocumentSchema.shape.declaredFacts,
  timeline: z.array(z.object({ from: z.string().nullable(), to: z.string(), at: z.string(), note: z.string() })),
  can: z.array(z.string()),
  /** How the viewer sees the application: as its applicant (or the officer keeping a paper dossier), a reviewing officer, or a council reviewer. */
  viewer: z.enum(['applicant', 'manager', 'reviewer']),
  /** The review council: every seat for the program's officers, one's own for a reviewer, none for the applicant. */
  reviewers: z.array(applicationReviewerSchema),
  /** What submitting (or answering a request for information) still needs; empty for other viewers and states. */
  missing: z.array(z.object({ kind: z.enum(['document', 'fact', 'evidence', 'consent']), code: z.string(), label: localisedTextSchema })),
});
export type ApplicationView = z.infer<typeof applicationSchema>;
