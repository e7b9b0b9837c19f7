import { z } from 'zod';
import { expertViewSchema, profileSections } from '../profiles/profiles.schemas.js';

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
