import { z } from 'zod';
import { textSchema, multilineTextSchema } from '../shared/shared.schemas.js';
import { expertViewSchema } from '../profiles/profiles.schemas.js';

export const shortlistBodySchema = z.strictObject({
  name: textSchema().trim().min(1).max(120),
  description: multilineTextSchema().trim().max(1000).default(''),
});
export const shortlistPatchSchema = shortlistBodySchema.partial();
export const shortlistItemBodySchema = z.strictObject({ note: multilineTextSchema().trim().max(2000).default('') });

export const shortlistIdParamsSchema = z.strictObject({ id: z.uuid() });
export const shortlistItemParamsSchema = z.strictObject({ id: z.uuid(), profileId: z.uuid() });

export const shortlistSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  count: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const shortlistListSchema = z.object({ items: z.array(shortlistSummarySchema) });

export const shortlistItemSchema = z.object({
  profileId: z.uuid(),
  note: z.string(),
  addedAt: z.string(),
  /** The agency view of the expert; null when the expert no longer shares their profile with agencies. */
  expert: expertViewSchema.nullable(),
});
export const shortlistSchema = shortlistSummarySchema.extend({ items: z.array(shortlistItemSchema) });
export type Shortlist = z.infer<typeof shortlistSchema>;
export type ShortlistSummary = z.infer<typeof shortlistSummarySchema>;
