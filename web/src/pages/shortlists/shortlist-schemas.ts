import { shortlistBodySchema, shortlistItemBodySchema } from '@hpen/server/contracts';
import { z } from 'zod';

/**
 * The shortlist forms' schemas, imported by the forms when they are shown (use-zod-form.ts), so zod
 * is not part of the shortlist pages' or the expert page's first load.
 */
export { shortlistBodySchema, shortlistItemBodySchema, shortlistPatchSchema } from '@hpen/server/contracts';

/** Either a list to create (its name is the API's) or an existing one; the note is the API's too. */
export const addSchema = z.discriminatedUnion('target', [
  z.object({ target: z.literal('new'), name: shortlistBodySchema.shape.name, note: shortlistItemBodySchema.shape.note }),
  z.object({ target: z.literal('existing'), shortlistId: z.uuid(), note: shortlistItemBodySchema.shape.note }),
]);
export type AddInput = z.infer<typeof addSchema>;
