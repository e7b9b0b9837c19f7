import { z } from 'zod';
import { cefrLevels, degreeCodes, publicationTypes } from '../reference/reference.data.js';
import { employerTypes } from './eligibility.values.js';

/**
 * Eligibility rules as data: a JSON document validated here, evaluated by eligibility-rules.ts.
 * Nothing in this file knows about programs or awards; both keep a rule document beside their
 * own data. Pure zod, no Node imports: web/ imports it through contracts.ts for the rule editor.
 */

export const localisedTextSchema = z.strictObject({ vi: z.string().trim().min(1).max(500), en: z.string().trim().min(1).max(500) });
export type LocalisedText = z.infer<typeof localisedTextSchema>;

/** Where a criterion comes from and how sure we are (the [V]/[P]/[U] marks of POLICY-FACTS.md). */
export const legalSourceSchema = z.strictObject({
  ref: z.string().trim().min(1).max(300),
  link: z.url().max(1000).optional(),
  certainty: z.enum(['V', 'P', 'U']),
});
export type LegalSource = z.infer<typeof legalSourceSchema>;

/**
 * Degree order used by rules (Vietnamese equivalences): ĐH < ThS = CKI < BS nội trú < TS = CKII < TSKH.
 * It differs from reference.data's display rank, which puts BSNT beside ThS.
 */
export const DEGREE_ORDER: Record<(typeof degreeCodes)[number], number> = {
  other: 0,
  CD: 1,
  DH: 2,
  ThS: 3,
  CKI: 3,
  BSNT: 4,
  TS: 5,
  CKII: 5,
  TSKH: 6,
};
export const TITLE_ORDER = { PGS: 1, GS: 2 } as const;
export const GRADE_ORDER = { none: 0, kha: 1, gioi: 2, xuat_sac: 3 } as const;
export const graduationGrades = ['kha', 'gioi', 'xuat_sac'] as const;
export const CEFR_ORDER: Record<(typeof cefrLevels)[number], number> = { A1: 1, A2: 2, B1: 3, B2: 4, C1: 5, C2: 6, native: 7 };

const factKey = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);
const count = z.number().int().min(0).max(100_000);

/** What every criterion (leaf or combinator) carries. */
const base = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/),
  label: localisedTextSchema,
  source: legalSourceSchema.optional(),
  /** Shown to officers as "to confirm" until the official text has been checked. */
  toConfirm: z.boolean().optional(),
  /**
   * For counts and grades the profile cannot hold exactly (role, indexing, prestige): a declared
   * fact that, when the person declares it, replaces the value read from the profile.
   */
  fact: factKey.optional(),
};

export const leafCriterionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('degree'),
    min: z.enum(degreeCodes).optional(),
    anyOf: z.array(z.enum(degreeCodes)).min(1).max(9).optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('title'), min: z.enum(['PGS', 'GS']) }),
  z.strictObject({
    ...base,
    kind: z.literal('trained_abroad'),
    minDegree: z.enum(degreeCodes).optional(),
    minGrade: z.enum(graduationGrades).optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('graduation_grade'), min: z.enum(graduationGrades), degree: z.enum(degreeCodes).optional() }),
  z.strictObject({
    ...base,
    kind: z.literal('age'),
    /** Age in the year of the evaluation date (only the birth year is known). */
    max: z.number().int().min(0).max(120).optional(),
    /** "under 35" is max 35 with strict: true. */
    strict: z.boolean().optional(),
    min: z.number().int().min(0).max(120).optional(),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('remaining_working_years'),
    min: z.number().int().min(0).max(60),
    retirementAge: z.strictObject({
      male: z.number().min(40).max(80),
      female: z.number().min(40).max(80),
      other: z.number().min(40).max(80),
    }),
  }),
  z.strictObject({ ...base, kind: z.literal('sector'), anyOf: z.array(z.string().min(1).max(60)).min(1).max(100) }),
  z.strictObject({
    ...base,
    kind: z.literal('field'),
    anyOf: z
      .array(z.string().regex(/^\d{1,3}$/))
      .min(1)
      .max(200),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('publications'),
    min: count,
    types: z.array(z.enum(publicationTypes)).min(1).max(7).optional(),
    sinceYear: z.number().int().min(1900).max(2200).optional(),
    /** The profile holds neither; with either set only the declared fact can answer. */
    role: z.enum(['any', 'main_author']).optional(),
    indexed: z.boolean().optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('patents'), min: count, status: z.enum(['any', 'granted', 'granted_applied']).optional() }),
  z.strictObject({
    ...base,
    kind: z.literal('projects_led'),
    min: count,
    levels: z
      .array(z.enum(['national', 'ministry', 'city', 'institutional', 'international', 'other']))
      .min(1)
      .max(6)
      .optional(),
    /** "completed with a passing final evaluation": the profile cannot say; declared only. */
    passedEvaluation: z.boolean().optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('awards'), min: count, prestigious: z.boolean().optional() }),
  z.strictObject({
    ...base,
    kind: z.literal('language'),
    min: z.enum(cefrLevels),
    /** ISO 639-1; omitted = any language other than Vietnamese. */
    code: z
      .string()
      .regex(/^[a-z]{2}$/)
      .optional(),
  }),
  z.strictObject({ ...base, kind: z.literal('experience_years'), min: z.number().int().min(0).max(70) }),
  z.strictObject({ ...base, kind: z.literal('employer_type'), anyOf: z.array(z.enum(employerTypes)).min(1).max(employerTypes.length) }),
  z.strictObject({
    ...base,
    kind: z.literal('declared'),
    fact: factKey,
    /** is_true: a yes/no fact; at_least: a number; one_of: a choice among values. */
    op: z.enum(['is_true', 'at_least', 'one_of']),
    value: z.union([z.number(), z.array(z.string().max(100)).min(1).max(50)]).optional(),
  }),
]);
export type LeafCriterion = z.infer<typeof leafCriterionSchema>;

export type Criterion =
  | LeafCriterion
  | { id: string; label: LocalisedText; source?: LegalSource; toConfirm?: boolean; fact?: string; kind: 'all' | 'any'; of: Criterion[] }
  | { id: string; label: LocalisedText; source?: LegalSource; toConfirm?: boolean; fact?: string; kind: 'not'; of: Criterion };

export const criterionSchema: z.ZodType<Criterion> = z.lazy(() =>
  z.union([
    leafCriterionSchema,
    z.strictObject({ ...base, kind: z.enum(['all', 'any']), of: z.array(criterionSchema).min(1).max(50) }),
    z.strictObject({ ...base, kind: z.literal('not'), of: criterionSchema }),
  ]),
);

/** A fact the profile cannot hold, asked of the person (with evidence when required). */
export const declaredFactDefinitionSchema = z.strictObject({
  key: factKey,
  label: localisedTextSchema,
  type: z.enum(['boolean', 'number', 'choice']),
  options: z
    .array(z.strictObject({ value: z.string().max(100), label: localisedTextSchema }))
    .max(50)
    .optional(),
  evidenceRequired: z.boolean().default(false),
});
export type DeclaredFactDefinition = z.infer<typeof declaredFactDefinitionSchema>;

/** A benefit group: reached when its criterion is met; the last group reached in list order wins. */
export const benefitGroupRuleSchema = z.strictObject({ code: factKey, label: localisedTextSchema, when: criterionSchema });

export const ruleDocumentSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    /** Everything a person must meet (usually an `all`). */
    requirements: criterionSchema,
    /** Ordered from the lowest benefit to the highest; empty when the rule has no levels. */
    groups: z.array(benefitGroupRuleSchema).max(30).default([]),
    declaredFacts: z.array(declaredFactDefinitionSchema).max(50).default([]),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    const visit = (c: Criterion, path: (string | number)[]) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', message: `Duplicate criterion id ${c.id}`, path, params: { code: 'duplicate' } });
      seen.add(c.id);
      if (c.kind === 'all' || c.kind === 'any') c.of.forEach((child, i) => visit(child, [...path, 'of', i]));
      else if (c.kind === 'not') visit(c.of, [...path, 'of']);
    };
    visit(doc.requirements, ['requirements']);
    doc.groups.forEach((g, i) => visit(g.when, ['groups', i, 'when']));
  });
export type RuleDocument = z.infer<typeof ruleDocumentSchema>;
export type RuleDocumentInput = z.input<typeof ruleDocumentSchema>;

export const criterionStatuses = ['met', 'not_met', 'missing'] as const;
export type CriterionStatus = (typeof criterionStatuses)[number];
export const eligibilityOutcomes = ['eligible', 'nearly', 'not_eligible'] as const;
export type EligibilityOutcome = (typeof eligibilityOutcomes)[number];

export const declaredValueSchema = z.union([z.boolean(), z.number().finite(), z.string().max(200)]);
export const declaredFactsSchema = z.record(factKey, declaredValueSchema);
export type DeclaredFacts = z.infer<typeof declaredFactsSchema>;

/** The value a criterion used, for display: a number, a code, a list of codes, or nothing. */
export const criterionValueSchema = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export type CriterionValue = z.infer<typeof criterionValueSchema>;

/** Where to fill a gap: a profile section, or a declared fact of the application. */
export const gapHintSchema = z.union([z.strictObject({ section: z.string() }), z.strictObject({ fact: z.string() })]);
export type GapHint = z.infer<typeof gapHintSchema>;

export const criterionResultSchema = z.object({
  id: z.string(),
  kind: z.string(),
  label: localisedTextSchema,
  depth: z.number().int(),
  status: z.enum(criterionStatuses),
  value: criterionValueSchema.optional(),
  toConfirm: z.boolean(),
  source: legalSourceSchema.optional(),
  fill: gapHintSchema.optional(),
});
export type CriterionResult = z.infer<typeof criterionResultSchema>;
