import { z } from 'zod';
import { pageOf, pageQuerySchema } from '../shared/shared.schemas.js';
import { membershipStatuses } from './memberships.values.js';

export const membershipStatusSchema = z.enum(membershipStatuses);

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

export const associationIdParamsSchema = z.strictObject({ associationId: z.uuid() });

export const membershipSchema = z.object({
  id: z.uuid(),
  associationId: z.uuid(),
  profileId: z.uuid(),
  status: membershipStatusSchema,
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
  status: membershipStatusSchema.optional(),
  /** Part of a name, with or without diacritics. */
  q: z.string().trim().max(100).optional(),
});
export type MembersQuery = z.infer<typeof membersQuerySchema>;
export const membersSchema = pageOf(
  membershipSchema.extend({
    /** What the member shares with agencies (null: the profile is not shared with agencies at all). */
    fullName: z.string().nullable(),
    highestDegree: z.string().nullable(),
    academicTitle: z.string().nullable(),
    contactEmail: z.string().nullable(),
    claimed: z.boolean(),
  }),
);

export const proposalAnswerBodySchema = z.strictObject({ answer: z.enum(['accept', 'decline']) });
