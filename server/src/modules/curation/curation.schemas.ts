import { z } from 'zod';
import { expertViewSchema, profileSections } from '../profiles/profiles.schemas.js';
import { pageOf, pageQuerySchema } from '../shared/shared.schemas.js';

export const associationSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  kind: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  parentId: z.uuid().nullable(),
  members: z.number().int(),
});
export const associationListSchema = z.object({ items: z.array(associationSchema) });
export const createAssociationBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, { message: 'Lower-case letters, digits and hyphens (2–40)' }),
  nameVi: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().min(2).max(200),
});
export const updateAssociationBodySchema = createAssociationBodySchema.omit({ code: true }).partial();

export const idParamsSchema = z.strictObject({ id: z.uuid() });
export const associationIdParamsSchema = z.strictObject({ associationId: z.uuid() });

export const membershipSchema = z.object({
  id: z.uuid(),
  associationId: z.uuid(),
  profileId: z.uuid(),
  status: z.enum(['pending', 'approved', 'rejected', 'left']),
  source: z.string(),
  message: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const myMembershipsSchema = z.object({
  items: z.array(
    membershipSchema.extend({ association: z.object({ id: z.uuid(), code: z.string(), nameVi: z.string(), nameEn: z.string() }) }),
  ),
});
export const applyBodySchema = z.strictObject({ associationId: z.uuid(), message: z.string().trim().max(1000).default('') });
export const decisionBodySchema = z
  .strictObject({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(1000).optional() })
  .refine((b) => b.decision === 'approve' || (b.reason && b.reason.length >= 3), {
    message: 'Give a reason when rejecting',
    path: ['reason'],
    params: { code: 'reason_required' },
  });
export const membersQuerySchema = z.strictObject({
  ...pageQuerySchema.shape,
  status: z.enum(['pending', 'approved', 'rejected', 'left']).optional(),
  /** Part of a name, with or without diacritics. */
  q: z.string().trim().max(100).optional(),
});
export type MembersQuery = z.infer<typeof membersQuerySchema>;
export const membersSchema = pageOf(
  membershipSchema.extend({
    fullName: z.string(),
    highestDegree: z.string().nullable(),
    academicTitle: z.string().nullable(),
    contactEmail: z.string().nullable(),
    claimed: z.boolean(),
  }),
);

const fileSchema = z.object({ id: z.uuid(), filename: z.string(), mimeType: z.string(), size: z.number().int() });
export const verificationSchema = z.object({
  id: z.uuid(),
  profileId: z.uuid(),
  itemType: z.enum(['degree', 'title', 'position']),
  itemId: z.string().nullable(),
  snapshot: z.record(z.string(), z.unknown()),
  associationId: z.uuid().nullable(),
  status: z.enum(['pending', 'approved', 'rejected', 'changes_requested', 'superseded', 'withdrawn']),
  note: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  ageDays: z.number().int(),
  files: z.array(fileSchema),
});
export const verificationListSchema = z.object({ items: z.array(verificationSchema) });
export const queueItemSchema = verificationSchema.extend({ fullName: z.string(), associationName: z.string().nullable() });
export const queueSchema = z.object({ items: z.array(queueItemSchema) });
export const queueQuerySchema = z.strictObject({
  status: z.enum(['pending', 'approved', 'rejected', 'changes_requested', 'superseded', 'withdrawn']).optional(),
  itemType: z.enum(['degree', 'title', 'position']).optional(),
  associationId: z.uuid().optional(),
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
});
/** The text fields of the multipart verification request (files come as `evidence`). */
export const verificationFieldsSchema = z.strictObject({
  itemType: z.enum(['degree', 'title', 'position']),
  itemId: z.string().max(100).optional(),
  associationId: z.uuid().optional(),
  note: z.string().trim().max(1000).default(''),
});
export const verificationDecisionBodySchema = z
  .strictObject({ decision: z.enum(['approve', 'reject', 'request_changes']), reason: z.string().trim().max(1000).optional() })
  .refine((b) => b.decision === 'approve' || (b.reason && b.reason.length >= 3), {
    message: 'Give a reason when rejecting or asking for changes',
    path: ['reason'],
    params: { code: 'reason_required' },
  });

const side = z.object({ id: z.uuid(), claimed: z.boolean(), view: expertViewSchema.nullable() }).nullable();
export const duplicateSchema = z.object({
  id: z.uuid(),
  score: z.number().int(),
  reasons: z.array(z.string()),
  status: z.string(),
  a: side,
  b: side,
  createdAt: z.string(),
});
export const duplicateListSchema = z.object({ items: z.array(duplicateSchema) });
export const duplicatesQuerySchema = z.strictObject({ status: z.enum(['open', 'dismissed', 'merged']).default('open') });
export const scanResultSchema = z.object({
  profiles: z.number().int(),
  candidates: z.number().int(),
  new: z.number().int(),
  ms: z.number(),
});
export const mergeBodySchema = z.strictObject({
  keep: z.enum(['a', 'b']),
  /** For each section, which side's content to keep (default: the kept profile's). */
  take: z.partialRecord(z.enum(profileSections), z.enum(['a', 'b'])).default({}),
});
export const mergeResultSchema = z.object({ keptId: z.uuid(), mergedAwayId: z.uuid(), version: z.number().int() });

export const importJobSchema = z.object({
  id: z.uuid(),
  associationId: z.uuid(),
  filename: z.string(),
  format: z.string(),
  size: z.number(),
  status: z.enum(['parsing', 'dry_run_ready', 'failed', 'importing', 'done']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  counts: z.record(z.string(), z.number()),
  clean: z.boolean(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const importJobListSchema = z.object({ items: z.array(importJobSchema) });
export const importUploadQuerySchema = z.strictObject({ associationId: z.uuid() });
export const importListQuerySchema = z.strictObject({ associationId: z.uuid().optional() });
export const importRowsQuerySchema = z.strictObject({
  only: z.enum(['errors', 'create', 'update', 'match']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const importRowsSchema = z.object({
  items: z.array(
    z.object({
      rowNumber: z.number().int(),
      action: z.string(),
      data: z.record(z.string(), z.unknown()),
      errors: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })),
      profileId: z.string().nullable(),
      done: z.boolean(),
    }),
  ),
  total: z.number().int(),
});

export const dashboardSchema = z.object({
  verification: z.object({
    pending: z.number().int(),
    ageing: z.object({ under7Days: z.number().int(), from7To30Days: z.number().int(), over30Days: z.number().int() }),
    oldestDays: z.number().int().nullable(),
    byType: z.record(z.string(), z.number().int()),
  }),
  memberships: z.object({ pending: z.number().int() }),
  duplicates: z.object({ open: z.number().int() }),
  imports: z.array(importJobSchema),
});
