import { consultationKinds, consultationStatuses, invitationStatuses, panelRoles } from '@hpen/db/enums';
import { z } from 'zod';
import { sectorCodes } from '../reference/reference.data.js';
import { reviewSections } from './consultations.values.js';

const text = (max: number) => z.string().trim().max(max);
const fieldCode = z.string().regex(/^\d{1,3}$/);

export const schemeSchema = z.strictObject({
  title: text(300).default(''),
  ownerAgency: text(300).default(''),
  type: text(100).default(''),
  summary: text(5000).default(''),
  draftingTeam: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
});

export const budgetSchema = z.strictObject({
  estimateVnd: z.number().int().min(0).max(1e13).nullable().default(null),
  fundingSource: z.enum(['requester', 'state_budget', 'other']).nullable().default(null),
  approvalReference: text(200).default(''),
});

/** POST /api/consultations. requesterOrganisationId is for the Union raising a case on its own initiative. */
export const createConsultationBodySchema = z.strictObject({
  kind: z.enum(consultationKinds),
  title: z.string().trim().min(3).max(300),
  summary: text(10_000).default(''),
  fields: z.array(fieldCode).max(20).default([]),
  sectors: z.array(z.enum(sectorCodes)).max(20).default([]),
  keywords: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
  dueAt: z.iso.date().or(z.iso.datetime({ offset: true })),
  panelSize: z.number().int().min(1).max(25),
  blind: z.boolean().default(false),
  questions: z.array(z.string().trim().min(1).max(2000)).max(30).default([]),
  scheme: schemeSchema.optional(),
  budget: budgetSchema.optional(),
  publishable: z.boolean().default(false),
  organiserOrganisationId: z.uuid().optional(),
  requesterOrganisationId: z.uuid().optional(),
});
export type CreateConsultationBody = z.infer<typeof createConsultationBodySchema>;

export const consultationIdParamsSchema = z.object({ id: z.uuid() });
export const createdSchema = z.object({ id: z.uuid(), status: z.enum(consultationStatuses) });

export const memberViewSchema = z.object({
  id: z.uuid(),
  /** Null where a blind case hides who it is. */
  profileId: z.uuid().nullable(),
  name: z.string(),
  role: z.enum(panelRoles),
  status: z.enum(invitationStatuses),
  respondedAt: z.string().nullable(),
  contact: z.object({ email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  reviewSubmitted: z.boolean(),
});
export type MemberView = z.infer<typeof memberViewSchema>;

export const consultationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(consultationKinds),
  status: z.enum(consultationStatuses),
  title: z.string(),
  summary: z.string(),
  scheme: schemeSchema.extend({ ownerOrganisationId: z.uuid().nullable() }),
  requester: z.object({ id: z.uuid(), name: z.string() }),
  organiser: z.object({ id: z.uuid(), name: z.string() }),
  initiator: z.enum(['requester', 'union']),
  questions: z.array(z.string()),
  fields: z.array(z.string()),
  sectors: z.array(z.string()),
  keywords: z.array(z.string()),
  dueAt: z.string(),
  panelSize: z.number().int(),
  blind: z.boolean(),
  budget: budgetSchema,
  publishable: z.boolean(),
  published: z.boolean(),
  policy: z.object({ code: z.string(), legalReference: z.string(), verified: z.boolean() }),
  report: z
    .object({
      summary: z.string(),
      body: z.string(),
      points: z.array(z.object({ reviewId: z.string(), text: z.string(), dissent: z.boolean() })),
      approved: z.boolean(),
    })
    .nullable(),
  reply: z.object({ accepted: z.string(), notAccepted: z.string(), explanation: z.string(), at: z.string() }).nullable(),
  rating: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
  members: z.array(memberViewSchema),
  timeline: z.array(z.object({ from: z.string().nullable(), to: z.string(), at: z.string(), note: z.string() })),
  /** What the viewer may do now (the web shows only these actions). */
  can: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConsultationView = z.infer<typeof consultationSchema>;

export const consultationListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      kind: z.enum(consultationKinds),
      status: z.enum(consultationStatuses),
      title: z.string(),
      dueAt: z.string(),
      myRole: z.string(),
    }),
  ),
});

export const reasonSchema = z.object({ code: z.string(), detail: z.string(), points: z.number() });
export const conflictSchema = z.object({ code: z.string(), evidence: z.string() });
export const suggestionSchema = z.object({
  profileId: z.uuid(),
  fullName: z.string(),
  score: z.number(),
  reasons: z.array(reasonSchema),
  conflicts: z.array(conflictSchema),
  workload: z.object({ active: z.number().int(), last12Months: z.number().int(), overCap: z.boolean() }),
  available: z.boolean(),
  invited: z.boolean(),
  /** False for a profile nobody has claimed yet (imported): it can be found but not invited. */
  registered: z.boolean(),
});
export type Suggestion = z.infer<typeof suggestionSchema>;
export const suggestionsSchema = z.object({
  suggestions: z.array(suggestionSchema),
  /** Experts who fit but do not offer this kind of work: shown apart. */
  unavailable: z.array(suggestionSchema),
});

/** Found by name for the panel builder: every match, available or not, each screened. */
export const candidatesSchema = z.object({ suggestions: z.array(suggestionSchema) });
export type Candidates = z.infer<typeof candidatesSchema>;

export const panelProposalSchema = z.object({
  members: z.array(z.object({ profileId: z.uuid(), fullName: z.string(), role: z.enum(panelRoles), why: z.array(z.string()) })),
  uncoveredFields: z.array(z.string()),
  notes: z.array(z.string()),
});

export const inviteBodySchema = z.strictObject({
  profileIds: z.array(z.uuid()).min(1).max(50),
  role: z.enum(panelRoles).optional(),
  roles: z.record(z.uuid(), z.enum(panelRoles)).optional(),
  /** A conflict flag may be overridden only with a written reason (audited). */
  overrides: z
    .array(z.strictObject({ profileId: z.uuid(), code: z.string().max(60), reason: z.string().trim().min(10).max(2000) }))
    .max(100)
    .default([]),
});
export const inviteResultSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), profileId: z.uuid(), status: z.enum(invitationStatuses) })),
  skipped: z.array(z.uuid()),
});

export const invitationItemSchema = z.object({
  id: z.uuid(),
  consultationId: z.uuid(),
  status: z.enum(invitationStatuses),
  role: z.enum(panelRoles),
  title: z.string(),
  kind: z.enum(consultationKinds),
  caseStatus: z.enum(consultationStatuses),
  dueAt: z.string(),
  requester: z.string(),
  reviewSubmitted: z.boolean(),
});
export const invitationListSchema = z.object({ items: z.array(invitationItemSchema) });

export const declarationSchema = z.strictObject({
  conflict: z.boolean(),
  description: text(2000).default(''),
  familyOrFinancial: z.boolean().default(false),
  confidentiality: z.boolean(),
  /** Consent to share my contact details with the requesting agency. */
  shareContact: z.boolean().default(false),
  /** Consent to my name on the public record once the case is published. */
  publishName: z.boolean().default(false),
});
export const acceptBodySchema = z.strictObject({ declaration: declarationSchema });
export const declineBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const laterConflictBodySchema = z.strictObject({ description: z.string().trim().min(5).max(2000) });
export const invitationResultSchema = z.object({ id: z.uuid(), status: z.enum(invitationStatuses) });

export const reviewBodySchema = z.strictObject(
  Object.fromEntries(reviewSections.map((k) => [k, text(20_000).optional()])) as Record<
    (typeof reviewSections)[number],
    z.ZodOptional<z.ZodString>
  >,
);
export type ReviewBody = z.infer<typeof reviewBodySchema>;
export const reviewSchema = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  reviewer: z.string(),
  role: z.enum(panelRoles),
  content: z.record(z.string(), z.string()),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const reviewListSchema = z.object({ items: z.array(reviewSchema) });

export const reportBodySchema = z.strictObject({
  summary: z.string().trim().min(1).max(10_000),
  body: z.string().trim().min(1).max(100_000),
  points: z
    .array(z.strictObject({ reviewId: z.uuid(), text: z.string().trim().min(1).max(5000), dissent: z.boolean().default(false) }))
    .max(200)
    .default([]),
});
export const replyBodySchema = z.strictObject({
  accepted: text(20_000),
  notAccepted: text(20_000),
  explanation: text(20_000),
});
export const ratingBodySchema = z.strictObject({ score: z.number().int().min(1).max(5), comment: text(2000).default('') });
export const closeBodySchema = z.strictObject({ publish: z.boolean().default(false) });
export const cancelBodySchema = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export const statusSchema = z.object({ id: z.uuid(), status: z.enum(consultationStatuses) });
export const ratingSummarySchema = z.object({ count: z.number().int(), average: z.number().nullable() });

export const publicConsultationSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(consultationKinds),
  scheme: z.object({ title: z.string(), ownerAgency: z.string() }),
  requester: z.string(),
  organiser: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  reportSummary: z.string(),
  reply: z.object({ accepted: z.string(), notAccepted: z.string(), explanation: z.string() }).nullable(),
  panel: z.array(z.object({ name: z.string(), profileId: z.uuid(), role: z.enum(panelRoles) })),
});
export type PublicConsultation = z.infer<typeof publicConsultationSchema>;
export const publicConsultationListSchema = z.object({ items: z.array(publicConsultationSchema) });

export const documentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  version: z.number().int(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const documentListSchema = z.object({ items: z.array(documentSchema) });
