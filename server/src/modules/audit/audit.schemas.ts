import { z } from 'zod';
import { pageOf, pageQuerySchema, textSchema } from '../shared/shared.schemas.js';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  createdAt: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditPageSchema = pageOf(auditEntrySchema);

export const listAuditQuerySchema = pageQuerySchema.extend({
  actorUserId: z.uuid().optional(),
  action: textSchema().trim().max(100).optional(),
  targetType: textSchema().trim().max(50).optional(),
  targetId: textSchema().trim().max(100).optional(),
});
export type ListAuditQuery = z.infer<typeof listAuditQuerySchema>;
