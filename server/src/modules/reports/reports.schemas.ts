import { annualReportStatuses } from '@hpen/db/enums';
import { z } from 'zod';
import { multilineTextSchema, textSchema } from '../shared/shared.schemas.js';

/** Contracts of the reporting module. Pure zod: web/ imports this file. */

/** One figure of a breakdown. In public figures `count` is null when suppressed (fewer than 5 people). */
export const cellSchema = z.object({ key: z.string(), count: z.number().int().nullable() });
export type Cell = { key: string; count: number };
export type PublicCell = z.infer<typeof cellSchema>;
/** The key under which public breakdowns pool their small cells. */
export const SUPPRESSED_KEY = '_suppressed';
export const MIN_PUBLIC_CELL = 5;

const dateQuery = z.iso.date();
export const reportFiltersSchema = z.object({
  from: dateQuery.optional(),
  to: dateQuery.optional(),
  agencyId: z.uuid().optional(),
  associationId: z.uuid().optional(),
  field: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
});
export type ReportFiltersQuery = z.infer<typeof reportFiltersSchema>;
export interface ReportFilters {
  from: Date;
  to: Date;
  agencyId?: string | undefined;
  associationId?: string | undefined;
  field?: string | undefined;
}

const fieldCellSchema = cellSchema.extend({ sub: z.array(cellSchema) });
export const expertsFiguresSchema = z.object({
  total: z.number().int().nullable(),
  verified: z.number().int().nullable(),
  /** Verified profiles over all profiles, 0..1. */
  verifiedShare: z.number().nullable(),
  registered: z.number().int().nullable(),
  /** Average completeness score, 0..100. */
  completeness: z.number().int().nullable(),
  completenessBands: z.array(cellSchema),
  byField: z.array(fieldCellSchema),
  bySector: z.array(cellSchema),
  byDegree: z.array(cellSchema),
  byTitle: z.array(cellSchema),
  byAgeBand: z.array(cellSchema),
  byGender: z.array(cellSchema),
  byLocation: z.array(cellSchema),
  byAssociation: z.array(cellSchema),
  growth: z.object({ created: z.array(cellSchema), claimed: z.array(cellSchema), updated: z.array(cellSchema) }).optional(),
});
export type ExpertsFigures = z.infer<typeof expertsFiguresSchema>;

export const curationFiguresSchema = z.object({
  queue: z.number().int(),
  queueAgeing: z.array(cellSchema),
  verificationDecisions: z.array(cellSchema),
  memberships: z.array(cellSchema),
  imports: z.object({ jobs: z.number().int(), done: z.number().int(), rowsImported: z.number().int() }),
});
export const consultationFiguresSchema = z.object({
  total: z.number().int(),
  sent: z.number().int(),
  daysToOpinion: z.number().nullable(),
  rated: z.number().int(),
  ratingAverage: z.number().nullable(),
  byKind: z.array(cellSchema),
  byStatus: z.array(cellSchema),
  byRequester: z.array(cellSchema),
  /** Usefulness ratings (1–5) given by the requesters. */
  byRating: z.array(cellSchema),
  /** Who sat on the panels (accepted invitations): seats, distinct people and their spread. */
  panel: z.object({
    seats: z.number().int(),
    people: z.number().int(),
    byGender: z.array(cellSchema),
    byOrganisationType: z.array(cellSchema),
    byLocation: z.array(cellSchema),
    byField: z.array(cellSchema),
  }),
});
export const programFiguresSchema = z.object({
  /** Submitted applications of the period. */
  applied: z.number().int(),
  /** Of those, the ones the program's rules found eligible at submission. */
  eligible: z.number().int(),
  approved: z.number().int(),
  rejected: z.number().int(),
  byStatus: z.array(cellSchema),
  /** Submitted applications per program code. */
  byProgram: z.array(cellSchema),
  approvedByProgram: z.array(cellSchema),
  /** Service commitments started by approvals: in force, and ended (completed or ended early). */
  commitments: z.object({ active: z.number().int(), ended: z.number().int() }),
});
export type ProgramFigures = z.infer<typeof programFiguresSchema>;
export const awardFiguresSchema = z.object({
  /** Nominations past draft, of the rounds held in the period's years. */
  nominations: z.number().int(),
  awarded: z.number().int(),
  /** Persons honoured (a team nomination counts each nominee). */
  awardedPeople: z.number().int(),
  byStatus: z.array(cellSchema),
  /** Awarded nominations per field (the award's category). */
  awardedByField: z.array(cellSchema),
  awardedByYear: z.array(cellSchema),
});
export type AwardFigures = z.infer<typeof awardFiguresSchema>;
/** A domain whose module is not built yet (programs, awards, dialogues): shown as "not yet available". */
export const unavailableSchema = z.object({ available: z.literal(false) });

export const reportDomains = ['experts', 'curation', 'consultations', 'programs', 'awards'] as const;
export type ReportDomain = (typeof reportDomains)[number];

/** The moment the figures were computed for (stored figures are refreshed by the scheduler). */
const asOfSchema = z.string().optional();

export const overviewSchema = z.object({
  generatedAt: z.string(),
  asOf: asOfSchema,
  filters: z.object({
    from: z.string(),
    to: z.string(),
    agencyId: z.string().nullable(),
    associationId: z.string().nullable(),
    field: z.string().nullable(),
  }),
  /** Which domains contributed figures; the others are "not yet available". */
  available: z.array(z.enum(reportDomains)),
  experts: expertsFiguresSchema,
  curation: z.union([curationFiguresSchema, unavailableSchema]),
  consultations: z.union([consultationFiguresSchema, unavailableSchema]),
  programs: z.union([programFiguresSchema, unavailableSchema]),
  awards: z.union([awardFiguresSchema, unavailableSchema]),
});
export type Overview = z.infer<typeof overviewSchema>;

export const publicStatisticsSchema = z.object({
  generatedAt: z.string(),
  asOf: asOfSchema,
  minimumCell: z.number().int(),
  experts: expertsFiguresSchema.omit({ growth: true, registered: true }),
  consultations: z.object({ total: z.number().int().nullable(), sent: z.number().int().nullable(), byKind: z.array(cellSchema) }),
  programs: z.object({
    applied: z.number().int().nullable(),
    approved: z.number().int().nullable(),
    byProgram: z.array(cellSchema),
    commitmentsActive: z.number().int().nullable(),
  }),
  awards: z.object({
    nominations: z.number().int().nullable(),
    awarded: z.number().int().nullable(),
    awardedByField: z.array(cellSchema),
  }),
});
export type PublicStatistics = z.infer<typeof publicStatisticsSchema>;

// ——— yearly implementation report ———
export const annualFormats = ['json', 'xlsx', 'csv', 'pdf'] as const;

export const annualQuerySchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100),
  /** Staff of the Department of S&T (officer, admin) read any agency's report; omitted: city-wide. */
  organisationId: z.uuid().optional(),
  format: z.enum(annualFormats).default('json'),
});
export const yearParamsSchema = z.object({ year: z.coerce.number().int().min(2020).max(2100) });
export const annualIdParamsSchema = z.object({ id: z.uuid() });

export const annualTextsSchema = z.strictObject({
  results: multilineTextSchema().trim().max(20_000),
  difficulties: multilineTextSchema().trim().max(20_000),
  proposals: multilineTextSchema().trim().max(20_000),
});
export const saveAnnualBodySchema = z.strictObject({
  texts: annualTextsSchema,
  documentNumber: textSchema().trim().max(60).default(''),
  signerName: textSchema().trim().max(120).default(''),
  signerTitle: textSchema().trim().max(120).default(''),
  /** The version the editor started from (optimistic locking); omitted when creating. */
  version: z.number().int().min(1).optional(),
});
export type SaveAnnualBody = z.infer<typeof saveAnnualBodySchema>;
export const returnAnnualBodySchema = z.strictObject({ reason: multilineTextSchema().trim().min(1).max(2000) });

export const annualFigureSchema = z.object({
  task: z.string(),
  code: z.string(),
  labelVi: z.string(),
  labelEn: z.string(),
  value: z.number().nullable(),
  /** Which domain gives it; a null value from an unavailable domain reads "not yet available". */
  domain: z.string(),
  available: z.boolean(),
});
export type AnnualFigure = z.infer<typeof annualFigureSchema>;
export const annualSectionSchema = z.object({
  code: z.string(),
  titleVi: z.string(),
  titleEn: z.string(),
  tasks: z.array(z.object({ code: z.string(), textVi: z.string(), textEn: z.string() })),
  figures: z.array(annualFigureSchema),
});
export const annualReportSchema = z.object({
  id: z.uuid().nullable(),
  year: z.number().int(),
  scope: z.enum(['agency', 'city']),
  organisation: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  status: z.enum(annualReportStatuses).nullable(),
  version: z.number().int().nullable(),
  documentNumber: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  texts: z.object({ results: z.string(), difficulties: z.string(), proposals: z.string() }),
  sections: z.array(annualSectionSchema),
  /** Breakdown tables of the domains (programs by program, awards by field, …). */
  breakdowns: z.array(
    z.object({ domain: z.string(), code: z.string(), titleVi: z.string(), titleEn: z.string(), rows: z.array(cellSchema) }),
  ),
  /** City-wide: each agency's report and its state. */
  submissions: z.array(
    z.object({
      id: z.uuid(),
      organisationId: z.uuid(),
      organisationCode: z.string(),
      organisationName: z.string(),
      status: z.enum(annualReportStatuses),
    }),
  ),
});
export type AnnualReport = z.infer<typeof annualReportSchema>;
