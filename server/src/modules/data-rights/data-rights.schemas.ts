import { z } from 'zod';
import { auditEntrySchema } from '../audit/audit.schemas.js';
import { ownProfileSchema, profileVersionSchema } from '../profiles/profiles.schemas.js';
import { meSchema, sessionSchema } from '../users/users.schemas.js';

export const consentRecordSchema = z.object({
  id: z.uuid(),
  purpose: z.string(),
  noticeVersion: z.string(),
  action: z.enum(['granted', 'withdrawn']),
  method: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export const consentListSchema = z.object({ items: z.array(consentRecordSchema) });

/** Everything the platform holds about the caller (Law 91/2025 Art. 4, right of access). */
export const dataExportSchema = z.object({
  format: z.literal('hpen-export/1'),
  exportedAt: z.string(),
  account: meSchema,
  consents: z.array(consentRecordSchema),
  profile: ownProfileSchema.nullable(),
  profileHistory: z.array(profileVersionSchema),
  sessions: z.array(sessionSchema),
  activity: z.array(auditEntrySchema.omit({ actorName: true })),
});
export type DataExport = z.infer<typeof dataExportSchema>;
