import { z } from 'zod';
import { verificationItemTypes, verificationStatuses } from './verification.values.js';

const fileSchema = z.object({ id: z.uuid(), filename: z.string(), mimeType: z.string(), size: z.number().int() });
export const verificationSchema = z.object({
  id: z.uuid(),
  profileId: z.uuid(),
  itemType: z.enum(verificationItemTypes),
  itemId: z.string().nullable(),
  snapshot: z.record(z.string(), z.unknown()),
  associationId: z.uuid().nullable(),
  status: z.enum(verificationStatuses),
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
  status: z.enum(verificationStatuses).optional(),
  itemType: z.enum(verificationItemTypes).optional(),
  associationId: z.uuid().optional(),
  minAgeDays: z.coerce.number().int().min(0).max(3650).optional(),
});
/** The text fields of the multipart verification request (files come as `evidence`). */
export const verificationFieldsSchema = z.strictObject({
  itemType: z.enum(verificationItemTypes),
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
