import { z } from 'zod';
import { sectorCodes } from '../reference/reference.data.js';
import { communeCodeSchema } from '../reference/reference.schemas.js';
import { multilineTextSchema, textSchema } from '../shared/shared.schemas.js';
import { expertViewSchema } from '../profiles/profiles.schemas.js';

export const offerKinds = ['position', 'short_term', 'visiting', 'remote'] as const;
export const offerModes = ['on_site', 'remote', 'hybrid'] as const;
export const offerStatuses = ['draft', 'published', 'closed'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

const fieldCode = z.string().regex(/^\d{1,7}$/, { message: 'A field code from the taxonomy' });
/** `?kind=a&kind=b` or `?kind=a,b`. */
const list = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) =>
      v === undefined
        ? undefined
        : (Array.isArray(v) ? v : [v])
            .flatMap((s) => String(s).split(','))
            .map((s) => s.trim())
            .filter(Boolean),
    z.array(item).max(20).optional(),
  );

export const offerIdParamsSchema = z.strictObject({ id: z.uuid() });

export const offerBodySchema = z.strictObject({
  title: textSchema().trim().min(3).max(200),
  description: multilineTextSchema().trim().max(5000).default(''),
  kind: z.enum(offerKinds),
  mode: z.enum(offerModes),
  fields: z.array(fieldCode).max(10).default([]),
  sectors: z.array(z.enum(sectorCodes)).max(10).default([]),
  communeCode: communeCodeSchema.nullable().default(null),
  requirements: multilineTextSchema().trim().max(3000).default(''),
  overseasWelcome: z.boolean().default(false),
  programId: z.uuid().nullable().default(null),
  closesAt: z.iso.date().nullable().default(null),
  /** Admins post for any organisation; others for their own. */
  organisationId: z.uuid().optional(),
});
export type OfferBody = z.infer<typeof offerBodySchema>;
export const offerUpdateSchema = offerBodySchema
  .omit({ organisationId: true })
  .partial()
  .extend({ version: z.number().int().min(1) });
export const offerStatusBodySchema = z.strictObject({ status: z.enum(offerStatuses) });

export const offerListQuerySchema = z.strictObject({
  q: textSchema().trim().max(200).optional().default(''),
  kind: list(z.enum(offerKinds)),
  mode: list(z.enum(offerModes)),
  field: list(fieldCode),
  sector: list(z.enum(sectorCodes)),
  programId: list(z.uuid()),
  overseas: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type OfferListQuery = z.infer<typeof offerListQuerySchema>;

export const offerSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  programId: z.uuid().nullable(),
  programCode: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(offerKinds),
  mode: z.enum(offerModes),
  fields: z.array(z.string()),
  sectors: z.array(z.string()),
  communeCode: z.string().nullable(),
  requirements: z.string(),
  overseasWelcome: z.boolean(),
  status: z.enum(offerStatuses),
  closesAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** For the poster: active interests; for an expert: whether they are interested. */
  interestCount: z.number().int().optional(),
  myInterest: z
    .object({ status: z.enum(['active', 'withdrawn']), message: z.string() })
    .nullable()
    .optional(),
  can: z.array(z.string()),
});
export type OfferView = z.infer<typeof offerSchema>;

const facetCounts = z.record(z.string(), z.number().int());
export const offerListSchema = z.object({
  items: z.array(offerSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  facets: z.object({ kind: facetCounts, mode: facetCounts, field: facetCounts, sector: facetCounts, program: facetCounts }),
});

export const interestBodySchema = z.strictObject({ note: multilineTextSchema().trim().max(2000).default('') });
export const interestSchema = z.object({
  id: z.uuid(),
  offerId: z.uuid(),
  offerTitle: z.string(),
  status: z.enum(['active', 'withdrawn']),
  message: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const interestListSchema = z.object({ items: z.array(interestSchema) });

/** What the poster sees of an interested expert: the profile as the expert shares it with agencies. */
export const interestedExpertSchema = z.object({
  interestId: z.uuid(),
  profileId: z.uuid(),
  message: z.string(),
  createdAt: z.string(),
  profile: expertViewSchema.nullable(),
});
export const interestedListSchema = z.object({ items: z.array(interestedExpertSchema) });

export const suggestedExpertSchema = z.object({
  profileId: z.uuid(),
  fullName: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  eligibility: z.enum(['eligible', 'nearly', 'not_eligible']).nullable(),
  interested: z.boolean(),
});
export const suggestedExpertListSchema = z.object({ items: z.array(suggestedExpertSchema) });
export const suggestedOfferListSchema = z.object({
  items: z.array(z.object({ offer: offerSchema, score: z.number(), reasons: z.array(z.string()) })),
});
export const alertStateSchema = z.object({ enabled: z.boolean() });

// ---- commitments ----
export const commitmentStatuses = ['active', 'completed', 'ended_early'] as const;
export const commitmentSchema = z.object({
  id: z.uuid(),
  applicationId: z.uuid(),
  programId: z.uuid(),
  programCode: z.string(),
  profileId: z.uuid(),
  expertName: z.string(),
  employerOrganisationId: z.uuid().nullable(),
  employer: z.string(),
  field: z.string(),
  startDate: z.string(),
  years: z.number().int(),
  status: z.enum(commitmentStatuses),
  confirmations: z.array(z.object({ year: z.number().int(), at: z.string(), note: z.string() })),
  /** The next year to confirm and its due date (start + year), while active. */
  next: z.object({ year: z.number().int(), dueDate: z.string() }).nullable(),
  exit: z
    .object({
      date: z.string(),
      reason: z.string(),
      consequence: z.object({
        text: z.string(),
        textEn: z.string(),
        amountVnd: z.number().nullable(),
        toConfirm: z.boolean(),
        sourceUrl: z.string().nullable(),
      }),
      at: z.string(),
    })
    .nullable(),
  version: z.number().int(),
  can: z.array(z.string()),
});
export type CommitmentView = z.infer<typeof commitmentSchema>;
export const commitmentListSchema = z.object({ items: z.array(commitmentSchema) });
export const commitmentListQuerySchema = z.strictObject({
  status: z.enum(commitmentStatuses).optional(),
  scope: z.enum(['mine', 'manage']).optional(),
});
export const confirmBodySchema = z.strictObject({
  year: z.number().int().min(1).max(30),
  note: multilineTextSchema().trim().max(2000).default(''),
});
export const exitBodySchema = z.strictObject({
  date: z.iso.date(),
  reason: multilineTextSchema().trim().min(3).max(2000),
});
export const commitmentUpdateSchema = z.strictObject({
  employerOrganisationId: z.uuid().nullable().optional(),
  employer: textSchema().trim().max(200).optional(),
  field: textSchema().trim().max(100).optional(),
  startDate: z.iso.date().optional(),
  version: z.number().int().min(1),
});

// ---- "eligible for program X" ----
export const eligibleQuerySchema = z.strictObject({
  programId: z.uuid(),
  nearly: z.enum(['true', 'false']).default('false'),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export const eligibleResultSchema = z.object({
  programId: z.uuid(),
  programVersion: z.number().int(),
  /** Declared facts no profile holds, assumed favourable here: to confirm with the expert. */
  assumedFacts: z.array(z.string()),
  total: z.number().int(),
  counts: z.object({ eligible: z.number().int(), nearly: z.number().int(), scanned: z.number().int() }),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(
    z.object({
      profileId: z.uuid(),
      fullName: z.string(),
      outcome: z.enum(['eligible', 'nearly']),
      group: z.string().nullable(),
      gap: z.number().int(),
      /** The current position as agencies see the profile ("title, organisation"), to tell namesakes apart; null when not shared. */
      workplace: z.string().nullable(),
    }),
  ),
  /** precomputed: from the outcomes kept current in the background; scan: every profile evaluated for this query. */
  source: z.enum(['precomputed', 'scan']),
  /** The day the rules were evaluated for (ages and remaining years depend on it). */
  asOf: z.string(),
  /** A recomputation (new version, new day) is under way: the list may change shortly. */
  computing: z.boolean(),
  ms: z.number(),
});
